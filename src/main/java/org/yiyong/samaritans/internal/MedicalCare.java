package org.yiyong.samaritans.internal;

import org.yiyong.shared.Inputs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * Injury and medical care: hospital stays, the expenses and who advanced them, and the living allowance
 * while in hospital — the county's average monthly wage for the year of admission × the months in
 * hospital, counted as days / 30 and rounded to the fen (half up).
 */
@Service
public class MedicalCare {

    private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

    private final HospitalStays stays;
    private final SamaritanRegistry registry;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    MedicalCare(HospitalStays stays, SamaritanRegistry registry, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.stays = stays;
        this.registry = registry;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public MedicalExpense.Payer[] payers() {
        return MedicalExpense.Payer.values();
    }

    @Transactional(readOnly = true)
    public List<HospitalStay> of(long samaritanId) {
        return stays.findBySamaritanIdOrderByAdmittedOnDesc(samaritanId);
    }

    /** The living allowance of a stay; empty when the county has no average wage for that year. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> livingAllowance(HospitalStay stay, String regionCode) {
        return jdbc.sql("select monthly_wage from county_average_wage where region_code = :r and wage_year = :y")
                .param("r", regionCode).param("y", stay.getAdmittedOn().getYear()).query(BigDecimal.class).optional()
                .map(wage -> wage.multiply(BigDecimal.valueOf(stay.days(LocalDate.now(clock))))
                        .divide(DAYS_PER_MONTH, 2, RoundingMode.HALF_UP));
    }

    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public HospitalStay admit(CurrentUser me, long samaritanId, String hospital, LocalDate admittedOn,
            LocalDate dischargedOn, String diagnosis) {
        String where = SamaritanRegistry.text("hospital", hospital, 100, true);
        Inputs.required("admittedOn", admittedOn);
        LocalDate today = LocalDate.now(clock);
        if (admittedOn.isAfter(today) || dischargedOn != null && dischargedOn.isAfter(today)) {
            throw new InvalidField(admittedOn.isAfter(today) ? "admittedOn" : "dischargedOn", "samaritan.date.future");
        }
        if (dischargedOn != null && dischargedOn.isBefore(admittedOn)) {
            throw new InvalidField("dischargedOn", "medical.discharge-before-admission");
        }
        Samaritan samaritan = registry.inScope(me, samaritanId);
        HospitalStay stay = stays.saveAndFlush(new HospitalStay(samaritanId, where, admittedOn, dischargedOn,
                SamaritanRegistry.text("diagnosis", diagnosis, 500, false), me.username()));
        samaritan.noteChange("HOSPITAL_STAY", where + " · " + admittedOn, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.CREATE, "HospitalStay", stay.getId()).withDetail(where));
        return stay;
    }

    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public HospitalStay addExpense(CurrentUser me, long samaritanId, long stayId, BigDecimal amount,
            MedicalExpense.Payer payer, LocalDate paidOn, String note) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new InvalidField("amount", "medical.amount-invalid");
        }
        Inputs.required("payer", payer);
        LocalDate on = paidOn == null ? LocalDate.now(clock) : paidOn;
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("paidOn", "samaritan.date.future");
        }
        Samaritan samaritan = registry.inScope(me, samaritanId);
        HospitalStay stay = stays.findById(stayId).filter(s -> s.getSamaritanId() == samaritanId)
                .orElseThrow(() -> new RecordNotFound("HospitalStay", stayId));
        stay.expense(Money.of(amount), payer, on, SamaritanRegistry.text("note", note, 300, false));
        samaritan.noteChange("MEDICAL_EXPENSE", amount.setScale(2).toPlainString() + " · " + payer, me.username(),
                clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, "HospitalStay", stayId)
                .withDetail("expense " + amount.toPlainString() + " advanced by " + payer));
        return stay;
    }
}
