package org.yiyong.deeds.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.deeds.Deadlines;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedFilter;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.deeds.DeedNotice;
import org.yiyong.deeds.DeedQueries;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.deeds.DeedSummary;
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.NewDeed;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.internal.DecisionClock;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.deeds.internal.DeedDecisions;
import org.yiyong.deeds.internal.DeedInvestigation;
import org.yiyong.deeds.internal.DeedReview;
import org.yiyong.deeds.internal.DeliveryMethod;
import org.yiyong.deeds.internal.InvestigationRecord;
import org.yiyong.deeds.internal.NominatorKind;
import org.yiyong.deeds.internal.Outcome;
import org.yiyong.deeds.internal.Recommendation;
import org.yiyong.deeds.internal.ReviewRequest;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;
import org.yiyong.web.Downloads;

/** Deeds in the caller's data scope. */
@RestController
@RequestMapping(path = "/api/v1/deeds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "deeds")
class DeedApiController {

    private final DeedIntake intake;
    private final DeedInvestigation investigation;
    private final DeedReview review;
    private final DeedNotice notice;
    private final DeedQueries queries;
    private final Deadlines deadlines;
    private final DeedDecisions decisions;
    private final Attachments attachments;

    DeedApiController(DeedIntake intake, DeedInvestigation investigation, DeedReview review, DeedNotice notice,
            DeedQueries queries, Deadlines deadlines, DeedDecisions decisions, Attachments attachments) {
        this.decisions = decisions;
        this.attachments = attachments;
        this.notice = notice;
        this.intake = intake;
        this.investigation = investigation;
        this.review = review;
        this.queries = queries;
        this.deadlines = deadlines;
    }

    @GetMapping
    @Operation(summary = "Deeds in the caller's data scope, newest first, paginated")
    PageResult<DeedSummary> list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) DeedStatus status, @RequestParam(required = false) DeedCategory category,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredTo,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return queries.search(me.scope(), new DeedFilter(q, status, category, regionCode, occurredFrom, occurredTo,
                overdue), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deed with its people (ID numbers masked) and timeline; 404 outside the data scope")
    DeedView get(CurrentUser me, @PathVariable long id) {
        return view(intake.get(me, id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a nomination, an application or a police referral; 409 lists possible duplicates")
    ResponseEntity<DeedView> register(CurrentUser me, @Valid @RequestBody NewDeedRequest request) {
        Deed deed = intake.register(me, request.toNewDeed());
        return ResponseEntity.created(URI.create("/api/v1/deeds/" + deed.getId())).body(view(deed));
    }

    @PostMapping(path = "/{id}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept (受理): starts the decision clock; a late filing needs a recorded approval")
    DeedView accept(CurrentUser me, @PathVariable long id, @RequestBody AcceptRequest request) {
        return view(intake.accept(me, id, request.acceptedOn(), request.lateFilingApproval()));
    }

    @PostMapping(path = "/{id}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Extend the decision deadline once, with the reason and the approver")
    DeedView extend(CurrentUser me, @PathVariable long id, @RequestBody ExtensionRequest request) {
        return view(intake.extendDeadline(me, id, request.days(), request.reason(), request.approvedBy()));
    }

    @PostMapping(path = "/{id}/document-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask the applicant for documents (补正): the decision clock stops")
    DeedView requestDocuments(CurrentUser me, @PathVariable long id, @RequestBody DocumentsRequest request) {
        return view(intake.requestDocuments(me, id, request.requestedOn(), request.documents()));
    }

    @PostMapping(path = "/{id}/document-requests/arrival", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The requested documents arrived: the decision clock runs again")
    DeedView documentsArrived(CurrentUser me, @PathVariable long id, @RequestBody ArrivalRequest request) {
        return view(intake.documentsArrived(me, id, request.arrivedOn()));
    }

    @PostMapping(path = "/{id}/investigation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign the investigation to a police station, bureau or association")
    DeedView assignInvestigation(CurrentUser me, @PathVariable long id, @RequestBody AssignRequest request) {
        return view(investigation.assign(me, id, request.organizationId(), request.investigators(),
                request.investigator()));
    }

    @PostMapping(path = "/{id}/investigation/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an interview, statement, police report, medical record or scene evidence")
    DeedView recordInvestigation(CurrentUser me, @PathVariable long id, @RequestBody RecordRequest request) {
        return view(investigation.record(me, id, request.kind(), request.recordedOn(), request.summary()));
    }

    @PostMapping(path = "/{id}/investigation/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The investigation report with a recommendation per actor; the deed goes to review")
    DeedView report(CurrentUser me, @PathVariable long id, @RequestBody ReportRequest request) {
        return view(investigation.report(me, id, request.summary(), request.recommendations()));
    }

    @PostMapping(path = "/{id}/review/opinions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A reviewer's opinion (committee member or bureau staff)")
    DeedView recordOpinion(CurrentUser me, @PathVariable long id, @RequestBody OpinionRequest request) {
        return view(review.recordOpinion(me, id, request.opinion()));
    }

    @PostMapping(path = "/{id}/review/proposal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose an outcome per actor; all refusals lead to a hearing first")
    DeedView propose(CurrentUser me, @PathVariable long id, @RequestBody ProposalRequest request) {
        return view(review.propose(me, id, request.proposals()));
    }

    @PostMapping(path = "/{id}/notice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start the public notice of the proposed confirmations")
    DeedView startNotice(CurrentUser me, @PathVariable long id, @RequestBody NoticeRequest request) {
        return view(notice.start(me, id, request.start()));
    }

    @PostMapping(path = "/{id}/objections/{objectionId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record how an objection was resolved")
    DeedView resolveObjection(CurrentUser me, @PathVariable long id, @PathVariable long objectionId,
            @RequestBody ResolutionRequest request) {
        return view(notice.resolve(me, id, objectionId, request.resolution()));
    }

    @PostMapping(path = "/{id}/notice/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close the notice once its period is over and every objection is resolved")
    DeedView closeNotice(CurrentUser me, @PathVariable long id) {
        return view(notice.close(me, id));
    }

    @PostMapping(path = "/{id}/refuse", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refuse to accept (不予受理), with the reason")
    DeedView refuse(CurrentUser me, @PathVariable long id, @RequestBody RefuseRequest request) {
        return view(intake.refuseToAccept(me, id, request.reason()));
    }

    @PostMapping(path = "/{id}/hearing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tell the applicant the facts, reasons and legal basis of an intended refusal (陈述申辩)")
    DeedView notifyHearing(CurrentUser me, @PathVariable long id, @RequestBody HearingRequest request) {
        return view(decisions.notifyHearing(me, id, request.notifiedOn(), request.grounds(), request.legalBasis()));
    }

    @PostMapping(path = "/{id}/hearing/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the applicant's statement, or that they waived it")
    DeedView answerHearing(CurrentUser me, @PathVariable long id, @RequestBody HearingAnswerRequest request) {
        return view(decisions.answerHearing(me, id, request.answeredOn(), request.statement(),
                Boolean.TRUE.equals(request.waived())));
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide per actor (确认 / 不予确认); numbers and keeps the decision letter (PDF)")
    DeedView decide(CurrentUser me, @PathVariable long id, @RequestBody DecisionRequest request) {
        return view(decisions.decide(me, id, request.decidedOn(), request.outcomes()));
    }

    @GetMapping(path = "/{id}/decision-letter", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The decision letter as issued (PDF); 404 before the decision")
    ResponseEntity<org.springframework.core.io.Resource> decisionLetter(CurrentUser me, @PathVariable long id) {
        Deed deed = intake.get(me, id);
        if (deed.getDecisionLetterId() == null) {
            throw new RecordNotFound("DecisionLetter", id);
        }
        Attachments.StoredFile letter = attachments.open(me, deed.getDecisionLetterId());
        return Downloads.pdf(letter.downloadName(), letter.content());
    }

    @PostMapping(path = "/{id}/delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record delivery (送达): date, method and recipient")
    DeedView deliver(CurrentUser me, @PathVariable long id, @RequestBody DeliveryRequest request) {
        return view(decisions.deliver(me, id, request.deliveredOn(), request.method(), request.recipient()));
    }

    @PostMapping(path = "/{id}/review-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a review (复核, within the set days of delivery), reconsideration or lawsuit")
    DeedView requestReview(CurrentUser me, @PathVariable long id, @RequestBody ReviewRequestBody request) {
        return view(decisions.requestReview(me, id, request.kind(), request.requestedOn(), request.requestedBy(),
                request.grounds()));
    }

    @PostMapping(path = "/{id}/review-requests/{requestId}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the outcome: upheld, or changed (refused actors now confirmed); a 复核 by city staff")
    DeedView concludeReview(CurrentUser me, @PathVariable long id, @PathVariable long requestId,
            @RequestBody ReviewOutcomeRequest request) {
        return view(decisions.concludeReview(me, id, requestId, request.result(), request.outcomeOn(),
                request.note(), request.nowConfirmed() == null ? java.util.Set.of()
                        : new java.util.HashSet<>(request.nowConfirmed())));
    }

    @PostMapping(path = "/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close the case (办结) once the review period is over and nothing is open")
    DeedView close(CurrentUser me, @PathVariable long id) {
        return view(decisions.close(me, id));
    }

    private DeedView view(Deed deed) {
        return new DeedView(deed.getId(), deed.getNumber(), deed.getRegionCode(), deed.getCategory(),
                deed.getSource(), deed.getNominatorKind(), deed.getStatus(), deed.getOccurredAt(), deed.getAddress(),
                deed.getTitle(), deed.getNarrative(), deed.getReceivedOn(), deed.getAcceptedOn(),
                deed.decisionClock().flatMap(deadlines::dueDate).orElse(null),
                deed.decisionClock().map(DecisionClock::isPaused).orElse(false), deed.getExtensionDays(),
                deed.getParticipants().stream().map(p -> new DeedView.Person(p.getId(), p.getRole(), p.getName(),
                        p.getResidentIdMasked(), p.getHarm(), p.getRecommendation(), p.getProposedOutcome(),
                        p.getOutcome(), p.getOutcomeReason()))
                        .toList(),
                deed.getHearing() == null ? null : new DeedView.HearingView(deed.getHearing().getNotifiedOn(),
                        deed.getHearing().getGrounds(), deed.getHearing().getLegalBasis(),
                        deed.getHearing().getResponseDue(), deed.getHearing().getAnsweredOn(),
                        deed.getHearing().getStatement(), deed.getHearing().isWaived()),
                deed.getDecisionNumber(), deed.getDecidedOn(), deed.getDeliveredOn(), deed.getDeliveryMethod(),
                deed.getDeliveredTo(), decisions.reviewDeadline(deed),
                deed.getReviewRequests().stream().map(r -> new DeedView.Challenge(r.getId(), r.getKind(),
                        r.getRequestedOn(), r.getRequestedBy(), r.getGrounds(), r.getOutcome(), r.getOutcomeOn(),
                        r.getOutcomeNote())).toList(),
                deed.getEvents().stream().map(e -> new DeedView.Step(e.getOccurredAt(), e.getActor(), e.getKind(),
                        e.getDetail())).toList());
    }

    record DeedView(long id, String number, String regionCode, DeedCategory category, DeedSource source,
            NominatorKind nominatorKind, DeedStatus status, LocalDateTime occurredAt, String address, String title,
            String narrative, LocalDate receivedOn, LocalDate acceptedOn,
            @Schema(description = "empty before acceptance and while documents are awaited") LocalDate decisionDue,
            boolean clockPaused, int extensionDays,
            List<Person> participants, HearingView hearing, String decisionNumber, LocalDate decidedOn,
            LocalDate deliveredOn, DeliveryMethod deliveryMethod, String deliveredTo,
            @Schema(description = "last day to ask for a review (复核); empty before delivery") LocalDate reviewDeadline,
            List<Challenge> reviewRequests, List<Step> timeline) {

        record Person(long id, ParticipantRole role, String name, String residentIdMasked, Harm harm,
                Recommendation recommendation, Recommendation proposedOutcome, Outcome outcome,
                String outcomeReason) {
        }

        record HearingView(LocalDate notifiedOn, String grounds, String legalBasis, LocalDate responseDue,
                LocalDate answeredOn, String statement, boolean waived) {
        }

        record Challenge(long id, ReviewRequest.Kind kind, LocalDate requestedOn, String requestedBy, String grounds,
                ReviewRequest.Result outcome, LocalDate outcomeOn, String note) {
        }

        record Step(Instant at, String actor, String kind, String detail) {
        }
    }

    record NewDeedRequest(@NotBlank @Schema(description = "county-level region code, e.g. 350582") String regionCode,
            @NotNull DeedCategory category, @NotNull DeedSource source, NominatorKind nominatorKind,
            @NotNull LocalDateTime occurredAt, @NotBlank @Size(max = 200) String address,
            @NotBlank @Size(max = 120) String title, @NotBlank String narrative,
            @NotNull @Size(min = 1) List<@NotNull @Valid PersonRequest> participants, LocalDate receivedOn,
            @Schema(description = "true once possible duplicates were checked; false when left out") Boolean notADuplicate) {

        NewDeed toNewDeed() {
            return new NewDeed(regionCode, new DeedFacts(category, source, nominatorKind, occurredAt, address, title,
                    narrative), participants.stream().map(p -> new NewDeed.NewParticipant(p.role(), p.name(),
                            p.residentId(), p.phone(), p.harm(), Boolean.TRUE.equals(p.smsConsent()))).toList(), receivedOn,
                    Boolean.TRUE.equals(notADuplicate));
        }
    }

    record PersonRequest(@NotNull ParticipantRole role, @NotBlank @Size(max = 60) String name, String residentId,
            String phone, Harm harm,
            @Schema(description = "the person agrees to be told by SMS when the deed is accepted and decided; needs a mobile")
            Boolean smsConsent) {
    }

    record AcceptRequest(LocalDate acceptedOn, String lateFilingApproval) {
    }

    record RefuseRequest(String reason) {
    }

    record ExtensionRequest(Integer days, String reason, String approvedBy) {
    }

    record DocumentsRequest(LocalDate requestedOn, String documents) {
    }

    record ArrivalRequest(LocalDate arrivedOn) {
    }

    record AssignRequest(Long organizationId, String investigators,
            @Schema(description = "login name of the investigator (a user of that organization) whose task it is") String investigator) {
    }

    record OpinionRequest(String opinion) {
    }

    record NoticeRequest(LocalDate start) {
    }

    record ResolutionRequest(String resolution) {
    }

    record ProposalRequest(List<DeedInvestigation.ActorRecommendation> proposals) {
    }

    record RecordRequest(InvestigationRecord.Kind kind, LocalDate recordedOn, String summary) {
    }

    record ReportRequest(String summary, List<DeedInvestigation.ActorRecommendation> recommendations) {
    }

    record HearingRequest(LocalDate notifiedOn, String grounds, String legalBasis) {
    }

    record HearingAnswerRequest(LocalDate answeredOn, String statement, Boolean waived) {
    }

    record DecisionRequest(LocalDate decidedOn, List<DeedDecisions.ActorOutcome> outcomes) {
    }

    record DeliveryRequest(LocalDate deliveredOn, DeliveryMethod method, String recipient) {
    }

    record ReviewRequestBody(ReviewRequest.Kind kind, LocalDate requestedOn, String requestedBy, String grounds) {
    }

    record ReviewOutcomeRequest(ReviewRequest.Result result, LocalDate outcomeOn, String note,
            List<Long> nowConfirmed) {
    }
}
