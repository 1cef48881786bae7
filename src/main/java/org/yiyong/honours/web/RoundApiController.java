package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.honours.internal.HonourRound;
import org.yiyong.honours.internal.Recipient;
import org.yiyong.honours.internal.RoundManagement;
import org.yiyong.identity.CurrentUser;

/** Honour rounds (集中表彰): opening, candidates, the panel's conflicts and scores, ranking, approval, grant. */
@RestController
@RequestMapping(path = "/api/v1/honour-rounds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "honours")
class RoundApiController {

    private final RoundManagement rounds;

    RoundApiController(RoundManagement rounds) {
        this.rounds = rounds;
    }

    @GetMapping
    @Operation(summary = "Honour rounds, newest first")
    List<RoundView> list(CurrentUser me) {
        return rounds.list(me).stream().map(RoundApiController::view).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a round over a window of confirmations, with weighted criteria (summing to 100) and its panel")
    ResponseEntity<RoundView> open(CurrentUser me, @RequestBody OpenRequest request) {
        HonourRound round = rounds.open(me, request.name(), request.windowFrom(), request.windowTo(),
                request.criteria(), request.members(), request.regionCode());
        return ResponseEntity.created(URI.create("/api/v1/honour-rounds/" + round.getId())).body(view(round));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One round with its candidates in rank order")
    RoundView get(CurrentUser me, @PathVariable long id) {
        return view(rounds.get(me, id));
    }

    @PostMapping("/{id}/candidates")
    @Operation(summary = "Draw the actors confirmed in the window as candidates")
    RoundView draw(CurrentUser me, @PathVariable long id) {
        rounds.draw(me, id);
        return view(rounds.get(me, id));
    }

    @GetMapping("/nominees")
    @Operation(summary = "The associations (先进单位) and work stations (先进工作站) that can be nominated")
    List<RoundManagement.Nominee> nominees() {
        return rounds.nominees();
    }

    @PostMapping(path = "/{id}/nominations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nominate an association or a work station as a candidate of an open round")
    RoundView nominate(CurrentUser me, @PathVariable long id, @RequestBody NominationRequest request) {
        return view(rounds.nominate(me, id, request.organizationId()));
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Start the panel's review")
    RoundView startReview(CurrentUser me, @PathVariable long id) {
        return view(rounds.startReview(me, id));
    }

    @PostMapping(path = "/{id}/candidates/{candidateId}/conflict", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A panel member declares a conflict of interest and is recused for this candidate")
    RoundView conflict(CurrentUser me, @PathVariable long id, @PathVariable long candidateId,
            @RequestBody ConflictRequest request) {
        return view(rounds.declareConflict(me, id, candidateId, request.reason()));
    }

    @PostMapping(path = "/{id}/candidates/{candidateId}/scores", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A panel member's scores (0–100) per criterion id")
    RoundView score(CurrentUser me, @PathVariable long id, @PathVariable long candidateId,
            @RequestBody Map<Long, Integer> scores) {
        return view(rounds.score(me, id, candidateId, scores));
    }

    @PostMapping("/{id}/ranking")
    @Operation(summary = "Rank the candidates by weighted mean score, once all members not recused have scored")
    RoundView rank(CurrentUser me, @PathVariable long id) {
        return view(rounds.rank(me, id));
    }

    @PostMapping(path = "/{id}/candidates/{candidateId}/title", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give a ranked candidate a title (or none)")
    RoundView title(CurrentUser me, @PathVariable long id, @PathVariable long candidateId,
            @RequestBody TitleRequest request) {
        return view(rounds.assignTitle(me, id, candidateId, request.titleCode()));
    }

    @PostMapping(path = "/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the granting body's approval by its document")
    RoundView approve(CurrentUser me, @PathVariable long id, @RequestBody ApprovalRequest request) {
        return view(rounds.approve(me, id, request.documentNumber()));
    }

    @PostMapping(path = "/{id}/grant", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The ceremony: grant every titled candidate their honour with its reward and certificate")
    RoundView grant(CurrentUser me, @PathVariable long id, @RequestBody GrantRequest request) {
        return view(rounds.grant(me, id, request.ceremonyOn()));
    }

    static RoundView view(HonourRound round) {
        return new RoundView(round.getId(), round.getName(), round.getRegionCode(), round.getWindowFrom(), round.getWindowTo(),
                round.getStatus(), round.getCeremonyOn(), round.getDocumentNumber(),
                round.getCriteria().stream().map(c -> new RoundView.Criterion(c.getId(), c.getName(), c.getWeight()))
                        .toList(),
                round.getMembers().stream().map(m -> m.getUsername()).toList(),
                round.ranking().stream().map(c -> new RoundView.Candidate(c.getId(), c.getRecipient(),
                        c.getSamaritanId(), c.getOrganizationId(), c.getName(),
                        c.getDeedNumber(), c.getScore(), c.getRankPosition(), c.getTitleId(), c.getHonourId(),
                        c.getConflicts().stream().map(x -> x.getUsername()).toList())).toList());
    }

    record RoundView(long id, String name,
            @Schema(description = "the county whose round it is; null for the city's") String regionCode,
            LocalDate windowFrom, LocalDate windowTo, HonourRound.Status status,
            LocalDate ceremonyOn, String documentNumber, List<Criterion> criteria, List<String> members,
            List<Candidate> candidates) {

        record Criterion(long id, String name, int weight) {
        }

        record Candidate(long id, Recipient recipient, Long samaritanId, Long organizationId, String name, String deedNumber, BigDecimal score, Integer rank,
                Long titleId, Long honourId, List<String> recused) {
        }
    }

    record OpenRequest(String name, LocalDate windowFrom, LocalDate windowTo, Map<String, Integer> criteria,
            List<String> members,
            @Schema(description = "the county whose round it is (its confirmations, units and county titles); blank or the city's code: the city's round") String regionCode) {
    }

    record NominationRequest(Long organizationId) {
    }

    record ConflictRequest(String reason) {
    }

    record TitleRequest(String titleCode) {
    }

    record ApprovalRequest(String documentNumber) {
    }

    record GrantRequest(LocalDate ceremonyOn) {
    }
}
