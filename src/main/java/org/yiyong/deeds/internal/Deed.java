package org.yiyong.deeds.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.yiyong.audit.Changes;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedConfirmed;
import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.shared.InvalidField;

/**
 * The case file of a brave act, decided by the county bureau of the region where it happened. Each
 * step is a method that checks the deed is at the stage the step belongs to, and writes the step into
 * the timeline.
 */
@Entity
@Table(name = "deed")
public class Deed extends AbstractAggregateRoot<Deed> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String number;

    private String regionCode;

    @Enumerated(EnumType.STRING)
    private DeedCategory category;

    @Enumerated(EnumType.STRING)
    private DeedSource source;

    @Enumerated(EnumType.STRING)
    private NominatorKind nominatorKind;

    @Enumerated(EnumType.STRING)
    private DeedStatus status;

    private LocalDateTime occurredAt;

    private String address;

    private String title;

    private String narrative;

    private LocalDate receivedOn;

    private LocalDate acceptedOn;

    private String lateFilingApproval;

    private String notAcceptedReason;

    private int extensionDays;

    private String extensionReason;

    private String extensionApprovedBy;

    private Long investigatingOrganizationId;

    private String investigators;

    private String investigatorUsername;

    private String reportSummary;

    private LocalDate reportedOn;

    private LocalDate proposedOn;

    private LocalDate noticeStart;

    private LocalDate noticeEnd;

    @Embedded
    private Hearing hearing;

    private String decisionNumber;

    private LocalDate decidedOn;

    /** The day the decision was due when it was made (the deadline rule and calendar of that day). */
    private LocalDate decisionDueOn;

    private String decidedBy;

    private Long decisionLetterId;

    private LocalDate deliveredOn;

    @Enumerated(EnumType.STRING)
    private DeliveryMethod deliveryMethod;

    private String deliveredTo;

    private LocalDate closedOn;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "deed_id", nullable = false)
    @OrderBy("id")
    private List<ReviewRequest> reviewRequests = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "deed_id", nullable = false)
    @OrderBy("id")
    private List<Objection> objections = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "deed_id", nullable = false)
    @OrderBy("id")
    private List<ReviewOpinion> opinions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "deed_id", nullable = false)
    @OrderBy("id")
    private List<InvestigationRecord> investigationRecords = new ArrayList<>();

    @Column(updatable = false)
    private String createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    // loaded with the deed (one select each): a case file is always read with its people and timeline
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "deed_id", nullable = false)
    @OrderBy("id")
    private List<Participant> participants = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "deed_id", nullable = false)
    @OrderBy("id")
    private List<DeedEvent> events = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "deed_id", nullable = false)
    @OrderBy("id")
    private List<DocumentRequest> documentRequests = new ArrayList<>();

    protected Deed() {
    }

    /** A case as it is received: registered, not yet accepted. */
    public Deed(String number, String regionCode, DeedFacts facts, List<Participant> participants, LocalDate receivedOn,
            String createdBy, Instant now) {
        this.number = number;
        this.regionCode = regionCode;
        this.category = facts.category();
        this.source = facts.source();
        this.nominatorKind = facts.nominatorKind();
        this.occurredAt = facts.occurredAt();
        this.address = facts.address();
        this.title = facts.title();
        this.narrative = facts.narrative();
        this.receivedOn = receivedOn;
        this.status = DeedStatus.RECEIVED;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.participants.addAll(participants);
        record(now, createdBy, "RECEIVED", null);
    }

    /**
     * 受理: the bureau takes the case on and the decision clock starts. Needs someone who acted, and an
     * act within the filing window (or a recorded approval for a late one), accepted between the act and
     * {@code today} (in the configured zone).
     */
    public void accept(LocalDate on, LocalDate today, FilingWindow window, String lateApproval, String actor,
            Instant now) {
        requireStatus(DeedStatus.RECEIVED);
        if (on.isBefore(occurredAt.toLocalDate()) || on.isAfter(today)) {
            throw new org.yiyong.shared.InvalidField("acceptedOn", "deed.accept.date-range");
        }
        if (actors().isEmpty()) {
            throw new DeedHasNoActor();
        }
        window.requireOpen(occurredAt.toLocalDate(), on, lateApproval);
        this.lateFilingApproval = lateApproval == null || lateApproval.isBlank() ? null : lateApproval.trim();
        this.acceptedOn = on;
        this.status = DeedStatus.ACCEPTED;
        record(now, actor, "ACCEPTED", lateFilingApproval);
    }

    /** 不予受理, with the reason the applicant is told. */
    public void refuseToAccept(String reason, String actor, Instant now) {
        requireStatus(DeedStatus.RECEIVED);
        this.notAcceptedReason = reason;
        this.status = DeedStatus.NOT_ACCEPTED;
        record(now, actor, "NOT_ACCEPTED", reason);
    }

    /**
     * 调查核实 starts: a police station or association is assigned, with the people who will do it and, when
     * one is named, the investigator (a user) whose task it is.
     */
    public void assignInvestigation(long organizationId, String investigatorNames, String investigator,
            String actor, Instant now) {
        requireStatus(DeedStatus.ACCEPTED);
        this.investigatingOrganizationId = organizationId;
        this.investigators = investigatorNames;
        this.investigatorUsername = investigator;
        this.status = DeedStatus.INVESTIGATING;
        record(now, actor, "INVESTIGATION_ASSIGNED", investigatorNames);
    }

    public void recordInvestigation(InvestigationRecord.Kind kind, LocalDate on, String summary, String actor,
            Instant now) {
        requireStatus(DeedStatus.INVESTIGATING);
        investigationRecords.add(new InvestigationRecord(kind, on, summary, actor));
        record(now, actor, "INVESTIGATION_RECORDED", kind.name());
    }

    /**
     * The investigation report: a summary and a recommendation for every actor (a refusal with its
     * reason). The deed goes to review.
     */
    public void submitReport(String summary, Map<Long, Recommendation> recommendations, Map<Long, String> reasons,
            LocalDate on, String actor, Instant now) {
        requireStatus(DeedStatus.INVESTIGATING);
        for (Participant person : actors()) {
            Recommendation recommendation = recommendations.get(person.getId());
            if (recommendation == null) {
                throw new ActorWithoutRecommendation("deed.report.recommendation-missing", person.getName());
            }
            String reason = reasons.get(person.getId());
            if (recommendation == Recommendation.REFUSE && (reason == null || reason.isBlank())) {
                throw new ActorWithoutRecommendation("deed.report.reason-missing", person.getName());
            }
        }
        for (Participant person : actors()) {
            String reason = reasons.get(person.getId());
            person.recommend(recommendations.get(person.getId()), reason == null || reason.isBlank() ? null
                    : reason.trim());
        }
        this.reportSummary = summary;
        this.reportedOn = on;
        this.status = DeedStatus.UNDER_REVIEW;
        record(now, actor, "INVESTIGATION_REPORTED", null);
    }

    /** A reviewer's opinion, while the deed is under review. */
    public void recordOpinion(String reviewer, String opinion, Instant now) {
        requireStatus(DeedStatus.UNDER_REVIEW);
        opinions.add(new ReviewOpinion(reviewer, opinion, now));
        record(now, reviewer, "REVIEW_OPINION", null);
    }

    /**
     * The outcome the review proposes for every actor (a refusal with its reason). Proposed
     * confirmations go to public notice next; when every actor is to be refused, the applicant is heard
     * first (陈述申辩).
     */
    public void proposeOutcomes(Map<Long, Recommendation> outcomes, Map<Long, String> reasons, LocalDate on,
            String actor, Instant now) {
        requireStatus(DeedStatus.UNDER_REVIEW);
        for (Participant person : actors()) {
            Recommendation outcome = outcomes.get(person.getId());
            if (outcome == null) {
                throw new ActorWithoutRecommendation("deed.review.outcome-missing", person.getName());
            }
            String reason = reasons.get(person.getId());
            if (outcome == Recommendation.REFUSE && (reason == null || reason.isBlank())) {
                throw new ActorWithoutRecommendation("deed.report.reason-missing", person.getName());
            }
        }
        for (Participant person : actors()) {
            String reason = reasons.get(person.getId());
            person.propose(outcomes.get(person.getId()), reason == null || reason.isBlank() ? null : reason.trim());
        }
        this.proposedOn = on;
        boolean anyConfirmation = actors().stream()
                .anyMatch(person -> person.getProposedOutcome() == Recommendation.CONFIRM);
        if (!anyConfirmation) {
            this.status = DeedStatus.HEARING;
        }
        record(now, actor, "OUTCOMES_PROPOSED", null);
    }

    /** Whether outcomes were proposed and some confirmation awaits public notice. */
    public boolean isReadyForNotice() {
        return status == DeedStatus.UNDER_REVIEW && proposedOn != null;
    }

    /** 公示 starts: the proposed confirmations are shown on the public portal for the given days. */
    public void startNotice(LocalDate start, int days, String actor, Instant now) {
        if (!isReadyForNotice()) {
            throw new DeedNotInStatus(number, status);
        }
        if (actors().stream().noneMatch(person -> person.getProposedOutcome() == Recommendation.CONFIRM)) {
            throw new DeedNotInStatus(number, status);
        }
        this.noticeStart = start;
        this.noticeEnd = start.plusDays(days - 1L);
        this.status = DeedStatus.IN_NOTICE;
        record(now, actor, "NOTICE_STARTED", start + " – " + noticeEnd);
    }

    /** An objection from the public, accepted while the notice runs. */
    public Objection object(LocalDate today, String submitter, String contact, String content, Instant now) {
        if (status != DeedStatus.IN_NOTICE || today.isBefore(noticeStart) || today.isAfter(noticeEnd)) {
            throw new NoticeNotOpen(number);
        }
        Objection objection = new Objection(now, submitter, contact, content);
        objections.add(objection);
        record(now, "public", "OBJECTION_RECEIVED", null);
        return objection;
    }

    public void resolveObjection(long objectionId, String resolution, String actor, Instant now) {
        Objection objection = objections.stream().filter(o -> o.getId() == objectionId).findFirst()
                .orElseThrow(() -> new org.yiyong.shared.RecordNotFound("Objection", objectionId));
        requireStatus(DeedStatus.IN_NOTICE);
        if (objection.isResolved()) {
            throw new ObjectionAlreadyResolved(number);
        }
        objection.resolve(resolution, actor, now);
        record(now, actor, "OBJECTION_RESOLVED", resolution);
    }

    /**
     * The notice ends once its period is over and every objection is resolved. With a proposed refusal
     * left, the applicant is heard next; otherwise the decision can be issued.
     */
    public void closeNotice(LocalDate today, String actor, Instant now) {
        requireStatus(DeedStatus.IN_NOTICE);
        if (!today.isAfter(noticeEnd)) {
            throw new NoticeStillRunning(number, noticeEnd);
        }
        if (objections.stream().anyMatch(objection -> !objection.isResolved())) {
            throw new ObjectionsUnresolved(number);
        }
        boolean anyRefusal = actors().stream()
                .anyMatch(person -> person.getProposedOutcome() == Recommendation.REFUSE);
        this.status = anyRefusal ? DeedStatus.HEARING : DeedStatus.NOTICE_CLOSED;
        record(now, actor, "NOTICE_CLOSED", null);
    }

    /**
     * 陈述申辩 notice: the applicant is told the facts, reasons and legal basis of the intended refusal and
     * may answer until {@code responseDue}. Follows a proposed refusal, or the notice when the bureau now
     * means to refuse someone.
     */
    public void notifyHearing(LocalDate on, String grounds, String legalBasis, LocalDate responseDue, String actor,
            Instant now) {
        if (status != DeedStatus.HEARING && status != DeedStatus.NOTICE_CLOSED) {
            throw new DeedNotInStatus(number, status);
        }
        if (hearing != null && hearing.getNotifiedOn() != null) {
            throw new DeedRuleBroken("deed.hearing.already-notified", number);
        }
        requireNotBefore("notifiedOn", on, proposedOn);
        requireNotBefore("notifiedOn", on, noticeEnd);
        this.hearing = new Hearing(on, grounds, legalBasis, responseDue);
        this.status = DeedStatus.HEARING;
        record(now, actor, "HEARING_NOTIFIED", grounds);
    }

    /** The applicant's statement (陈述申辩意见) is on record, or that they waived it. */
    public void answerHearing(LocalDate on, String statement, boolean waived, String actor, Instant now) {
        requireStatus(DeedStatus.HEARING);
        if (hearing == null || hearing.getNotifiedOn() == null) {
            throw new DeedRuleBroken("deed.hearing.not-notified", number);
        }
        if (hearing.isAnswered()) {
            throw new DeedRuleBroken("deed.hearing.already-answered", number);
        }
        requireNotBefore("answeredOn", on, hearing.getNotifiedOn());
        hearing.answer(on, statement, waived);
        record(now, actor, "HEARING_ANSWERED", waived ? null : statement);
    }

    /**
     * 确认 / 不予确认, per actor. A confirmation needs the person to have been on the public notice; a
     * refusal needs the hearing to be over. Nobody is confirmed twice for the same act.
     */
    public void decide(LocalDate on, Map<Long, Outcome> outcomes, Map<Long, String> reasons, String letterNumber,
            String actor, Instant now) {
        if (status != DeedStatus.NOTICE_CLOSED && status != DeedStatus.HEARING) {
            throw new DeedNotInStatus(number, status);
        }
        requireNotBefore("decidedOn", on, noticeEnd == null ? proposedOn : noticeEnd.plusDays(1));
        List<Participant> confirmed = new ArrayList<>();
        for (Participant person : actors()) {
            Outcome outcome = outcomes.get(person.getId());
            if (outcome == null) {
                throw new ActorWithoutRecommendation("deed.decision.outcome-missing", person.getName());
            }
            if (outcome == Outcome.REFUSED) {
                String reason = reasons.get(person.getId());
                if (reason == null || reason.isBlank()) {
                    throw new ActorWithoutRecommendation("deed.report.reason-missing", person.getName());
                }
                if (hearing == null || hearing.getNotifiedOn() == null || !hearing.isOverOn(on)) {
                    throw new DeedRuleBroken("deed.decision.hearing-first", person.getName());
                }
            } else {
                if (person.getProposedOutcome() != Recommendation.CONFIRM || noticeEnd == null) {
                    throw new DeedRuleBroken("deed.decision.notice-first", person.getName());
                }
                requireNotConfirmedTwice(person, confirmed);
                confirmed.add(person);
            }
        }
        for (Participant person : actors()) {
            Outcome outcome = outcomes.get(person.getId());
            String reason = reasons.get(person.getId());
            person.decide(outcome, outcome == Outcome.REFUSED ? reason.trim() : null);
        }
        this.decisionNumber = letterNumber;
        this.decidedOn = on;
        this.decidedBy = actor;
        this.status = DeedStatus.DECIDED;
        record(now, actor, "DECIDED", letterNumber);
        confirmed.forEach(person -> registerEvent(confirmation(person, on)));
    }

    /**
     * Keeps the day the decision was due, as the deadline rule and calendar had it when it was made, so
     * that "decided on time" stays what it was; {@code null} when the clock was stopped.
     */
    public void keepDueDate(LocalDate due) {
        if (decidedOn == null) {
            throw new DeedNotInStatus(number, status);
        }
        this.decisionDueOn = due;
    }

    public LocalDate getDecisionDueOn() {
        return decisionDueOn;
    }

    private DeedConfirmed confirmation(Participant person, LocalDate on) {
        return new DeedConfirmed(id, number, regionCode, category, occurredAt.toLocalDate(), person.getId(),
                person.getName(), person.getResidentIdEncrypted(), person.getResidentIdIndex(),
                person.getResidentIdMasked(), person.getHarm(), on, decisionNumber);
    }

    void attachDecisionLetter(long attachmentId) {
        this.decisionLetterId = attachmentId;
    }

    /** 送达: the decision letter reached the applicant; the period to ask for a review starts. */
    public void deliver(LocalDate on, DeliveryMethod method, String recipient, String actor, Instant now) {
        requireStatus(DeedStatus.DECIDED);
        requireNotBefore("deliveredOn", on, decidedOn);
        this.deliveredOn = on;
        this.deliveryMethod = method;
        this.deliveredTo = recipient;
        this.status = DeedStatus.DELIVERED;
        record(now, actor, "DELIVERED", recipient);
    }

    /** The last day a 复核 may be asked for: the given number of days after delivery. */
    public LocalDate reviewDeadline(int reviewDays) {
        return deliveredOn == null ? null : deliveredOn.plusDays(reviewDays);
    }

    /**
     * A 复核 (within {@code reviewDays} of delivery), 行政复议 or 行政诉讼 against the decision; one at a
     * time. Reconsideration and lawsuits may also follow a closed case.
     */
    public ReviewRequest requestReview(ReviewRequest.Kind kind, LocalDate on, String requestedBy, String grounds,
            int reviewDays, String actor, Instant now) {
        boolean open = status == DeedStatus.DELIVERED
                || status == DeedStatus.CLOSED && kind != ReviewRequest.Kind.REVIEW;
        if (!open) {
            throw new DeedNotInStatus(number, status);
        }
        requireNotBefore("requestedOn", on, deliveredOn);
        if (kind == ReviewRequest.Kind.REVIEW && on.isAfter(reviewDeadline(reviewDays))) {
            throw new DeedRuleBroken("deed.review.too-late", number, reviewDeadline(reviewDays).toString());
        }
        if (reviewRequests.stream().anyMatch(ReviewRequest::isOpen)) {
            throw new DeedRuleBroken("deed.review.open-request", number);
        }
        ReviewRequest request = new ReviewRequest(kind, on, requestedBy, grounds, actor, now);
        reviewRequests.add(request);
        record(now, actor, "REVIEW_REQUESTED", kind.name());
        return request;
    }

    /**
     * The outcome of a review: upheld, or changed — the refused actors named in {@code nowConfirmed}
     * become confirmed. Returns those newly confirmed.
     */
    public List<Participant> concludeReview(long requestId, ReviewRequest.Result result, LocalDate on, String note,
            java.util.Set<Long> nowConfirmed, String actor, Instant now) {
        ReviewRequest request = reviewRequests.stream().filter(r -> r.getId() == requestId).findFirst()
                .orElseThrow(() -> new org.yiyong.shared.RecordNotFound("ReviewRequest", requestId));
        if (!request.isOpen()) {
            throw new DeedRuleBroken("deed.review.concluded", number);
        }
        requireNotBefore("outcomeOn", on, request.getRequestedOn());
        if (result == ReviewRequest.Result.UPHELD && !nowConfirmed.isEmpty()) {
            throw new InvalidField("nowConfirmed", "deed.review.upheld-changes-nothing");
        }
        List<Participant> confirmed = new ArrayList<>(actors().stream()
                .filter(person -> person.getOutcome() == Outcome.CONFIRMED).toList());
        List<Participant> changed = new ArrayList<>();
        for (Long id : nowConfirmed) {
            Participant person = actors().stream().filter(p -> p.getId().equals(id)).findFirst()
                    .filter(p -> p.getOutcome() == Outcome.REFUSED)
                    .orElseThrow(() -> new InvalidField("nowConfirmed", "deed.review.not-refused"));
            requireNotConfirmedTwice(person, confirmed);
            confirmed.add(person);
            changed.add(person);
        }
        changed.forEach(person -> person.decide(Outcome.CONFIRMED, null));
        request.conclude(result, on, note, actor);
        record(now, actor, "REVIEW_CONCLUDED", result.name() + (note == null ? "" : " · " + note));
        changed.forEach(person -> registerEvent(confirmation(person, on)));
        return changed;
    }

    /** 办结: delivered, the review period over and no challenge open. */
    public void close(LocalDate today, int reviewDays, String actor, Instant now) {
        requireStatus(DeedStatus.DELIVERED);
        if (reviewRequests.stream().anyMatch(ReviewRequest::isOpen)) {
            throw new DeedRuleBroken("deed.review.open-request", number);
        }
        if (reviewRequests.isEmpty() && !today.isAfter(reviewDeadline(reviewDays))) {
            throw new DeedRuleBroken("deed.close.review-period", number, reviewDeadline(reviewDays).toString());
        }
        this.closedOn = today;
        this.status = DeedStatus.CLOSED;
        record(now, actor, "CLOSED", null);
    }

    public List<Participant> confirmedActors() {
        return actors().stream().filter(person -> person.getOutcome() == Outcome.CONFIRMED).toList();
    }

    private void requireNotConfirmedTwice(Participant person, List<Participant> confirmed) {
        if (confirmed.stream().anyMatch(other -> other != person && other.isSamePersonAs(person))) {
            throw new DeedRuleBroken("deed.decision.confirmed-twice", person.getName());
        }
    }

    private static void requireNotBefore(String field, LocalDate day, LocalDate earliest) {
        if (earliest != null && day.isBefore(earliest)) {
            throw new InvalidField(field, "deed.date.not-before", earliest.toString());
        }
    }

    /**
     * Extends the decision deadline once, by at most what the rule allows, with the reason and who
     * approved it (the county bureau's head).
     */
    public void extendDeadline(int days, String reason, String approvedBy, DeadlineRule rule, String actor,
            Instant now) {
        requireClockRunning();
        DecisionClock clock = decisionClock().orElseThrow();
        clock.extendedBy(days, rule);
        this.extensionDays = days;
        this.extensionReason = reason;
        this.extensionApprovedBy = approvedBy;
        record(now, actor, "DEADLINE_EXTENDED", days + " · " + reason + " · " + approvedBy);
    }

    /** 补正: documents are asked of the applicant, and the clock stops from that day. */
    public void requestDocuments(LocalDate on, String documents, String actor, Instant now) {
        requireClockRunning();
        decisionClock().orElseThrow().pausedOn(on);
        documentRequests.add(new DocumentRequest(on, documents));
        record(now, actor, "DOCUMENTS_REQUESTED", documents);
    }

    /** The requested documents arrived; the clock runs again from the next day. */
    public void documentsArrived(LocalDate on, String actor, Instant now) {
        requireClockRunning();
        decisionClock().orElseThrow().resumedOn(on);
        documentRequests.get(documentRequests.size() - 1).arrived(on);
        record(now, actor, "DOCUMENTS_ARRIVED", null);
    }

    /** The decision clock, started at acceptance, with its extension and pauses; empty before acceptance. */
    public java.util.Optional<DecisionClock> decisionClock() {
        if (acceptedOn == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(DecisionClock.restore(acceptedOn, extensionDays, documentRequests.stream()
                .map(request -> new DecisionClock.Pause(request.getPausedOn(),
                        java.util.Optional.ofNullable(request.getResumedOn())))
                .toList()));
    }

    private void requireClockRunning() {
        if (status != DeedStatus.ACCEPTED && status != DeedStatus.INVESTIGATING && status != DeedStatus.UNDER_REVIEW
                && status != DeedStatus.IN_NOTICE && status != DeedStatus.NOTICE_CLOSED
                && status != DeedStatus.HEARING) {
            throw new DeedNotInStatus(number, status);
        }
    }

    public List<Participant> actors() {
        return participants.stream().filter(p -> p.getRole() == ParticipantRole.ACTOR).toList();
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("number", number, "regionCode", regionCode, "category", category, "source", source,
                "status", status, "occurredAt", occurredAt, "acceptedOn", acceptedOn, "participants",
                participants.size());
    }

    /** A public lead about this same act joins the case; the timeline names it. */
    public void mergeLead(String trackingCode, String actor, Instant now) {
        if (status == DeedStatus.NOT_ACCEPTED || status == DeedStatus.CLOSED) {
            throw new DeedNotInStatus(number, status);
        }
        record(now, actor, "LEAD_MERGED", trackingCode);
    }

    private void requireStatus(DeedStatus expected) {
        if (status != expected) {
            throw new DeedNotInStatus(number, status);
        }
    }

    private void record(Instant now, String actor, String kind, String detail) {
        this.updatedAt = now;
        events.add(new DeedEvent(now, actor, kind, detail));
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public DeedCategory getCategory() {
        return category;
    }

    public DeedSource getSource() {
        return source;
    }

    public NominatorKind getNominatorKind() {
        return nominatorKind;
    }

    public DeedStatus getStatus() {
        return status;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public String getAddress() {
        return address;
    }

    public String getTitle() {
        return title;
    }

    public String getNarrative() {
        return narrative;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    public String getLateFilingApproval() {
        return lateFilingApproval;
    }

    public String getNotAcceptedReason() {
        return notAcceptedReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }

    public List<Participant> getParticipants() {
        return List.copyOf(participants);
    }

    public List<DeedEvent> getEvents() {
        return List.copyOf(events);
    }

    public List<DocumentRequest> getDocumentRequests() {
        return List.copyOf(documentRequests);
    }

    public LocalDate getNoticeStart() {
        return noticeStart;
    }

    public LocalDate getNoticeEnd() {
        return noticeEnd;
    }

    public List<Objection> getObjections() {
        return List.copyOf(objections);
    }

    public LocalDate getProposedOn() {
        return proposedOn;
    }

    public List<ReviewOpinion> getOpinions() {
        return List.copyOf(opinions);
    }

    public Long getInvestigatingOrganizationId() {
        return investigatingOrganizationId;
    }

    /** The investigator (login name) the investigation was given to; {@code null}: anyone of the organization. */
    public String getInvestigatorUsername() {
        return investigatorUsername;
    }

    public String getInvestigators() {
        return investigators;
    }

    public String getReportSummary() {
        return reportSummary;
    }

    public LocalDate getReportedOn() {
        return reportedOn;
    }

    public List<InvestigationRecord> getInvestigationRecords() {
        return List.copyOf(investigationRecords);
    }

    public int getExtensionDays() {
        return extensionDays;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public String getExtensionApprovedBy() {
        return extensionApprovedBy;
    }

    public Hearing getHearing() {
        return hearing != null && hearing.getNotifiedOn() != null ? hearing : null;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Long getDecisionLetterId() {
        return decisionLetterId;
    }

    public LocalDate getDeliveredOn() {
        return deliveredOn;
    }

    public DeliveryMethod getDeliveryMethod() {
        return deliveryMethod;
    }

    public String getDeliveredTo() {
        return deliveredTo;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public List<ReviewRequest> getReviewRequests() {
        return reviewRequests;
    }
}
