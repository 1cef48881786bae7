package org.yiyong.care.internal;

import org.yiyong.shared.Inputs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.Changes;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * Targeted aid (精准帮扶): the needs found on home visits — housing, a serious illness, family hardship —
 * put to the provincial foundation (about ¥30,000 a household) or to the city on behalf of a household;
 * the outcome (granted with the amount and document, or not, with the reason) and the money the
 * household received. One open application per household and body at a time.
 */
@Service
public class TargetedAid {

    static final String ENTITY = "TargetedAidApplication";
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final TargetedAidApplications applications;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    TargetedAid(TargetedAidApplications applications, JdbcClient jdbc, SamaritanDirectory people, Regions regions,
            AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.people = people;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewApplication(Long samaritanId, TargetedAidApplication.Body appliedTo,
            TargetedAidApplication.Reason reason, BigDecimal amountAsked, String narrative, LocalDate appliedOn) {
    }

    @Transactional
    @PreAuthorize(StudentAid.WRITE)
    public TargetedAidApplication submit(CurrentUser me, NewApplication request) {
        Inputs.required("samaritanId", request.samaritanId());
        Inputs.required("appliedTo", request.appliedTo());
        Inputs.required("reason", request.reason());
        Money asked = amount("amountAsked", request.amountAsked());
        String narrative = StudentAid.text("narrative", request.narrative(), 2000, true);
        LocalDate on = pastDay("appliedOn", request.appliedOn());
        Household household = household(me, request.samaritanId());
        if (applications.existsBySamaritanIdAndAppliedToAndStatus(household.samaritanId(), request.appliedTo(),
                TargetedAidApplication.Status.SUBMITTED)) {
            throw new CareRuleBroken("targeted-aid.already-open", household.name());
        }
        TargetedAidApplication application = applications.saveAndFlush(new TargetedAidApplication(household.samaritanId(),
                request.appliedTo(), request.reason(), asked, narrative, on, me.username()));
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, application.getId())
                .withChanges(Changes.created(application.snapshot())).withDetail("for " + household.name()));
        return application;
    }

    /** The granting body's decision: granted, with the amount and the document. */
    @Transactional
    @PreAuthorize(StudentAid.WRITE)
    public TargetedAidApplication grant(CurrentUser me, long id, BigDecimal amountGranted, LocalDate decidedOn,
            String decisionDocument) {
        Money amount = amount("amountGranted", amountGranted);
        LocalDate on = pastDay("decidedOn", decidedOn);
        String document = StudentAid.text("decisionDocument", decisionDocument, 100, false);
        return change(me, id, application -> application.grant(amount, on, document, me.username()),
                "granted " + amount);
    }

    @Transactional
    @PreAuthorize(StudentAid.WRITE)
    public TargetedAidApplication notGranted(CurrentUser me, long id, String reason, LocalDate decidedOn) {
        String why = StudentAid.text("reason", reason, 500, true);
        LocalDate on = pastDay("decidedOn", decidedOn);
        return change(me, id, application -> application.notGranted(why, on, me.username()), "not granted: " + why);
    }

    /** The money reached the household: the day and the amount (at most the amount granted). */
    @Transactional
    @PreAuthorize(StudentAid.WRITE)
    public TargetedAidApplication received(CurrentUser me, long id, LocalDate receivedOn, BigDecimal amountReceived,
            String note) {
        LocalDate on = pastDay("receivedOn", receivedOn);
        Money amount = amount("amountReceived", amountReceived);
        String remark = StudentAid.text("receivedNote", note, 300, false);
        return change(me, id, application -> application.received(on, amount, remark),
                "received " + amount + " on " + on);
    }

    /** One step of an application in the caller's scope, audited with the changes it made. */
    private TargetedAidApplication change(CurrentUser me, long id, Consumer<TargetedAidApplication> step,
            String detail) {
        TargetedAidApplication application = inScope(me, id);
        var before = application.snapshot();
        step.accept(application);
        applications.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withChanges(Changes.between(before,
                application.snapshot())).withDetail(detail));
        return application;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StudentAid.READ)
    public TargetedAidApplication get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    TargetedAidApplication inScope(CurrentUser me, long id) {
        Optional<Long> found = jdbc.sql("""
                select a.id from targeted_aid_application a join samaritans_person_view s on s.id = a.samaritan_id
                where a.id = :id and s.region_code in (:scope)""")
                .param("id", id).param("scope", me.scope().regionCodes()).query(Long.class).optional();
        ScopedLookup.inScope(audit, ENTITY, id, found, applications::existsById);
        return applications.findById(id).orElseThrow(() -> new RecordNotFound(ENTITY, id));
    }

    /** A household: the samaritan it is named after and their region. */
    public record Household(long samaritanId, String name, String regionCode, String regionName) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StudentAid.READ)
    public Household householdOf(CurrentUser me, TargetedAidApplication application) {
        return household(me, application.getSamaritanId());
    }

    private Household household(CurrentUser me, long samaritanId) {
        return people.findIn(me.scope(), samaritanId).map(person -> new Household(person.id(), person.name(),
                        person.regionCode(), regions.nameOf(person.regionCode())))
                .orElseThrow(() -> new RecordNotFound("Samaritan", samaritanId));
    }

    /** An application with its household, for lists. */
    public record Line(TargetedAidApplication application, Household household) {
    }

    /** Applications in the caller's scope, newest first, optionally of one status or body. */
    @Transactional(readOnly = true)
    @PreAuthorize(StudentAid.READ)
    public List<Line> list(CurrentUser me, TargetedAidApplication.Status status,
            TargetedAidApplication.Body appliedTo) {
        StringBuilder where = new StringBuilder(" where s.region_code in (:scope)");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", me.scope().regionCodes());
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status.name());
        }
        if (appliedTo != null) {
            where.append(" and a.applied_to = :to");
            params.put("to", appliedTo.name());
        }
        Map<Long, Household> households = new HashMap<>();
        List<Long> ids = jdbc.sql("""
                select a.id, s.id as samaritan_id, s.name, s.region_code
                from targeted_aid_application a join samaritans_person_view s on s.id = a.samaritan_id""" + where + " order by a.applied_on desc, a.id desc limit 1000")
                .params(params).query((rs, row) -> {
                    households.put(rs.getLong("id"), new Household(rs.getLong("samaritan_id"), rs.getString("name"),
                            rs.getString("region_code"), regions.nameOf(rs.getString("region_code"))));
                    return rs.getLong("id");
                }).list();
        Map<Long, TargetedAidApplication> found = new HashMap<>();
        applications.findAllById(ids).forEach(a -> found.put(a.getId(), a));
        return ids.stream().map(id -> new Line(found.get(id), households.get(id))).toList();
    }

    /** Per body: households helped (granted or received), the amounts granted and received. */
    public record Tally(TargetedAidApplication.Body appliedTo, long households, long granted, BigDecimal amountGranted,
            BigDecimal amountReceived) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StudentAid.READ)
    public List<Tally> statistics(CurrentUser me) {
        return jdbc.sql("""
                select a.applied_to, count(distinct a.samaritan_id) as households, count(*) as n,
                       sum(a.amount_granted) as granted, sum(coalesce(a.amount_received, 0)) as received
                from targeted_aid_application a join samaritans_person_view s on s.id = a.samaritan_id
                where a.status in ('GRANTED', 'RECEIVED') and s.region_code in (:scope)
                group by a.applied_to order by a.applied_to desc""")
                .param("scope", me.scope().regionCodes())
                .query((rs, row) -> new Tally(TargetedAidApplication.Body.valueOf(rs.getString("applied_to")),
                        rs.getLong("households"), rs.getLong("n"), money(rs.getBigDecimal("granted")),
                        money(rs.getBigDecimal("received"))))
                .list();
    }

    /** A household's targeted aid, newest first, for the profile (which checked the caller's scope). */
    @Transactional(readOnly = true)
    public List<TargetedAidApplication> household(long samaritanId) {
        return applications.findBySamaritanIdOrderByAppliedOnDescIdDesc(samaritanId);
    }

    private LocalDate pastDay(String field, LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        LocalDate on = day == null ? today : day;
        if (on.isAfter(today)) {
            throw new InvalidField(field, "targeted-aid.date.future");
        }
        return on;
    }

    private static Money amount(String field, BigDecimal amount) {
        return Money.of(Inputs.amount(field, amount, MAX_AMOUNT));
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
    }
}
