package org.yiyong.samaritans.internal;

import org.yiyong.shared.Inputs;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;

/**
 * The disability pension standards: one yearly amount per grade and year, raised every year by the
 * bureau and kept here by city staff. A year's pension lines are worked out from that year's standard.
 */
@Service
public class PensionStandards {

    static final String ENTITY = "PensionStandard";
    static final String EDIT = "hasRole('CITY_STAFF')";

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PensionStandards(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The standards of a year, by grade; grades not entered yet are missing. */
    @Transactional(readOnly = true)
    @PreAuthorize(SamaritanRegistry.READ)
    public List<PensionStandard> year(int year) {
        return jdbc.sql("""
                select pension_year, grade, annual_amount, updated_by, updated_at from pension_standard
                where pension_year = :year order by grade""")
                .param("year", year)
                .query((rs, row) -> new PensionStandard(rs.getInt("pension_year"), rs.getInt("grade"),
                        rs.getBigDecimal("annual_amount").setScale(2), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** The years that have standards, latest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(SamaritanRegistry.READ)
    public List<Integer> years() {
        return jdbc.sql("select distinct pension_year from pension_standard order by pension_year desc")
                .query(Integer.class).list();
    }

    Optional<Money> amount(int year, int grade) {
        return jdbc.sql("select annual_amount from pension_standard where pension_year = :year and grade = :grade")
                .param("year", year)
                .param("grade", grade)
                .query(BigDecimal.class)
                .optional()
                .map(amount -> Money.of(amount.setScale(2)));
    }

    /** Sets one grade's yearly amount for a year; the change is audited with the amount before and after. */
    @Transactional
    @PreAuthorize(EDIT)
    public PensionStandard set(CurrentUser me, Integer year, Integer grade, BigDecimal annualAmount) {
        int checkedYear = checkYear(year);
        int checkedGrade = checkGrade(grade);
        Money amount = annualAmount("annualAmount", annualAmount);
        return save(me, checkedYear, checkedGrade, amount);
    }

    /**
     * Sets a year's standards from the page: one amount per grade, blank for "leave as it is". Every
     * amount is checked before any is saved.
     */
    @Transactional
    @PreAuthorize(EDIT)
    public List<PensionStandard> setYear(CurrentUser me, Integer year, Map<Integer, String> amounts) {
        int checkedYear = checkYear(year);
        Map<Integer, Money> checked = new LinkedHashMap<>();
        for (int grade = DisabilityCase.MOST_SEVERE_GRADE; grade <= DisabilityCase.LEAST_SEVERE_GRADE; grade++) {
            String text = amounts.get(grade);
            if (text == null || text.isBlank()) {
                continue;
            }
            String field = "grade" + grade;
            BigDecimal parsed;
            try {
                parsed = new BigDecimal(text.strip().replace(",", "").replace("，", ""));
            } catch (NumberFormatException notANumber) {
                throw new InvalidField(field, "disability.standard.grade-amount-invalid", grade);
            }
            checked.put(grade, annualAmount(field, parsed, grade));
        }
        for (Map.Entry<Integer, Money> entry : checked.entrySet()) {
            save(me, checkedYear, entry.getKey(), entry.getValue());
        }
        return year(checkedYear);
    }

    private PensionStandard save(CurrentUser me, int year, int grade, Money amount) {
        Optional<Money> before = amount(year, grade);
        Instant now = clock.instant();
        if (before.isPresent() && before.get().equals(amount)) {
            return find(year, grade);
        }
        if (before.isPresent()) {
            jdbc.sql("""
                    update pension_standard set annual_amount = :amount, updated_by = :by, updated_at = :at
                    where pension_year = :year and grade = :grade""")
                    .param("amount", amount.amount()).param("by", me.username()).param("at", Timestamp.from(now))
                    .param("year", year).param("grade", grade)
                    .update();
        } else {
            jdbc.sql("""
                    insert into pension_standard (pension_year, grade, annual_amount, updated_by, updated_at)
                    values (:year, :grade, :amount, :by, :at)""")
                    .param("year", year).param("grade", grade).param("amount", amount.amount())
                    .param("by", me.username()).param("at", Timestamp.from(now))
                    .update();
        }
        audit.record(AuditRecord.of(before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, ENTITY,
                year + "-" + grade).withChanges(Changes.between(
                        Changes.snapshot("annualAmount", before.map(Money::toString).orElse(null)),
                        Changes.snapshot("annualAmount", amount.toString()))));
        return find(year, grade);
    }

    private PensionStandard find(int year, int grade) {
        return year(year).stream().filter(standard -> standard.grade() == grade).findFirst().orElseThrow();
    }

    private static int checkYear(Integer year) {
        Inputs.required("year", year);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidField("year", "disability.standard.year-out-of-range", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        return year;
    }

    private static int checkGrade(Integer grade) {
        Inputs.required("grade", grade);
        if (grade < DisabilityCase.MOST_SEVERE_GRADE || grade > DisabilityCase.LEAST_SEVERE_GRADE) {
            throw new GradeOutOfRange(grade);
        }
        return grade;
    }

    private static Money annualAmount(String field, BigDecimal amount) {
        return annualAmount(field, amount, null);
    }

    /** A positive amount in yuan with at most 2 decimals. */
    private static Money annualAmount(String field, BigDecimal amount, Integer grade) {
        if (amount == null) {
            throw new InvalidField(field, "validation.required");
        }
        InvalidField invalid = grade == null ? new InvalidField(field, "disability.standard.amount-invalid")
                : new InvalidField(field, "disability.standard.grade-amount-invalid", grade);
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw invalid;
        }
        try {
            return Money.of(amount);
        } catch (IllegalArgumentException moreThanTwoDecimals) {
            throw invalid;
        }
    }
}
