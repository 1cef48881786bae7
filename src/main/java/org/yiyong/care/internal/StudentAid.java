package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * Student aid rounds (助学): each school year the samaritans' children in school are listed with their
 * stage and the rate of that stage for the year — a child past the recorded end of schooling is not —
 * and an application with evidence of hardship and results is recorded for a child once a year. City
 * staff other than its recorder approve it at the rate in force (never an amount typed by hand), which
 * asks the funds for a payment order, or refuse it with a reason; the funds' news marks it paid.
 * Person-times and amounts are counted per person and per school year.
 */
@Service
public class StudentAid {

    static final String ENTITY = "StudentAidApplication";
    /** the kind of record an application is to the funds */
    static final String PAYMENT_KIND = "student-aid";
    static final String READ = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')";
    static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')";

    private static final String RATED_STAGES = "('PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'UNIVERSITY', 'POSTGRADUATE')";
    private static final Map<SchoolStage, String> STAGE_NAMES = Map.of(SchoolStage.PRIMARY, "小学",
            SchoolStage.JUNIOR, "初中", SchoolStage.SENIOR, "高中", SchoolStage.VOCATIONAL, "中职",
            SchoolStage.UNIVERSITY, "大学", SchoolStage.POSTGRADUATE, "研究生");

    private final StudentAidApplications applications;
    private final StudentAidRates rates;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    StudentAid(StudentAidApplications applications, StudentAidRates rates, JdbcClient jdbc, SamaritanDirectory people,
            Regions regions, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.rates = rates;
        this.jdbc = jdbc;
        this.people = people;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The school year of today. */
    public StudentAidYear currentYear() {
        return StudentAidYear.of(LocalDate.now(clock));
    }

    // ---------------------------------------------------------------- the round

    /**
     * A child of the round: in a stage with a rate and not past the recorded end of schooling at the
     * start of the school year, or with an application for the year; with the rate of the stage and
     * the application, if any.
     */
    public record Eligible(long relativeId, String name, long samaritanId, String samaritanName, String regionCode,
            String regionName, String school, SchoolStage stage, LocalDate schoolingEndsOn, BigDecimal rate,
            Long applicationId, StudentAidApplication.Status applicationStatus, BigDecimal applicationAmount) {

        public boolean applied() {
            return applicationId != null;
        }
    }

    /** A school year's round: the children listed, the rates in force and the totals approved. */
    public record Round(StudentAidYear year, List<Eligible> children, Map<SchoolStage, StudentAidRate> rates,
            long applied, long awaiting, long granted, BigDecimal grantedAmount) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Round round(CurrentUser me, StudentAidYear year) {
        requireYear("schoolYear", year);
        Map<SchoolStage, StudentAidRate> inForce = rates.inForce(year);
        List<Eligible> children = jdbc.sql("""
                select r.id as relative_id, r.name, coalesce(a.school, r.school) as school,
                       coalesce(a.stage, r.stage) as stage, r.schooling_ends_on,
                       s.id as samaritan_id, s.name as samaritan_name, s.region_code,
                       a.id as application_id, a.status as application_status, a.amount as application_amount
                from samaritans_relative_view r
                join samaritans_person_view s on s.id = r.samaritan_id
                left join student_aid_application a on a.relative_id = r.id and a.school_year = :year
                where s.region_code in (:scope)
                  and (a.id is not null or (r.relation = 'CHILD' and r.died_on is null
                       and r.stage in %s
                       and (r.schooling_ends_on is null or r.schooling_ends_on >= :start)))
                order by s.region_code, s.name, s.id, r.name, r.id""".formatted(RATED_STAGES))
                .param("year", year.start()).param("start", year.startsOn()).param("scope", me.scope().regionCodes())
                .query((rs, row) -> eligible(rs, inForce, regions)).list();
        long applied = children.stream().filter(Eligible::applied).count();
        long awaiting = children.stream().filter(c -> c.applicationStatus() == StudentAidApplication.Status.SUBMITTED)
                .count();
        List<Eligible> granted = children.stream().filter(c -> c.applicationStatus() == StudentAidApplication.Status.APPROVED
                || c.applicationStatus() == StudentAidApplication.Status.PAID).toList();
        return new Round(year, children, inForce, applied, awaiting, granted.size(),
                granted.stream().map(Eligible::applicationAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    }

    private static Eligible eligible(ResultSet rs, Map<SchoolStage, StudentAidRate> inForce, Regions regions)
            throws SQLException {
        SchoolStage stage = rs.getString("stage") == null ? null : SchoolStage.valueOf(rs.getString("stage"));
        StudentAidRate rate = stage == null ? null : inForce.get(stage);
        long application = rs.getLong("application_id");
        boolean applied = !rs.wasNull();
        return new Eligible(rs.getLong("relative_id"), rs.getString("name"), rs.getLong("samaritan_id"),
                rs.getString("samaritan_name"), rs.getString("region_code"), regions.nameOf(rs.getString("region_code")),
                rs.getString("school"), stage, rs.getObject("schooling_ends_on", LocalDate.class),
                rate == null ? null : rate.amount(), applied ? application : null,
                applied ? StudentAidApplication.Status.valueOf(rs.getString("application_status")) : null,
                applied ? rs.getBigDecimal("application_amount") : null);
    }

    // ---------------------------------------------------------------- applications

    /** An application for one child and school year, with its evidence. {@code payeeName} defaults to the child. */
    public record NewApplication(Long relativeId, String schoolYear, String hardship, String results, String payeeName,
            StudentAidApplication.Payer payer) {
    }

    @Transactional
    @PreAuthorize(WRITE)
    public StudentAidApplication submit(CurrentUser me, NewApplication request) {
        StudentAidYear year = StudentAidYear.parse("schoolYear", request.schoolYear());
        requireYear("schoolYear", year);
        Inputs.required("relativeId", request.relativeId());
        String hardship = text("hardship", request.hardship(), 1000, true);
        String results = text("results", request.results(), 1000, true);
        String payee = text("payeeName", request.payeeName(), 60, false);
        Child child = child(me, request.relativeId());
        if (!"CHILD".equals(child.relation())) {
            throw new InvalidField("relativeId", "student-aid.not-a-child", child.name());
        }
        if (child.diedOn() != null) {
            throw new InvalidField("relativeId", "student-aid.not-eligible", child.name());
        }
        if (child.stage() == null || !StudentAidRates.STAGES.contains(child.stage())) {
            throw new InvalidField("relativeId", "student-aid.stage.no-rate", child.name());
        }
        if (child.schoolingEndsOn() != null && child.schoolingEndsOn().isBefore(year.startsOn())) {
            throw new InvalidField("relativeId", "student-aid.schooling-ended", child.name(),
                    child.schoolingEndsOn().toString(), year.label());
        }
        BigDecimal rate = rates.rateFor(child.stage(), year).orElseThrow(() -> new InvalidField("relativeId",
                "student-aid.rate.missing", year.label()));
        if (jdbc.sql("select count(*) from student_aid_application where relative_id = :r and school_year = :y")
                .param("r", child.relativeId()).param("y", year.start()).query(Long.class).single() > 0) {
            throw new CareRuleBroken("student-aid.application.exists", child.name(), year.label());
        }
        StudentAidApplication application = new StudentAidApplication(year, child.samaritanId(), child.relativeId(),
                child.name(), child.school(), child.stage(), hardship, results, payee == null ? child.name() : payee,
                request.payer() == null ? StudentAidApplication.Payer.CITY : request.payer(), Money.of(rate),
                me.username(), LocalDate.now(clock));
        try {
            applications.saveAndFlush(application);
        } catch (DataIntegrityViolationException twoAtOnce) {
            throw new CareRuleBroken("student-aid.application.exists", child.name(), year.label());
        }
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, application.getId())
                .withChanges(Changes.created(application.snapshot())));
        return application;
    }

    private record Child(long relativeId, String name, String relation, String school, SchoolStage stage,
            LocalDate schoolingEndsOn, LocalDate diedOn, long samaritanId, String regionCode) {
    }

    /** A relative of a samaritan in the caller's scope; any other is not found. */
    private Child child(CurrentUser me, long relativeId) {
        return jdbc.sql("""
                select r.id, r.name, r.relation, r.school, r.stage, r.schooling_ends_on, r.died_on, s.id as samaritan_id,
                       s.region_code
                from samaritans_relative_view r join samaritans_person_view s on s.id = r.samaritan_id
                where r.id = :id and s.region_code in (:scope)""")
                .param("id", relativeId).param("scope", me.scope().regionCodes())
                .query((rs, row) -> new Child(rs.getLong("id"), rs.getString("name"), rs.getString("relation"),
                        rs.getString("school"), rs.getString("stage") == null ? null : SchoolStage.valueOf(rs.getString("stage")),
                        rs.getObject("schooling_ends_on", LocalDate.class), rs.getObject("died_on", LocalDate.class),
                        rs.getLong("samaritan_id"), rs.getString("region_code")))
                .optional().orElseThrow(() -> new RecordNotFound("Relative", relativeId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public StudentAidApplication get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    /** The application with the name and region of its household, for its page. */
    public record Household(long samaritanId, String name, String regionCode, String regionName) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Household householdOf(CurrentUser me, StudentAidApplication application) {
        return people.findIn(me.scope(), application.getSamaritanId())
                .map(person -> new Household(person.id(), person.name(), person.regionCode(),
                        regions.nameOf(person.regionCode())))
                .orElseThrow(() -> new RecordNotFound(ENTITY, application.getId()));
    }

    StudentAidApplication inScope(CurrentUser me, long id) {
        Optional<Long> found = jdbc.sql("""
                select a.id from student_aid_application a join samaritans_person_view s on s.id = a.samaritan_id
                where a.id = :id and s.region_code in (:scope)""")
                .param("id", id).param("scope", me.scope().regionCodes()).query(Long.class).optional();
        ScopedLookup.inScope(audit, ENTITY, id, found, applications::existsById);
        return applications.findById(id).orElseThrow(() -> new RecordNotFound(ENTITY, id));
    }

    /** Applications in the caller's scope, of a school year and optionally of one status, by household. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<StudentAidApplication> list(CurrentUser me, StudentAidYear year, StudentAidApplication.Status status) {
        StringBuilder where = new StringBuilder(" where s.region_code in (:scope)");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", me.scope().regionCodes());
        if (year != null) {
            where.append(" and a.school_year = :year");
            params.put("year", year.start());
        }
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status.name());
        }
        List<Long> ids = jdbc.sql("select a.id from student_aid_application a join samaritans_person_view s on s.id = a.samaritan_id"
                + where + " order by a.school_year desc, s.region_code, s.name, a.id limit 2000")
                .params(params).query(Long.class).list();
        Map<Long, StudentAidApplication> found = new HashMap<>();
        applications.findAllById(ids).forEach(a -> found.put(a.getId(), a));
        return ids.stream().map(found::get).toList();
    }

    /** Approval by city staff other than the recorder, at the rate of the year; the funds are asked to pay it. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public StudentAidApplication approve(CurrentUser me, long id, String decisionDocument) {
        String document = text("decisionDocument", decisionDocument, 100, true);
        return approveOne(me, id, document);
    }

    /** The round's approved list: every application named, by one decision; all or none. */
    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public List<StudentAidApplication> approveAll(CurrentUser me, List<Long> ids, String decisionDocument) {
        if (ids == null || ids.isEmpty() || ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidField("ids", "student-aid.approve.none");
        }
        String document = text("decisionDocument", decisionDocument, 100, true);
        List<StudentAidApplication> approved = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            approved.add(approveOne(me, id, document));
        }
        return approved;
    }

    private StudentAidApplication approveOne(CurrentUser me, long id, String document) {
        StudentAidApplication application = inScope(me, id);
        BigDecimal rate = rates.rateFor(application.getStage(), application.year())
                .filter(amount -> amount.signum() > 0)
                .orElseThrow(() -> new CareRuleBroken("student-aid.rate.missing", application.year().label()));
        var before = application.snapshot();
        LocalDate today = LocalDate.now(clock);
        application.approve(me.username(), today, document, Money.of(rate));
        applications.flush();
        String region = people.find(application.getSamaritanId()).map(SamaritanDirectory.Person::regionCode)
                .orElseThrow(() -> new RecordNotFound("Samaritan", application.getSamaritanId()));
        String city = regions.city().code();
        String payingRegion = application.getPayer() == StudentAidApplication.Payer.COUNTY && !region.equals(city)
                ? region : null;
        if (application.getPayer().paysThroughOurFunds()) {
            application.askPayment(payingRegion, description(application));
        }
        applications.save(application);
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                application.snapshot())).withDetail("approved at " + application.getAmount()
                        + (application.getPayer().paysThroughOurFunds() ? ", payment requested"
                                : ", paid by the province")));
        return application;
    }

