package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.audit.ScopedLookup;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.identity.CurrentUser;
import org.yiyong.platform.DocumentKind;
import org.yiyong.platform.DocumentNumbers;
import org.yiyong.samaritans.SamaritanDirectory;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.Money;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/**
 * Assistance cases from problem to solution: opened from a visit (or on their own), followed with
 * notes, a hardship grant asked of the funds once, then solved or closed with a reason.
 */
@Service
public class Assistance implements CarePaymentHandler {

    static final String ENTITY = "AssistanceCase";
    /** the kind of record a case is to the funds */
    static final String PAYMENT_KIND = "assistance";
    /** the largest amount numeric(12,2) holds */
    private static final BigDecimal MAX_GRANT = new BigDecimal("9999999999.99");
    private static final String WRITE = "hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')";

    private final AssistanceCases cases;
    private final JdbcClient jdbc;
    private final SamaritanDirectory people;
    private final AuditTrail audit;
    private final Clock clock;
    private final DocumentNumbers numbers;

    Assistance(AssistanceCases cases, JdbcClient jdbc, SamaritanDirectory people, AuditTrail audit, Clock clock,
            DocumentNumbers numbers) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.numbers = numbers;
    }

    /** Opens a case for a household in the caller's scope. */
    @Transactional
    @PreAuthorize(WRITE)
    public AssistanceCase open(CurrentUser me, long samaritanId, Long visitId, AssistanceCase.Kind kind,
            String description) {
        Inputs.required("kind", kind);
        String text = Inputs.text("description", description, 1000, true);
        String region = regionOf(me, samaritanId);
        AssistanceCase opened = cases.saveAndFlush(new AssistanceCase(nextNumber(),
                samaritanId, region, visitId, kind, text, LocalDate.now(clock), me.username()));
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, opened.getId())
                .withDetail(opened.getNumber() + " " + kind + ": " + text));
        return opened;
    }

    String regionOf(CurrentUser me, long samaritanId) {
        return people.findIn(me.scope(), samaritanId).map(SamaritanDirectory.Person::regionCode)
                .orElseThrow(() -> new RecordNotFound("Samaritan", samaritanId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(VisitSchedule.READ)
    public AssistanceCase get(CurrentUser me, long id) {
        return inScope(me, id);
    }

    private AssistanceCase inScope(CurrentUser me, long id) {
        return ScopedLookup.inScope(audit, ENTITY, id,
                cases.findByIdAndRegionCodeIn(id, me.scope().regionCodes()), cases::existsById);
    }

    /** A case with the household's name, for lists. */
    public record Line(long id, String number, long samaritanId, String name, String regionCode,
            AssistanceCase.Kind kind, String description, AssistanceCase.Status status, LocalDate openedOn) {
    }

    /** Cases in the caller's scope, newest first; open ones only unless all are asked for. */
    @Transactional(readOnly = true)
    @PreAuthorize(VisitSchedule.READ)
    public PageResult<Line> list(CurrentUser me, boolean openOnly, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("scope", me.scope().regionCodes());
        String where = " where c.region_code in (:scope)" + (openOnly ? " and c.status in ('OPEN', 'IN_PROGRESS')" : "");
        long total = jdbc.sql("select count(*) from assistance_case c" + where).params(params).query(Long.class)
                .single();
        List<Line> lines = jdbc.sql("""
                select c.id, c.number, c.samaritan_id, s.name, c.region_code, c.kind, c.description, c.status,
                       c.opened_on
                from assistance_case c join samaritans_person_view s on s.id = c.samaritan_id""" + where
                + " order by c.id desc limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, row) -> new Line(rs.getLong("id"), rs.getString("number"), rs.getLong("samaritan_id"),
                        rs.getString("name"), rs.getString("region_code"),
                        AssistanceCase.Kind.valueOf(rs.getString("kind")), rs.getString("description"),
                        AssistanceCase.Status.valueOf(rs.getString("status")),
                        rs.getObject("opened_on", LocalDate.class)))
                .list();
        return new PageResult<>(lines, page.page(), page.size(), total);
    }

    /** The cases of a household, for its profile (the caller has opened the profile within scope). */
    @Transactional(readOnly = true)
    public List<AssistanceCase> of(long samaritanId) {
        return cases.findBySamaritanIdOrderByIdDesc(samaritanId);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public AssistanceCase note(CurrentUser me, long id, String note) {
        String text = Inputs.text("note", note, 1000, true);
        return change(me, id, c -> c.note(LocalDate.now(clock), text, me.username()), "note: " + text);
    }

    /**
     * Asks the funds to pay a hardship grant for the household (from the county association's fund);
     * county or city staff only, once per case.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public AssistanceCase requestGrant(CurrentUser me, long id, BigDecimal amount, String decisionDocument) {
        Money value = Money.of(Inputs.amount("amount", amount, MAX_GRANT));
        String document = Inputs.text("decisionDocument", decisionDocument, 200, false);
        AssistanceCase c = inScope(me, id);
        LocalDate today = LocalDate.now(clock);
        c.grant(value, today, me.username());
        cases.flush();
        String name = people.find(c.getSamaritanId()).map(SamaritanDirectory.Person::name)
                .orElseThrow(() -> new RecordNotFound("Samaritan", c.getSamaritanId()));
        c.askGrantPayment(name, document, me.username(), today);
        cases.save(c);
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail("hardship grant asked: " + value));
        return c;
    }

    @Transactional
    @PreAuthorize(WRITE)
    public AssistanceCase solve(CurrentUser me, long id, String outcome) {
        String text = Inputs.text("outcome", outcome, 1000, true);
        return change(me, id, c -> c.solve(LocalDate.now(clock), text), "solved: " + text);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public AssistanceCase close(CurrentUser me, long id, String reason) {
        String text = Inputs.text("reason", reason, 1000, true);
        return change(me, id, c -> c.close(LocalDate.now(clock), text), "closed: " + text);
    }

    /** A step of a case in the caller's scope, audited with its detail. */
    private AssistanceCase change(CurrentUser me, long id, Consumer<AssistanceCase> step, String detail) {
        AssistanceCase c = inScope(me, id);
        step.accept(c);
        cases.flush();
        audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).withDetail(detail));
        return c;
    }

    @Override
    public String kind() {
        return PAYMENT_KIND;
    }

    @Override
    @Transactional
    public void paid(PaymentSettled paid) {
        long id = paid.source().recordId();
        cases.findById(id).ifPresent(c -> {
            if (c.grantPaid(paid.paidOn())) {
                audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).byActor(AuditTrail.SYSTEM_ACTOR)
                        .withDetail("hardship grant paid by " + paid.orderNumber()));
            }
        });
    }

    @Override
    @Transactional
    public void returned(PaymentReturned returned) {
        long id = returned.source().recordId();
        cases.findById(id).ifPresent(c -> {
            c.grantReturned(LocalDate.now(clock), returned.reason());
            audit.record(AuditRecord.of(AuditAction.UPDATE, ENTITY, id).byActor(AuditTrail.SYSTEM_ACTOR)
                    .withDetail("hardship grant returned: " + returned.reason()));
        });
    }

    private String nextNumber() {
        int year = numbers.currentYear();
        return numbers.next(DocumentKind.ASSISTANCE_CASE,
                numbers.counter("assistance_number_sequence", Map.of("case_year", year)), Map.of("year", year));
    }
}
