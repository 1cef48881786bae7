package org.yiyong.samaritans.internal;

import org.yiyong.shared.Inputs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
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
import org.yiyong.samaritans.DeathKind;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;

/**
 * A samaritan's death (DOMAIN §4): a martyr assessment (评烈) tracked until the province decides, death
 * on duty, or otherwise the one-time compensation of 20 × the previous year's national urban per-capita
 * disposable income + 40 × the year's monthly salary of a PLA platoon-level officer, from the yearly
 * parameters. Retroactive assessment is allowed. Survivors' pensions can be granted in the same step.
 */
@Service
public class Deaths {

    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);
    private static final BigDecimal FORTY = BigDecimal.valueOf(40);

    private final DeathDeterminations determinations;
    private final SamaritanRegistry registry;
    private final Family family;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Deaths(DeathDeterminations determinations, SamaritanRegistry registry, Family family, JdbcClient jdbc,
            AuditTrail audit, Clock clock) {
        this.determinations = determinations;
        this.registry = registry;
        this.family = family;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** How a death is first recorded. */
    public enum Determination {
        /** 评烈 applied for: pending until the province decides */
        MARTYR_APPLICATION,
        DEATH_ON_DUTY,
        OTHER
    }

    @Transactional(readOnly = true)
    public Optional<DeathDetermination> of(long samaritanId) {
        return determinations.findBySamaritanId(samaritanId);
    }

    /** The one-time compensation for a death in the given year, with the figures it rests on. */
    @Transactional(readOnly = true)
    public Compensation compensation(int year) {
        BigDecimal income = jdbc.sql("select urban_disposable_income from death_parameter where param_year = :y")
                .param("y", year - 1).query(BigDecimal.class).optional().orElse(null);
        if (income == null) {
            throw new InvalidField("diedOn", "death.parameter.income-missing", String.valueOf(year - 1));
        }
        BigDecimal salary = jdbc.sql("select platoon_officer_monthly_salary from death_parameter where param_year = :y")
                .param("y", year).query(BigDecimal.class).optional().orElse(null);
        if (salary == null) {
            throw new InvalidField("diedOn", "death.parameter.salary-missing", String.valueOf(year));
        }
        BigDecimal amount = TWENTY.multiply(income).add(FORTY.multiply(salary)).setScale(2);
        return new Compensation(amount, "20 × " + income.toPlainString() + "（" + (year - 1) + " 年城镇居民人均可支配收入）+ 40 × "
                + salary.toPlainString() + "（" + year + " 年排职军官月工资）");
    }

    /** The compensation and the figures behind it. */
    public record Compensation(BigDecimal amount, String basis) {
    }

    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public DeathDetermination record(CurrentUser me, long samaritanId, LocalDate diedOn, Determination how,
            String document, boolean grantSurvivors) {
        Inputs.required("diedOn", diedOn);
        if (diedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("diedOn", "samaritan.date.future");
        }
        Inputs.required("determination", how);
        String doc = SamaritanRegistry.text("documentNumber", document, 100, how == Determination.DEATH_ON_DUTY);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        if (determinations.findBySamaritanId(samaritanId).isPresent()) {
            throw new SamaritanRuleBroken("death.already-determined");
        }
        DeathDetermination death = new DeathDetermination(samaritanId, diedOn, me.username(), clock.instant());
        switch (how) {
            case MARTYR_APPLICATION -> death.martyrApplied(LocalDate.now(clock));
            case DEATH_ON_DUTY -> death.determined(DeathDetermination.Kind.DEATH_ON_DUTY, doc, null, null);
            case OTHER -> {
                Compensation compensation = compensation(diedOn.getYear());
                death.determined(DeathDetermination.Kind.OTHER, doc, Money.of(compensation.amount()),
                        compensation.basis());
            }
        }
        determinations.saveAndFlush(death);
        samaritan.deathDetermined(kindOf(death), diedOn, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, samaritanId)
                .withDetail("death recorded: " + how + (death.getCompensation() == null ? ""
                        : ", compensation " + death.getCompensation().toPlainString())));
        if (grantSurvivors) {
            grantSurvivorPensions(me, samaritan, diedOn);
        }
        return death;
    }

    /** The province's decision on 评烈. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public DeathDetermination martyrDecision(CurrentUser me, long samaritanId, boolean approved, LocalDate decidedOn,
            String document) {
        LocalDate on = decidedOn == null ? LocalDate.now(clock) : decidedOn;
        String doc = SamaritanRegistry.text("documentNumber", document, 100, approved);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        DeathDetermination death = determinations.findBySamaritanId(samaritanId)
                .orElseThrow(() -> new SamaritanRuleBroken("death.martyr.not-pending"));
        death.martyrDecided(approved, on, doc);
        samaritan.deathDetermined(kindOf(death), death.getDiedOn(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, samaritanId)
                .withDetail("martyr assessment " + (approved ? "approved" : "rejected")));
        return death;
    }

    /** After a rejected martyr application: death on duty, or otherwise with the compensation. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public DeathDetermination redetermine(CurrentUser me, long samaritanId, Determination how, String document) {
        if (how == null || how == Determination.MARTYR_APPLICATION) {
            throw new InvalidField("determination", "death.redetermine.kind");
        }
        String doc = SamaritanRegistry.text("documentNumber", document, 100, how == Determination.DEATH_ON_DUTY);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        DeathDetermination death = determinations.findBySamaritanId(samaritanId)
                .orElseThrow(() -> new SamaritanRuleBroken("death.martyr.not-pending"));
        if (how == Determination.DEATH_ON_DUTY) {
            death.determined(DeathDetermination.Kind.DEATH_ON_DUTY, doc, null, null);
        } else {
            Compensation compensation = compensation(death.getDiedOn().getYear());
            death.determined(DeathDetermination.Kind.OTHER, doc, Money.of(compensation.amount()),
                    compensation.basis());
        }
        samaritan.deathDetermined(kindOf(death), death.getDiedOn(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, samaritanId)
                .withDetail("death determined: " + how));
        return death;
    }

    /** The yearly parameters, newest first. */
    @Transactional(readOnly = true)
    public List<Parameter> parameters() {
        return jdbc.sql("select param_year, urban_disposable_income, platoon_officer_monthly_salary from death_parameter "
                        + "order by param_year desc")
                .query((rs, row) -> new Parameter(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
    }

    /** One year's parameters; either figure may still be unknown. */
    public record Parameter(int year, BigDecimal urbanDisposableIncome, BigDecimal platoonOfficerMonthlySalary) {
    }

    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public void setParameter(CurrentUser me, int year, BigDecimal income, BigDecimal salary) {
        if (year < 1990 || year > 2100) {
            throw new InvalidField("year", "death.parameter.year");
        }
        if (income == null && salary == null) {
            // an empty change would erase the year's parameters, which compensations are computed from
            throw new InvalidField("urbanDisposableIncome", "validation.required");
        }
        for (BigDecimal value : new BigDecimal[] {income, salary}) {
            if (value != null && (value.signum() <= 0 || value.scale() > 2)) {
                throw new InvalidField(value == income ? "urbanDisposableIncome" : "platoonOfficerMonthlySalary",
                        "honour.standard.amount-invalid");
            }
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update death_parameter set urban_disposable_income = :income, platoon_officer_monthly_salary = :salary,
                       recorded_by = :by, recorded_at = :at where param_year = :year""")
                .param("income", income).param("salary", salary).param("by", me.username()).param("at", now)
                .param("year", year).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into death_parameter (param_year, urban_disposable_income, platoon_officer_monthly_salary,
                                                 recorded_by, recorded_at) values (:year, :income, :salary, :by, :at)""")
                    .param("income", income).param("salary", salary).param("by", me.username()).param("at", now)
                    .param("year", year).update();
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "DeathParameter", year)
                .withDetail("income " + income + ", salary " + salary));
    }

    /**
     * 遗属抚恤 for the registered family: a spouse until remarriage, a child until 18 (or the recorded end
     * of schooling when later), a parent for life.
     */
    private void grantSurvivorPensions(CurrentUser me, Samaritan samaritan, LocalDate from) {
        for (Relative relative : samaritan.getFamily()) {
            if (relative.getDiedOn() != null) {
                continue;
            }
            EndCondition until = switch (relative.getRelation()) {
                case SPOUSE -> EndCondition.REMARRIAGE;
                case CHILD -> relative.getSchoolingEndsOn() != null && (relative.getBirthDate() == null
                        || relative.getSchoolingEndsOn().isAfter(relative.getBirthDate().plus(Period.ofYears(18))))
                        ? EndCondition.END_OF_SCHOOLING : relative.getBirthDate() == null ? null : EndCondition.AGE_18;
                case PARENT -> EndCondition.DEATH;
                case OTHER -> null;
            };
            if (until != null) {
                family.entitle(me, samaritan.getId(), relative.getId(), EntitlementKind.SURVIVOR_PENSION, from, until);
            }
        }
    }

    private static DeathKind kindOf(DeathDetermination death) {
        return switch (death.getKind()) {
            case MARTYR -> DeathKind.MARTYR;
            case DEATH_ON_DUTY -> DeathKind.DEATH_ON_DUTY;
            case OTHER -> DeathKind.OTHER;
            case PENDING -> null;
        };
    }
}
