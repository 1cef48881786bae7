package org.yiyong.samaritans.internal;

import org.yiyong.shared.Inputs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.yiyong.audit.Changes;
import org.yiyong.deeds.WorkingCalendar;
import org.yiyong.shared.InvalidField;

/**
 * One assessment of a samaritan's disability (评残) under 伤残抚恤管理办法: the application, the proposed
 * grade posted publicly (公示), and the province's approval with the certificate 《中华人民共和国因公伤残
 * 人员证》 — or a refusal. A later case for the same person re-assesses the last approved one.
 */
@Entity
@Table(name = "disability_case")
public class DisabilityCase extends TrackedRecord {

    /** An application comes within this period after the injury, unless an exception is recorded. */
    public static final Period APPLICATION_WINDOW = Period.ofYears(3);

    /** A re-assessment is applied for no sooner than this after the last approval. */
    public static final Period REASSESSMENT_INTERVAL = Period.ofYears(1);

    /** The proposed grade is posted publicly for at least this many working days. */
    public static final int POSTING_WORKING_DAYS = 7;

    public static final int MOST_SEVERE_GRADE = 1;

    public static final int LEAST_SEVERE_GRADE = 10;

    private static final Set<DisabilityStatus> OPEN = EnumSet.of(DisabilityStatus.APPLIED, DisabilityStatus.POSTED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long samaritanId;

    @Column(updatable = false)
    private Long previousCaseId;

    private LocalDate injuredOn;

    private LocalDate appliedOn;

    private String lateException;

    @Enumerated(EnumType.STRING)
    private DisabilityStatus status;

    private Integer grade;

    private LocalDate postingStart;

    private LocalDate postingEnd;

    private LocalDate approvedOn;

    private String approvedBy;

    private String certificateNumber;

    private LocalDate rejectedOn;

    private String rejectionReason;

    protected DisabilityCase() {
    }

    private DisabilityCase(long samaritanId, Long previousCaseId, LocalDate injuredOn, LocalDate appliedOn,
            String lateException, String actor, Instant now) {
        super(actor, now);
        this.samaritanId = samaritanId;
        this.previousCaseId = previousCaseId;
        this.injuredOn = injuredOn;
        this.appliedOn = appliedOn;
        this.lateException = lateException;
        this.status = DisabilityStatus.APPLIED;
    }

    /**
     * A first application: within {@link #APPLICATION_WINDOW} of the injury (exactly 3 years is still
     * in time), or later with the exception that justifies it.
     */
    public static DisabilityCase apply(long samaritanId, LocalDate injuredOn, LocalDate appliedOn, String lateException,
            LocalDate today, String actor, Instant now) {
        checkDates(injuredOn, appliedOn, today);
        LocalDate lastDay = injuredOn.plus(APPLICATION_WINDOW);
        if (appliedOn.isAfter(lastDay) && lateException == null) {
            throw new ApplicationWindowPassed(injuredOn, lastDay);
        }
        return new DisabilityCase(samaritanId, null, injuredOn, appliedOn, lateException, actor, now);
    }

    /**
     * A re-assessment of the last approved grade, applied for no sooner than {@link #REASSESSMENT_INTERVAL}
     * after its approval. The 3-year window of a first application does not apply.
     */
    public DisabilityCase reassess(LocalDate injuredOnOrNull, LocalDate appliedOn, String lateException,
            LocalDate today,
            String actor, Instant now) {
        if (status != DisabilityStatus.APPROVED) {
            throw new DisabilityCaseNotInStatus(status);
        }
        LocalDate injury = injuredOnOrNull == null ? injuredOn : injuredOnOrNull;
        checkDates(injury, appliedOn, today);
        LocalDate earliest = approvedOn.plus(REASSESSMENT_INTERVAL);
        if (appliedOn.isBefore(earliest)) {
            throw new ReassessmentTooSoon(approvedOn, earliest);
        }
        return new DisabilityCase(samaritanId, id, injury, appliedOn, lateException, actor, now);
    }

    /**
     * The assessment proposes a grade and posts it publicly from {@code start} to {@code end}, both
     * included; without an end, the posting runs to the 7th working day. A corrected grade is posted
     * again, for a full period.
     */
    public void post(Integer proposedGrade, LocalDate start, LocalDate endOrNull, WorkingCalendar calendar,
            String actor,
            Instant now) {
        requireOpen();
        Inputs.required("grade", proposedGrade);
        if (proposedGrade < MOST_SEVERE_GRADE || proposedGrade > LEAST_SEVERE_GRADE) {
            throw new GradeOutOfRange(proposedGrade);
        }
        Inputs.required("postingStart", start);
        if (start.isBefore(appliedOn)) {
            throw new InvalidField("postingStart", "disability.posting.before-application", appliedOn.toString());
        }
        LocalDate end = endOrNull == null ? postingEnd(start, calendar) : endOrNull;
        if (end.isBefore(start)) {
            throw new InvalidField("postingEnd", "disability.posting.end-before-start");
        }
        int workingDays = workingDays(start, end, calendar);
        if (workingDays < POSTING_WORKING_DAYS) {
            throw new PostingTooShort(start, end, workingDays, POSTING_WORKING_DAYS);
        }
        this.grade = proposedGrade;
        this.postingStart = start;
        this.postingEnd = end;
        this.status = DisabilityStatus.POSTED;
        changedAt(now);
    }

    /**
     * The province approved the posted grade: the day, the approving body and the certificate number.
     * The posting must be over, and still hold 7 working days on today's holiday table.
     */
    public void approve(LocalDate on, String body, String certificate, WorkingCalendar calendar, LocalDate today,
            Instant now) {
        if (status != DisabilityStatus.POSTED) {
            throw new DisabilityCaseNotInStatus(status);
        }
        Inputs.required("approvedOn", on);
        if (on.isAfter(today)) {
            throw new InvalidField("approvedOn", "samaritan.date.future");
        }
        int workingDays = workingDays(postingStart, postingEnd, calendar);
        if (workingDays < POSTING_WORKING_DAYS) {
            throw new PostingTooShort(postingStart, postingEnd, workingDays, POSTING_WORKING_DAYS);
        }
        if (!on.isAfter(postingEnd)) {
            throw new PostingStillRunning(postingEnd);
        }
        Inputs.required("approvedBy", body);
        Inputs.required("certificateNumber", certificate);
        this.approvedOn = on;
        this.approvedBy = body;
        this.certificateNumber = certificate;
        this.status = DisabilityStatus.APPROVED;
        changedAt(now);
    }

    /** Not assessed, or not approved: the reason is kept and told to the applicant. */
    public void reject(String reason, LocalDate today, Instant now) {
        requireOpen();
        Inputs.required("reason", reason);
        this.rejectedOn = today;
        this.rejectionReason = reason;
        this.status = DisabilityStatus.REJECTED;
        changedAt(now);
    }

    /** A re-assessment was approved: its grade applies from now on. */
    void supersede(Instant now) {
        if (status != DisabilityStatus.APPROVED) {
            throw new DisabilityCaseNotInStatus(status);
        }
        this.status = DisabilityStatus.SUPERSEDED;
        changedAt(now);
    }

    public boolean isOpen() {
        return OPEN.contains(status);
    }

    public boolean isReassessment() {
        return previousCaseId != null;
    }

    /** The earliest day a re-assessment of this approved grade may be applied for. */
    public LocalDate reassessmentFrom() {
        return approvedOn == null ? null : approvedOn.plus(REASSESSMENT_INTERVAL);
    }

    /** Working days from {@code start} to {@code end}, both included. */
    public static int workingDays(LocalDate start, LocalDate end, WorkingCalendar calendar) {
        int count = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The last day of a posting that starts on {@code start} and runs exactly 7 working days. */
    public static LocalDate postingEnd(LocalDate start, WorkingCalendar calendar) {
        LocalDate day = calendar.onOrAfter(start);
        for (int counted = 1; counted < POSTING_WORKING_DAYS; counted++) {
            day = calendar.onOrAfter(day.plusDays(1));
        }
        return day;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new DisabilityCaseNotInStatus(status);
        }
    }

    private static void checkDates(LocalDate injuredOn, LocalDate appliedOn, LocalDate today) {
        Inputs.required("injuredOn", injuredOn);
        if (injuredOn.isAfter(today)) {
            throw new InvalidField("injuredOn", "samaritan.date.future");
        }
        Inputs.required("appliedOn", appliedOn);
        if (appliedOn.isAfter(today)) {
            throw new InvalidField("appliedOn", "samaritan.date.future");
        }
        if (appliedOn.isBefore(injuredOn)) {
            throw new InvalidField("appliedOn", "disability.application.before-injury");
        }
    }

    Map<String, Object> snapshot() {
        return Changes.snapshot("samaritanId", samaritanId, "previousCaseId", previousCaseId, "status", status,
                "injuredOn", injuredOn, "appliedOn", appliedOn, "lateException", lateException, "grade", grade,
                "postingStart", postingStart, "postingEnd", postingEnd, "approvedOn", approvedOn, "approvedBy",
                approvedBy, "certificateNumber", certificateNumber, "rejectedOn", rejectedOn, "rejectionReason",
                rejectionReason);
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public Long getPreviousCaseId() {
        return previousCaseId;
    }

    public LocalDate getInjuredOn() {
        return injuredOn;
    }

    public LocalDate getAppliedOn() {
        return appliedOn;
    }

    public String getLateException() {
        return lateException;
    }

    public DisabilityStatus getStatus() {
        return status;
    }

    public Integer getGrade() {
        return grade;
    }

    public LocalDate getPostingStart() {
        return postingStart;
    }

    public LocalDate getPostingEnd() {
        return postingEnd;
    }

    public LocalDate getApprovedOn() {
        return approvedOn;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public LocalDate getRejectedOn() {
        return rejectedOn;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

}
