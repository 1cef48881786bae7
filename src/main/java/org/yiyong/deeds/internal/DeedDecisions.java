package org.yiyong.deeds.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.deeds.Deadlines;
import org.yiyong.deeds.DeedConfirmed;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.NotAllowed;

/**
 * The end of a case at the county bureau: the hearing before a refusal (陈述申辩), the decision per
 * actor with its numbered letter, delivery (送达), and what may follow — a review (复核) by the city
 * bureau, an administrative reconsideration or a lawsuit — until the case is closed. Each confirmed
 * actor is published as a {@link DeedConfirmed}, registered by the {@link Deed} when it is decided.
 */
@Service
public class DeedDecisions {

    private static final String BUREAU = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";

    private final DeedIntake deeds;
    private final Deeds repository;
    private final DecisionLetters letters;
    private final DeadlineProperties rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final DecidingBureaus bureaus;
    private final Deadlines deadlines;

    DeedDecisions(DeedIntake deeds, Deeds repository, DecisionLetters letters, DeadlineProperties rules,
            AuditTrail audit, Clock clock, DecidingBureaus bureaus, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.bureaus = bureaus;
        this.deeds = deeds;
        this.repository = repository;
        this.letters = letters;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** Tells the applicant the facts, reasons and legal basis of the intended refusal. */
    @Transactional
    @PreAuthorize(BUREAU)
    public Deed notifyHearing(CurrentUser me, long id, LocalDate notifiedOn, String grounds, String legalBasis) {
        LocalDate on = day("notifiedOn", notifiedOn);
        requireText("grounds", grounds, 4000);
        requireText("legalBasis", legalBasis, 1000);
        Deed deed = deeds.get(me, id);
        deed.notifyHearing(on, grounds.trim(), legalBasis.trim(), on.plusDays(rules.hearingDays()), me.username(),
                clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail("hearing notified, answer due " + deed.getHearing().getResponseDue()));
        return deed;
    }

    /** Puts the applicant's statement on record, or that they waived it. */
    @Transactional
    @PreAuthorize(BUREAU)
    public Deed answerHearing(CurrentUser me, long id, LocalDate answeredOn, String statement, boolean waived) {
        LocalDate on = day("answeredOn", answeredOn);
        if (!waived) {
            requireText("statement", statement, 4000);
        } else if (statement != null && statement.length() > 4000) {
            throw new InvalidField("statement", "validation.too-long");
        }
        Deed deed = deeds.get(me, id);
        deed.answerHearing(on, blankToNull(statement), waived, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail(waived ? "hearing waived" : "hearing statement recorded"));
        return deed;
    }

    /**
     * 确认 / 不予确认 per actor: numbers the decision letter, renders it to PDF and keeps it with the deed's
     * files, and publishes each confirmed actor.
     */
    @Transactional
    @PreAuthorize(BUREAU)
    public Deed decide(CurrentUser me, long id, LocalDate decidedOn, List<ActorOutcome> outcomes) {
        LocalDate on = day("decidedOn", decidedOn);
        Map<Long, Outcome> byActor = new HashMap<>();
        Map<Long, String> reasons = new HashMap<>();
        for (ActorOutcome outcome : outcomes == null ? List.<ActorOutcome>of() : outcomes) {
            if (outcome != null && outcome.participantId() != null && outcome.outcome() != null) {
                if (outcome.reason() != null && outcome.reason().length() > 500) {
                    throw new InvalidField("outcomes", "validation.too-long");
                }
                byActor.put(outcome.participantId(), outcome.outcome());
                reasons.put(outcome.participantId(), outcome.reason());
            }
        }
        Deed deed = deeds.get(me, id);
        bureaus.requireConfirming(me, deed.getRegionCode());
        if (deed.getStatus() != DeedStatus.NOTICE_CLOSED && deed.getStatus() != DeedStatus.HEARING) {
            throw new DeedNotInStatus(deed.getNumber(), deed.getStatus());
        }
        String number = letters.nextNumber(deed.getRegionCode(), on.getYear());
        deed.decide(on, byActor, reasons, number, me.username(), clock.instant());
        deed.keepDueDate(deed.decisionClock().flatMap(deadlines::dueDate).orElse(null));
        letters.issue(me, deed);
        repository.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail("decided " + number + ": " + byActor));
        repository.save(deed); // publishes a DeedConfirmed per confirmed actor
        return deed;
    }

