package org.yiyong.samaritans.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.deeds.Deadlines;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SamaritanStatus;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * Disability (伤残) of samaritans: the assessment of a grade from the application to the province's
 * approval, re-assessments, and the yearly pension schedule worked out from the standard of the year
 * and grade. The pension is paid by another department; Yiyong records that it was.
 */
@Service
public class Disability {

    static final String CASE = "DisabilityCase";
    static final String PENSION = "PensionPayment";

    private final SamaritanRegistry registry;
    private final DisabilityCases cases;
    private final PensionPayments pensions;
    private final PensionStandards standards;
    private final Deadlines deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    Disability(SamaritanRegistry registry, DisabilityCases cases, PensionPayments pensions,
            PensionStandards standards, Deadlines deadlines, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.cases = cases;
        this.pensions = pensions;
        this.standards = standards;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** A pension line for the year, and whether this call made it (or found it made before). */
    public record Scheduling(PensionPayment pension, boolean created) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(SamaritanRegistry.READ)
    public List<DisabilityCase> cases(CurrentUser me, long samaritanId) {
        registry.inScope(me, samaritanId);
        return cases.findBySamaritanIdOrderByIdDesc(samaritanId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(SamaritanRegistry.READ)
    public DisabilityCase getCase(CurrentUser me, long samaritanId, long caseId) {
        registry.inScope(me, samaritanId);
        return caseOf(samaritanId, caseId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(SamaritanRegistry.READ)
    public List<PensionPayment> pensions(CurrentUser me, long samaritanId) {
        registry.inScope(me, samaritanId);
        return pensions.findBySamaritanIdOrderByPensionYearDesc(samaritanId);
    }

    /** The disability section of a profile the caller has opened; a record outside their scope is not found. */
    @Transactional(readOnly = true)
    @PreAuthorize(SamaritanRegistry.READ)
    public DisabilitySection sectionOf(CurrentUser me, Samaritan samaritan) {
        if (samaritan.getId() == null || !me.scope().covers(samaritan.getRegionCode())) {
            throw new RecordNotFound(SamaritanRegistry.ENTITY, samaritan.getId());
        }
        List<DisabilityCase> all = cases.findBySamaritanIdOrderByIdDesc(samaritan.getId());
        DisabilityCase current = latestApproved(all).orElse(null);
        DisabilityCase open = all.stream().filter(DisabilityCase::isOpen).findFirst().orElse(null);
        int thisYear = LocalDate.now(clock).getYear();
        String standard = current == null ? null
                : standards.amount(thisYear, current.getGrade()).map(Money::format).orElse(null);
        return new DisabilitySection(all, current, open, current == null ? null : current.reassessmentFrom(),
                pensions.findBySamaritanIdOrderByPensionYearDesc(samaritan.getId()), thisYear, standard);
    }

    /**
     * Records an application for a disability grade; for a person with an approved grade, an application
     * to re-assess it. One case is under way at a time.
     */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public DisabilityCase apply(CurrentUser me, long samaritanId, NewDisabilityApplication request) {
        String exception = SamaritanRegistry.text("lateException", request.lateException(), 500, false);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        List<DisabilityCase> all = cases.findBySamaritanIdOrderByIdDesc(samaritanId);
        Optional<DisabilityCase> open = all.stream().filter(DisabilityCase::isOpen).findFirst();
        if (open.isPresent()) {
            throw new DisabilityCaseOpen(open.get().getAppliedOn());
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Optional<DisabilityCase> approved = latestApproved(all);
        DisabilityCase disabilityCase = approved.isPresent()
                ? approved.get().reassess(request.injuredOn(), request.appliedOn(), exception, today, me.username(), now)
                : DisabilityCase.apply(samaritanId, request.injuredOn(), request.appliedOn(), exception, today,
                        me.username(), now);
        cases.saveAndFlush(disabilityCase);
        samaritan.noteChange(disabilityCase.isReassessment() ? "DISABILITY_REASSESSMENT" : "DISABILITY_APPLIED",
                disabilityCase.getInjuredOn() + " → " + disabilityCase.getAppliedOn()
                        + (exception == null ? "" : " · " + exception), me.username(), now);
        audit.record(AuditRecord.of(AuditAction.CREATE, CASE, disabilityCase.getId())
                .withChanges(Changes.created(disabilityCase.snapshot()))
                .withDetail("samaritan " + samaritan.getNumber()));
        return disabilityCase;
    }

    /** The proposed grade is posted publicly (公示) for at least 7 working days. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public DisabilityCase post(CurrentUser me, long samaritanId, long caseId, Integer grade, LocalDate start,
            LocalDate end) {
        Samaritan samaritan = registry.inScope(me, samaritanId);
        DisabilityCase disabilityCase = caseOf(samaritanId, caseId);
        var before = disabilityCase.snapshot();
        Instant now = clock.instant();
        disabilityCase.post(grade, start, end, deadlines.calendar(), me.username(), now);
        samaritan.noteChange("DISABILITY_POSTED", disabilityCase.getGrade() + "级 · "
                + disabilityCase.getPostingStart() + " – " + disabilityCase.getPostingEnd(), me.username(), now);
        recordUpdate(CASE, caseId, before, disabilityCase.snapshot(), "posted");
        return disabilityCase;
    }

    /**
     * The province approved the posted grade, with the certificate 《中华人民共和国因公伤残人员证》: the
     * person is recorded as disabled, and a re-assessed grade replaces the one before.
     */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public DisabilityCase approve(CurrentUser me, long samaritanId, long caseId, LocalDate on, String approvedBy,
            String certificateNumber) {
        String body = SamaritanRegistry.text("approvedBy", approvedBy, 100, false);
        String certificate = SamaritanRegistry.text("certificateNumber", certificateNumber, 60, false);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        DisabilityCase disabilityCase = caseOf(samaritanId, caseId);
        var before = disabilityCase.snapshot();
        Instant now = clock.instant();
        disabilityCase.approve(on, body, certificate, deadlines.calendar(), LocalDate.now(clock), now);
        if (disabilityCase.getPreviousCaseId() != null) {
            cases.findByIdAndSamaritanId(disabilityCase.getPreviousCaseId(), samaritanId)
                    .filter(previous -> previous.getStatus() == DisabilityStatus.APPROVED)
                    .ifPresent(previous -> {
                        var was = previous.snapshot();
                        previous.supersede(now);
                        recordUpdate(CASE, previous.getId(), was, previous.snapshot(), "re-assessed by case " + caseId);
                    });
        }
        samaritan.disabled(disabilityCase.getGrade(), disabilityCase.getApprovedOn(), disabilityCase.getApprovedBy(),
                disabilityCase.getCertificateNumber(), me.username(), now);
        recordUpdate(CASE, caseId, before, disabilityCase.snapshot(), "approved");
        return disabilityCase;
    }

    /** The case ends without a grade; the reason is kept. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public DisabilityCase reject(CurrentUser me, long samaritanId, long caseId, String reason) {
        String why = SamaritanRegistry.text("reason", reason, 500, false);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        DisabilityCase disabilityCase = caseOf(samaritanId, caseId);
        var before = disabilityCase.snapshot();
        Instant now = clock.instant();
        disabilityCase.reject(why, LocalDate.now(clock), now);
        samaritan.noteChange("DISABILITY_REJECTED", why, me.username(), now);
        recordUpdate(CASE, caseId, before, disabilityCase.snapshot(), "rejected");
        return disabilityCase;
    }

    /**
     * 生成年度抚恤金计划: the year's pension line at the grade in force and the standard of that year
     * and grade. Asking again for the same year answers the line made before and makes no other.
     */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Scheduling schedule(CurrentUser me, long samaritanId, Integer year) {
        LocalDate today = LocalDate.now(clock);
        int pensionYear = year == null ? today.getYear() : year;
        if (pensionYear < PensionStandards.FIRST_YEAR || pensionYear > today.getYear() + 1) {
            throw new InvalidField("year", "disability.pension.year-out-of-range",
                    String.valueOf(PensionStandards.FIRST_YEAR), String.valueOf(today.getYear() + 1));
        }
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Optional<PensionPayment> existing = pensions.findBySamaritanIdAndPensionYear(samaritanId, pensionYear);
        if (existing.isPresent()) {
            return new Scheduling(existing.get(), false);
        }
        List<DisabilityCase> all = cases.findBySamaritanIdOrderByIdDesc(samaritanId);
        DisabilityCase current = latestApproved(all).orElseThrow(() -> new NotDisabled(samaritan.getName()));
        if (samaritan.getStatus() != SamaritanStatus.DISABLED) {
            throw new NotDisabled(samaritan.getName());
        }
        LocalDate firstApprovedOn = all.stream().map(DisabilityCase::getApprovedOn).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElseThrow();
        Money annual = standards.amount(pensionYear, current.getGrade())
                .orElseThrow(() -> new NoPensionStandard(pensionYear, current.getGrade()));
        Instant now = clock.instant();
        PensionPayment pension = PensionPayment.schedule(samaritanId, current, firstApprovedOn, pensionYear, annual,
                me.username(), now);
        pensions.saveAndFlush(pension);
        samaritan.noteChange("PENSION_SCHEDULED", pensionYear + " · " + pension.getGrade() + "级 · "
                + pension.getAmountText(), me.username(), now);
        audit.record(AuditRecord.of(AuditAction.CREATE, PENSION, pension.getId())
                .withChanges(Changes.created(pension.snapshot())).withDetail("samaritan " + samaritan.getNumber()));
        return new Scheduling(pension, true);
    }

    /** The paying department paid the year's pension: recorded with the day, the department and its reference. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public PensionPayment recordPayment(CurrentUser me, long samaritanId, int year, LocalDate paidOn, String paidBy,
            String reference) {
        String by = SamaritanRegistry.text("paidBy", paidBy, 100, false);
        String ref = SamaritanRegistry.text("reference", reference, 100, false);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        PensionPayment pension = pensionOf(samaritanId, year);
        var before = pension.snapshot();
        Instant now = clock.instant();
        pension.paid(paidOn, by, ref, LocalDate.now(clock), now);
        samaritan.noteChange("PENSION_PAID", year + " · " + pension.getAmountText() + " · " + by + " " + paidOn,
                me.username(), now);
        recordUpdate(PENSION, pension.getId(), before, pension.snapshot(), "paid");
        return pension;
    }

    /** The year's pension is not paid (停发), for the reason given. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public PensionPayment stopPension(CurrentUser me, long samaritanId, int year, String reason) {
        String why = SamaritanRegistry.text("reason", reason, 500, false);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        PensionPayment pension = pensionOf(samaritanId, year);
        var before = pension.snapshot();
        Instant now = clock.instant();
        pension.cancel(why, now);
        samaritan.noteChange("PENSION_STOPPED", year + " · " + why, me.username(), now);
        recordUpdate(PENSION, pension.getId(), before, pension.snapshot(), "stopped");
        return pension;
    }

    /** A change to a case or a pension line goes into the audit trail with what changed. */
    private void recordUpdate(String entity, long id, Map<String, Object> before, Map<String, Object> after,
            String detail) {
        audit.record(AuditRecord.of(AuditAction.UPDATE, entity, id).withChanges(Changes.between(before, after))
                .withDetail(detail));
    }

    private DisabilityCase caseOf(long samaritanId, long caseId) {
        return cases.findByIdAndSamaritanId(caseId, samaritanId).orElseThrow(() -> new RecordNotFound(CASE, caseId));
    }

    private PensionPayment pensionOf(long samaritanId, int year) {
        return pensions.findBySamaritanIdAndPensionYear(samaritanId, year)
                .orElseThrow(() -> new RecordNotFound(PENSION, samaritanId + "/" + year));
    }

    private static Optional<DisabilityCase> latestApproved(List<DisabilityCase> newestFirst) {
        return newestFirst.stream().filter(c -> c.getStatus() == DisabilityStatus.APPROVED).findFirst();
    }
}
