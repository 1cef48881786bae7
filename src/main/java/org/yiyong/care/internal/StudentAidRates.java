package org.yiyong.care.internal;

import org.yiyong.shared.Inputs;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
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
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.shared.InvalidField;

/**
 * The student aid rates per stage, by school year (defaults: the provincial rates since 2015 — primary
 * ¥1,500, junior ¥2,000, senior and vocational ¥3,000, university ¥6,000, postgraduate ¥7,500). City staff
 * set the rate of a stage from a school year on; earlier years keep theirs. A rate already used by an
 * approved application is never changed.
 */
@Service
public class StudentAidRates {

    static final String ENTITY = "StudentAidRate";
    /** the stages paid student aid; vocational school is paid like senior high by default */
    public static final List<SchoolStage> STAGES = List.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.SENIOR,
            SchoolStage.VOCATIONAL, SchoolStage.UNIVERSITY, SchoolStage.POSTGRADUATE);
    static final BigDecimal MAX_RATE = new BigDecimal("99999.99");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    StudentAidRates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rate of a stage in force for a school year: the latest that began on or before its start. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> rateFor(SchoolStage stage, StudentAidYear year) {
        if (stage == null || !STAGES.contains(stage)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select amount from student_aid_rate where stage = :stage and effective_from <= :start
                order by effective_from desc limit 1""")
                .param("stage", stage.name()).param("start", year.startsOn()).query(BigDecimal.class).optional();
    }

    /** The rates in force for a school year, by stage. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public Map<SchoolStage, StudentAidRate> inForce(StudentAidYear year) {
        Map<SchoolStage, StudentAidRate> rates = new EnumMap<>(SchoolStage.class);
        // newest first: the first row of each stage is the one in force
        jdbc.sql("select * from student_aid_rate where effective_from <= :start order by effective_from desc, id desc")
                .param("start", year.startsOn()).query(StudentAidRates::rate).list()
                .forEach(rate -> rates.putIfAbsent(rate.stage(), rate));
        return rates;
    }

    /** Every rate ever set, by stage and date. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public List<StudentAidRate> history() {
        return jdbc.sql("select * from student_aid_rate order by effective_from desc, stage")
                .query(StudentAidRates::rate).list();
    }

    /**
     * The rate of a stage from a school year on. A rate already set for the same stage and year is
     * corrected only while no application of that stage was approved at it.
     */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public StudentAidRate set(CurrentUser me, SchoolStage stage, StudentAidYear from, BigDecimal amount, String note) {
        Inputs.required("stage", stage);
        if (!STAGES.contains(stage)) {
            throw new InvalidField("stage", "student-aid.rate.stage-invalid");
        }
        Inputs.required("schoolYear", from);
        if (from.start() < StudentAidYear.FIRST || from.start() > StudentAidYear.of(LocalDate.now(clock)).start() + 1) {
            throw new InvalidField("schoolYear", "student-aid.year.out-of-range", new StudentAidYear(StudentAidYear.FIRST)
                    .label(), StudentAidYear.of(LocalDate.now(clock)).next().label());
        }
        Inputs.required("amount", amount);
        if (amount.signum() <= 0) {
            throw new InvalidField("amount", "money.positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidField("amount", "money.cents");
        }
        if (amount.compareTo(MAX_RATE) > 0) {
            throw new InvalidField("amount", "money.too-large");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 300) {
            throw new InvalidField("note", "validation.too-long");
        }
        // which school years the new rate governs: from its year to the next rate of the stage
        Optional<LocalDate> nextChange = jdbc.sql("""
                select effective_from from student_aid_rate where stage = :stage and effective_from > :from
                order by effective_from limit 1""")
                .param("stage", stage.name()).param("from", from.startsOn()).query(LocalDate.class).optional();
        int until = nextChange.map(day -> StudentAidYear.of(day).start()).orElse(Integer.MAX_VALUE);
        long used = jdbc.sql("""
                select count(*) from student_aid_application where stage = :stage and status in ('APPROVED', 'PAID')
                and school_year >= :from and school_year < :until""")
                .param("stage", stage.name()).param("from", from.start()).param("until", until)
                .query(Long.class).single();
        if (used > 0) {
            throw new CareRuleBroken("student-aid.rate.in-use", from.label(), used);
        }
        BigDecimal value = amount.setScale(2);
        Optional<StudentAidRate> same = jdbc.sql("select * from student_aid_rate where stage = :stage and effective_from = :from")
                .param("stage", stage.name()).param("from", from.startsOn()).query(StudentAidRates::rate).optional();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (same.isPresent()) {
            jdbc.sql("""
                    update student_aid_rate set amount = :amount, note = :note, recorded_by = :by, recorded_at = :at
                    where id = :id""").param("amount", value).param("note", why).param("by", me.username())
                    .param("at", now).param("id", same.get().id()).update();
            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, same.get().id()).withDetail(stage + " from "
                    + from.label() + ": " + same.get().amount().toPlainString() + " -> " + value.toPlainString()));
        } else {
            jdbc.sql("""
                    insert into student_aid_rate (stage, effective_from, amount, note, recorded_by, recorded_at)
                    values (:stage, :from, :amount, :note, :by, :at)""").param("stage", stage.name())
                    .param("from", from.startsOn()).param("amount", value).param("note", why)
                    .param("by", me.username()).param("at", now).update();
        }
        StudentAidRate saved = jdbc.sql("select * from student_aid_rate where stage = :stage and effective_from = :from")
                .param("stage", stage.name()).param("from", from.startsOn()).query(StudentAidRates::rate).single();
        if (same.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, saved.id())
                    .withDetail(stage + " from " + from.label() + ": " + value.toPlainString()));
        }
        return saved;
    }

    private static StudentAidRate rate(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("recorded_at");
        return new StudentAidRate(rs.getLong("id"), SchoolStage.valueOf(rs.getString("stage")),
                rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("note"),
                rs.getString("recorded_by"), at == null ? null : at.toInstant());
    }
}