    /**
     * Aid the province pays, recorded as received: the day the household got it (not in the future) and
     * the amount (the rate approved unless the province paid another).
     */
    @Transactional
    @PreAuthorize(WRITE)
    public StudentAidApplication received(CurrentUser me, long id, LocalDate receivedOn, BigDecimal amount) {
        Inputs.required("receivedOn", receivedOn);
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("receivedOn", "student-aid.received.future");
        }
        StudentAidApplication application = inScope(me, id);
        if (application.getDecidedOn() != null && receivedOn.isBefore(application.getDecidedOn())) {
            throw new InvalidField("receivedOn", "student-aid.received.before-approval",
                    application.getDecidedOn().toString());
        }
        Money received = amount == null ? application.getAmount() : Money.of(Inputs.amount("amount", amount, Inputs.LARGEST_AMOUNT));
        var before = application.snapshot();
        application.received(receivedOn, received);
        applications.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                application.snapshot())).withDetail("received from the province: " + received + " on " + receivedOn));
        return application;
    }

    /** "2026-2027学年助学金（大学）" */
    static String description(StudentAidApplication application) {
        return application.year().label() + "学年助学金（" + STAGE_NAMES.get(application.getStage()) + "）";
    }

    @Transactional
    @PreAuthorize("hasRole('CITY_STAFF')")
    public StudentAidApplication refuse(CurrentUser me, long id, String reason) {
        String why = text("reason", reason, 500, true);
        StudentAidApplication application = inScope(me, id);
        application.refuse(me.username(), LocalDate.now(clock), why);
        applications.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("refused: " + why));
        return application;
    }

    // ---------------------------------------------------------------- payment news

    /** The funds paid an application: paid, once. */
    @Transactional
    public void paid(PaymentSettled paid) {
        applicationOf(paid.source()).ifPresent(application -> {
            if (application.getStatus() != StudentAidApplication.Status.APPROVED) {
                return;
            }
            application.paid(paid.orderNumber(), paid.paidOn());
            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, application.getId()).byActor(AuditTrail.SYSTEM_ACTOR)
                    .withDetail("paid by " + paid.orderNumber() + " on " + paid.paidOn()));
        });
    }

    /** The bank returned the money: approved and due again. */
    @Transactional
    public void returned(PaymentReturned returned) {
        applicationOf(returned.source()).filter(application -> application.returned()).ifPresent(application ->
                audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, application.getId())
                        .byActor(AuditTrail.SYSTEM_ACTOR).withDetail("payment returned: " + returned.reason())));
    }

    private Optional<StudentAidApplication> applicationOf(PaymentSource source) {
        return source.is(CarePaymentHandler.MODULE, PAYMENT_KIND) ? applications.findById(source.recordId())
                : Optional.empty();
    }

    // ---------------------------------------------------------------- statistics

    /** Person-times (applications approved or paid) and their amount; of which paid. */
    public record YearTally(StudentAidYear year, long personTimes, BigDecimal amount, long paidPersonTimes,
            BigDecimal paidAmount) {
    }

    public record PersonTally(long relativeId, String name, long samaritanId, String samaritanName, long personTimes,
            BigDecimal amount, StudentAidYear firstYear, StudentAidYear lastYear) {
    }

    public record Statistics(long personTimes, BigDecimal amount, long people, List<YearTally> byYear,
            List<PersonTally> byPerson) {
    }

    /** Cumulative student aid in the caller's scope: per school year and per person. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Statistics statistics(CurrentUser me) {
        List<YearTally> byYear = jdbc.sql("""
                select a.school_year, count(*) as n, sum(a.amount) as total,
                       sum(case when a.status = 'PAID' then 1 else 0 end) as paid_n,
                       sum(case when a.status = 'PAID' then a.amount else 0 end) as paid_total
                from student_aid_application a join samaritans_person_view s on s.id = a.samaritan_id
                where a.status in ('APPROVED', 'PAID') and s.region_code in (:scope)
                group by a.school_year order by a.school_year""")
                .param("scope", me.scope().regionCodes())
                .query((rs, row) -> new YearTally(new StudentAidYear(rs.getInt("school_year")), rs.getLong("n"),
                        money(rs.getBigDecimal("total")), rs.getLong("paid_n"), money(rs.getBigDecimal("paid_total"))))
                .list();
        List<PersonTally> byPerson = jdbc.sql("""
                select a.relative_id, max(a.student_name) as name, s.id as samaritan_id, s.name as samaritan_name,
                       count(*) as n, sum(a.amount) as total, min(a.school_year) as first_year,
                       max(a.school_year) as last_year
                from student_aid_application a join samaritans_person_view s on s.id = a.samaritan_id
                where a.status in ('APPROVED', 'PAID') and s.region_code in (:scope)
                group by a.relative_id, s.id, s.name
                order by count(*) desc, sum(a.amount) desc, max(a.student_name), a.relative_id""")
                .param("scope", me.scope().regionCodes())
                .query((rs, row) -> new PersonTally(rs.getLong("relative_id"), rs.getString("name"),
                        rs.getLong("samaritan_id"), rs.getString("samaritan_name"), rs.getLong("n"),
                        money(rs.getBigDecimal("total")), new StudentAidYear(rs.getInt("first_year")),
                        new StudentAidYear(rs.getInt("last_year"))))
                .list();
        return new Statistics(byYear.stream().mapToLong(YearTally::personTimes).sum(),
                byYear.stream().map(YearTally::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                byPerson.size(), byYear, byPerson);
    }

    /** A household's student aid, newest first, for the profile (which checked the caller's scope). */
    @Transactional(readOnly = true)
    public List<StudentAidApplication> household(long samaritanId) {
        return applications.findBySamaritanIdOrderBySchoolYearDescIdDesc(samaritanId);
    }

    // ---------------------------------------------------------------- helpers

    private void requireYear(String field, StudentAidYear year) {
        if (year == null) {
            throw new InvalidField(field, "validation.required");
        }
        if (year.start() < StudentAidYear.FIRST || year.start() > currentYear().start() + 1) {
            throw new InvalidField(field, "student-aid.year.out-of-range",
                    new StudentAidYear(StudentAidYear.FIRST).label(), currentYear().next().label());
        }
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
    }

    static String text(String field, String value, int max, boolean required) {
        return Inputs.text(field, value, max, required);
    }
}
