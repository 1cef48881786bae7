package org.yiyong.care.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
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
import org.yiyong.care.internal.TargetedAid;
import org.yiyong.care.internal.TargetedAidApplication;
import org.yiyong.identity.CurrentUser;

/**
 * Targeted aid (精准帮扶) as JSON: applications on behalf of a household to the provincial foundation or
 * the city, their outcome, the money the household received, and the totals per granting body.
 */
@RestController
@Tag(name = "care")
class TargetedAidApiController {

    private final TargetedAid targetedAid;

    TargetedAidApiController(TargetedAid targetedAid) {
        this.targetedAid = targetedAid;
    }

    record TargetedAidView(long id, long samaritanId, String household, String regionCode,
            TargetedAidApplication.Body appliedTo, TargetedAidApplication.Reason reason, BigDecimal amountAsked,
            String narrative, LocalDate appliedOn, TargetedAidApplication.Status status, String submittedBy,
            BigDecimal amountGranted, LocalDate decidedOn, String decisionDocument, String refusalReason,
            String decidedBy, LocalDate receivedOn, BigDecimal amountReceived, String receivedNote) {
    }

    record ApplicationRequest(Long samaritanId, TargetedAidApplication.Body appliedTo,
            TargetedAidApplication.Reason reason, BigDecimal amountAsked, String narrative, LocalDate appliedOn) {
    }

    record GrantRequest(BigDecimal amountGranted, LocalDate decidedOn, String decisionDocument) {
    }

    record RefusalRequest(String reason, LocalDate decidedOn) {
    }

    record ReceiptRequest(LocalDate receivedOn, BigDecimal amountReceived, String note) {
    }

    record TallyView(TargetedAidApplication.Body appliedTo, long households, long granted, BigDecimal amountGranted,
            BigDecimal amountReceived) {
    }

    @GetMapping(path = "/api/v1/targeted-aid", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Targeted aid applications in the caller's scope, newest first, optionally of one status or body")
    List<TargetedAidView> list(CurrentUser me, @RequestParam(required = false) TargetedAidApplication.Status status,
            @RequestParam(required = false) TargetedAidApplication.Body appliedTo) {
        return targetedAid.list(me, status, appliedTo).stream().map(line -> view(line.application(),
                line.household().name(), line.household().regionCode())).toList();
    }

    @PostMapping(path = "/api/v1/targeted-aid", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an application on behalf of a household: to whom, why, the amount asked")
    ResponseEntity<TargetedAidView> submit(CurrentUser me, @RequestBody ApplicationRequest request) {
        TargetedAidApplication application = targetedAid.submit(me, new TargetedAid.NewApplication(
                request.samaritanId(), request.appliedTo(), request.reason(), request.amountAsked(),
                request.narrative(), request.appliedOn()));
        return ResponseEntity.created(URI.create("/api/v1/targeted-aid/" + application.getId()))
                .body(view(me, application));
    }

    @GetMapping(path = "/api/v1/targeted-aid/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One targeted aid application")
    TargetedAidView get(CurrentUser me, @PathVariable long id) {
        return view(me, targetedAid.get(me, id));
    }

    @PostMapping(path = "/api/v1/targeted-aid/{id}/grant", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the body granted aid: the amount, the day, the document")
    TargetedAidView grant(CurrentUser me, @PathVariable long id, @RequestBody GrantRequest request) {
        return view(me, targetedAid.grant(me, id, request.amountGranted(), request.decidedOn(),
                request.decisionDocument()));
    }

    @PostMapping(path = "/api/v1/targeted-aid/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the body did not grant aid, with the reason")
    TargetedAidView refuse(CurrentUser me, @PathVariable long id, @RequestBody RefusalRequest request) {
        return view(me, targetedAid.notGranted(me, id, request.reason(), request.decidedOn()));
    }

    @PostMapping(path = "/api/v1/targeted-aid/{id}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the money the household received (at most the amount granted)")
    TargetedAidView receipt(CurrentUser me, @PathVariable long id, @RequestBody ReceiptRequest request) {
        return view(me, targetedAid.received(me, id, request.receivedOn(), request.amountReceived(), request.note()));
    }

    @GetMapping(path = "/api/v1/targeted-aid/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per granting body: households helped, applications granted, amounts granted and received")
    List<TallyView> statistics(CurrentUser me) {
        return targetedAid.statistics(me).stream().map(t -> new TallyView(t.appliedTo(), t.households(), t.granted(),
                t.amountGranted(), t.amountReceived())).toList();
    }

    private TargetedAidView view(CurrentUser me, TargetedAidApplication a) {
        TargetedAid.Household household = targetedAid.householdOf(me, a);
        return view(a, household.name(), household.regionCode());
    }

    static TargetedAidView view(TargetedAidApplication a, String household, String regionCode) {
        return new TargetedAidView(a.getId(), a.getSamaritanId(), household, regionCode, a.getAppliedTo(),
                a.getReason(), Yuan.of(a.getAmountAsked()), a.getNarrative(), a.getAppliedOn(), a.getStatus(),
                a.getSubmittedBy(), Yuan.of(a.getAmountGranted()), a.getDecidedOn(), a.getDecisionDocument(),
                a.getRefusalReason(), a.getDecidedBy(), a.getReceivedOn(), Yuan.of(a.getAmountReceived()),
                a.getReceivedNote());
    }
}
