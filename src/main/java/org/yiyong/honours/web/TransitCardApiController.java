package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.honours.internal.TransitCard;
import org.yiyong.honours.internal.TransitCards;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;

/** 见义勇为卡 as JSON: a household's cards, who may hold one, issue and return. */
@RestController
@Tag(name = "honours")
class TransitCardApiController {

    private final TransitCards cards;
    private final SamaritanRegistry samaritans;

    TransitCardApiController(TransitCards cards, SamaritanRegistry samaritans) {
        this.cards = cards;
        this.samaritans = samaritans;
    }

    @GetMapping(path = "/api/v1/honours/transit-cards", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A household's transit cards (见义勇为卡), who may hold one and the labour-model treatment")
    CardsView cards(CurrentUser me, @RequestParam long samaritanId) {
        var samaritan = samaritans.profile(me, samaritanId);
        return new CardsView(cards.of(samaritanId).stream().map(TransitCardApiController::view).toList(),
                cards.eligible(samaritanId, samaritan), cards.labourModelTreatment(samaritanId));
    }

    @PostMapping(path = "/api/v1/honours/transit-cards", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a card to the samaritan (honour holder) or to a martyr's family member")
    ResponseEntity<CardView> issueJson(CurrentUser me, @RequestBody IssueRequest request) {
        TransitCard card = cards.issue(me, request.samaritanId() == null ? -1 : request.samaritanId(),
                request.relativeId());
        return ResponseEntity.created(URI.create("/api/v1/honours/transit-cards?samaritanId=" + card.getSamaritanId()))
                .body(view(card));
    }

    @PostMapping(path = "/api/v1/honours/transit-cards/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that a card came back, with the reason")
    CardView returnJson(CurrentUser me, @PathVariable long id, @RequestBody ReturnRequest request) {
        return view(cards.returnCard(me, id, request.returnedOn(), request.reason()));
    }

    private static CardView view(TransitCard card) {
        return new CardView(card.getId(), card.getNumber(), card.getSamaritanId(), card.getRelativeId(),
                card.getHolderName(), card.getBasis(), card.getIssuedOn(), card.getIssuedBy(), card.getReturnedOn(),
                card.getReturnReason());
    }

    record CardView(long id, String number, long samaritanId, Long relativeId, String holderName, String basis,
            LocalDate issuedOn, String issuedBy, LocalDate returnedOn, String returnReason) {
    }

    record CardsView(List<CardView> cards, List<TransitCards.Eligible> eligible, List<String> labourModelTreatment) {
    }

    record IssueRequest(Long samaritanId, Long relativeId) {
    }

    record ReturnRequest(LocalDate returnedOn, String reason) {
    }
}