    /** 送达: when and how the letter reached the applicant, and who received it. */
    @Transactional
    @PreAuthorize(BUREAU)
    public Deed deliver(CurrentUser me, long id, LocalDate deliveredOn, DeliveryMethod method, String recipient) {
        LocalDate on = day("deliveredOn", deliveredOn);
        Inputs.required("method", method);
        requireText("recipient", recipient, 100);
        Deed deed = deeds.get(me, id);
        deed.deliver(on, method, recipient.trim(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail("delivered " + on + " " + method + " to " + recipient.trim()));
        return deed;
    }

    /** Records a review (复核), reconsideration or lawsuit asked against the decision. */
    @Transactional
    @PreAuthorize(BUREAU)
    public Deed requestReview(CurrentUser me, long id, ReviewRequest.Kind kind, LocalDate requestedOn,
            String requestedBy, String grounds) {
        Inputs.required("kind", kind);
        LocalDate on = day("requestedOn", requestedOn);
        requireText("requestedBy", requestedBy, 60);
        requireText("grounds", grounds, 4000);
        Deed deed = deeds.get(me, id);
        ReviewRequest request = deed.requestReview(kind, on, requestedBy.trim(), grounds.trim(), rules.reviewDays(),
                me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id)
                .withDetail(request.getKind() + " requested by " + requestedBy.trim()));
        return deed;
    }

    /**
     * The outcome of a review: upheld or changed (naming the refused actors who are now confirmed). A 复核
     * is decided by the city bureau, so only its staff record its outcome.
     */
    @Transactional
    @PreAuthorize(BUREAU)
    public Deed concludeReview(CurrentUser me, long id, long requestId, ReviewRequest.Result result,
            LocalDate outcomeOn, String note, Set<Long> nowConfirmed) {
        Inputs.required("result", result);
        LocalDate on = day("outcomeOn", outcomeOn);
        if (note != null && note.length() > 2000) {
            throw new InvalidField("note", "validation.too-long");
        }
        Deed deed = deeds.get(me, id);
        ReviewRequest request = deed.getReviewRequests().stream().filter(r -> r.getId() == requestId).findFirst()
                .orElseThrow(() -> new org.yiyong.shared.RecordNotFound("ReviewRequest", requestId));
        if (request.getKind() == ReviewRequest.Kind.REVIEW && !bureaus.decidesReviews(me, deed.getRegionCode())) {
            throw new NotAllowed("deed.review.city-only");
        }
        List<Participant> changed = deed.concludeReview(requestId, result, on, blankToNull(note),
                nowConfirmed == null ? Set.of() : new HashSet<>(nowConfirmed), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, "ReviewRequest", requestId)
                .withDetail(result + (changed.isEmpty() ? "" : ", now confirmed: "
                        + changed.stream().map(Participant::getName).toList())));
        repository.save(deed); // publishes a DeedConfirmed per actor now confirmed
        return deed;
    }

    /** 办结 once the review period is over (or the review concluded) with nothing open. */
    @Transactional
    @PreAuthorize(BUREAU)
    public Deed close(CurrentUser me, long id) {
        Deed deed = deeds.get(me, id);
        deed.close(LocalDate.now(clock), rules.reviewDays(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, DeedIntake.ENTITY, id).withDetail("closed"));
        return deed;
    }

    /** Whether the user may propose, decide and sign for this deed: they belong to the bureau that confirms it. */
    public boolean mayDecide(CurrentUser me, Deed deed) {
        return bureaus.confirms(me, deed.getRegionCode());
    }

    /** The name of the bureau that confirms the deeds of a region. */
    public String confirmingBureau(String regionCode) {
        return letters.bureauOf(regionCode);
    }

    /** The last day to ask for a review of this deed's decision, once it is delivered. */
    public LocalDate reviewDeadline(Deed deed) {
        return deed.reviewDeadline(rules.reviewDays());
    }

    public int hearingDays() {
        return rules.hearingDays();
    }

    private LocalDate day(String field, LocalDate value) {
        LocalDate today = LocalDate.now(clock);
        if (value == null) {
            return today;
        }
        if (value.isAfter(today)) {
            throw new InvalidField(field, "deed.date.future");
        }
        return value;
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "validation.required");
        }
        if (value.length() > max) {
            throw new InvalidField(field, "validation.too-long");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The decision about one actor; a refusal carries its reason. */
    public record ActorOutcome(Long participantId, Outcome outcome, String reason) {
    }
}
