package org.yiyong.honours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.honours.internal.HonourProperties;
import org.yiyong.honours.internal.Honours;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/**
 * 不迟奖、不漏奖、不错奖 made checkable, for a county or the city: confirmed actors with no honour
 * decision after the set days (missed), granted rewards not paid within the set days (late), and
 * anomalies — an amount other than the standard in force on the decision date, or two honours of
 * the same level for the same deed and person (wrong). Honours granted above are paid above, so their
 * amounts are not checked here. Confirmations brought in from the earlier registers are not missed awards:
 * their honours were decided before Yiyong. An item leaves the list when its cause is fixed,
 * or when staff put it aside with a recorded reason. Missed awards are looked for among the confirmations that
 * awaited a decision when last looked at ({@code award_awaited}, kept by the module), not among all of them.
 */
@Service
public class Guarantees {

    /** The kinds of item. Stored by name. */
    public enum Kind {
        /** 漏奖 */
        MISSED,
        /** 迟奖 */
        LATE,
        /** 错奖: the amount differs from the standard */
        WRONG_AMOUNT,
        /** 错奖: two honours of one level for one deed and person */
        DOUBLE
    }

    /** One item: what, who, which deed, since when, and the figures that make it an item. */
    public record Item(Kind kind, String subject, Long samaritanId, String name, String deedNumber, String detail,
            LocalDate since) {
    }

    /** The open items of one kind: how many, and the longest waiting of them. */
    public record Waiting(Kind kind, long count, List<Item> longest) {
    }

    private final JdbcClient jdbc;
    private final HonourProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    Guarantees(JdbcClient jdbc, HonourProperties properties, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public List<Item> items(CurrentUser me) {
        return items(me.scope());
    }

    /**
     * The items of one region within the caller's scope (a county, for its evaluation), as they stand today; none
     * outside the caller's scope.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public List<Item> items(CurrentUser me, DataScope within) {
        java.util.Set<String> codes = new java.util.TreeSet<>(within.regionCodes());
        codes.retainAll(me.scope().regionCodes());
        return codes.isEmpty() ? List.of() : items(DataScope.of(codes));
    }

    /** How many items the caller has, counted by the database: the workbench's figure. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public long count(CurrentUser me) {
        long count = 0;
        for (Check check : checks(me.scope())) {
            count += jdbc.sql("select count(*) from (" + check.sql() + ") x" + open(check.kind()))
                    .params(check.params()).query(Long.class).single();
        }
        return count;
    }

    /**
     * For each kind with open items in the caller's scope, how many there are and the {@code shown} that have waited
     * longest (the page's view; a city has thousands of missed awards, the page lists the first): each kind counted
     * and cut by the database, not read whole.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'LEADER')")
    public List<Waiting> waiting(CurrentUser me, int shown) {
        List<Waiting> waiting = new ArrayList<>();
        for (Check check : checks(me.scope())) {
            long[] count = {0};
            List<Item> longest = jdbc.sql("select x.*, count(*) over () as open_count from (" + check.sql() + ") x"
                            + open(check.kind()) + " order by x." + check.since() + " nulls last, x.subject"
                            + " fetch first " + Math.max(1, shown) + " rows only")
                    .params(check.params()).query((rs, row) -> {
                        count[0] = rs.getLong("open_count");
                        return check.item().mapRow(rs, row);
                    }).list();
            if (!longest.isEmpty()) {
                waiting.add(new Waiting(check.kind(), count[0], longest));
            }
        }
        return waiting;
    }

    List<Item> items(DataScope scope) {
        List<Item> items = new ArrayList<>();
        for (Check check : checks(scope)) {
            items.addAll(jdbc.sql("select x.* from (" + check.sql() + ") x" + open(check.kind()))
                    .params(check.params()).query(check.item()).list());
        }
        return items.stream()
                .sorted(Comparator.comparing(Item::kind).thenComparing(Item::since, Comparator.nullsLast(
                        Comparator.naturalOrder())))
                .toList();
    }

    /** Leaves out the items staff put aside: the subject of each row is worked out by the database. */
    private static String open(Kind kind) {
        return " where not exists (select 1 from guarantee_resolution g where g.kind = '" + kind.name()
                + "' and g.subject = x.subject)";
    }

    /**
     * One of the four checks: its query (with the item's {@code subject} and the column of the day it counts
     * {@code since}), parameters and item.
     */
    private record Check(Kind kind, String since, String sql, Map<String, Object> params, RowMapper<Item> item) {
    }

    private List<Check> checks(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        Set<String> codes = scope.regionCodes();
        return List.of(
                // the confirmations awaiting a decision when last looked at (AwardsAwaited), checked as they are now
                new Check(Kind.MISSED, "confirmed_on", """
                        select concat('confirmation-', sd.id) as subject, s.id as samaritan_id, s.name, sd.deed_number,
                               sd.confirmed_on
                        from award_awaited a join samaritans_confirmation_view sd on sd.id = a.confirmation_id
                        join samaritans_person_view s on s.id = sd.samaritan_id
                        where a.region_code in (:scope) and a.confirmed_on <= :cutoff
                          and s.region_code in (:scope) and sd.confirmed_on <= :cutoff and not sd.historical
                          and not exists (select 1 from honour h where h.deed_id = sd.deed_id and h.samaritan_id = s.id
                                          and h.status in ('GRANTED', 'REFUSED', 'REVOKED'))
                          and not exists (select 1 from honour_member m join honour h on h.id = m.honour_id
                                          where m.samaritan_id = s.id and h.deed_id = sd.deed_id
                                          and h.status in ('GRANTED', 'REFUSED', 'REVOKED'))""",
                        Map.of("scope", codes, "cutoff", today.minusDays(properties.missedAfterDays())),
                        (rs, row) -> new Item(Kind.MISSED, rs.getString("subject"), rs.getLong("samaritan_id"),
                                rs.getString("name"), rs.getString("deed_number"), null,
                                rs.getObject("confirmed_on", LocalDate.class))),
                // a group's reward is one item per member's share
                new Check(Kind.LATE, "decided_on", """
                        select concat('honour-', h.id, case when h.recipient = 'GROUP' then concat('-', s.id) else ''
                               end) as subject, s.id as samaritan_id, coalesce(s.name, h.recipient_name) as name,
                               h.deed_number, t.name as title, h.decided_on, r.amount
                        from reward_payment_request r join honour h on h.id = r.honour_id
                        left join samaritans_person_view s on s.id = r.samaritan_id join title t on t.id = h.title_id
                        where h.region_code in (:scope) and r.kind = 'PAYMENT' and r.status = 'REQUESTED'
                          and h.status = 'GRANTED' and h.decided_on <= :cutoff""",
                        Map.of("scope", codes, "cutoff", today.minusDays(properties.lateAfterDays())),
                        (rs, row) -> new Item(Kind.LATE, rs.getString("subject"),
                                rs.getObject("samaritan_id", Long.class), rs.getString("name"),
                                rs.getString("deed_number"), rs.getString("title") + " ¥"
                                        + rs.getBigDecimal("amount").toPlainString(),
                                rs.getObject("decided_on", LocalDate.class))),
                // the standard in force on the decision's day, found by the database for every honour at once; the
                // honours are compared first (on PostgreSQL from one index alone), and only those that differ are read
                new Check(Kind.WRONG_AMOUNT, "decided_on", """
                        select concat('honour-', h.id) as subject, h.samaritan_id,
                               coalesce(s.name, h.recipient_name) as name, h.deed_number, h.decided_on,
                               h.reward_amount, t.name as title, w.standard
                        from (select g.id, r.amount as standard
                              from honour g
                              left join (select title_id, effective_from, amount, lead(effective_from)
                                                over (partition by title_id order by effective_from) as until
                                         from reward_standard) r
                                     on r.title_id = g.title_id and r.effective_from <= g.decided_on
                                    and (r.until is null or g.decided_on < r.until)
                              where g.region_code in (:scope) and g.status = 'GRANTED' and g.mode <> 'UPWARD'
                                and (r.amount is null or g.reward_amount is null or g.reward_amount <> r.amount)
                              offset 0 rows) w
                        join honour h on h.id = w.id join title t on t.id = h.title_id
                        left join samaritans_person_view s on s.id = h.samaritan_id""",
                        Map.of("scope", codes),
                        (rs, row) -> {
                            BigDecimal paid = rs.getBigDecimal("reward_amount");
                            BigDecimal standard = rs.getBigDecimal("standard");
                            return new Item(Kind.WRONG_AMOUNT, rs.getString("subject"),
                                    rs.getObject("samaritan_id", Long.class), rs.getString("name"),
                                    rs.getString("deed_number"), rs.getString("title") + " ¥"
                                            + (paid == null ? "—" : paid.toPlainString()) + " ≠ "
                                            + (standard == null ? "无标准" : "¥" + Money.of(standard)),
                                    rs.getObject("decided_on", LocalDate.class));
                        }),
                // the pairs are found first, by index alone on PostgreSQL; only they are read with their titles
                new Check(Kind.DOUBLE, "decided_on", """
                        select concat('honours-', h1.id, '-', h2.id) as subject, s.id as samaritan_id, s.name,
                               h1.deed_number, t1.name as first_title, t2.name as second_title, h2.decided_on
                        from (select a.id as first_id, b.id as second_id
                              from honour a join honour b on b.deed_id = a.deed_id and b.samaritan_id = a.samaritan_id
                                                        and b.status = 'GRANTED' and b.id > a.id
                              where a.region_code in (:scope) and a.status = 'GRANTED' and a.samaritan_id is not null
                              offset 0 rows) p
                        join honour h1 on h1.id = p.first_id join honour h2 on h2.id = p.second_id
                        join title t1 on t1.id = h1.title_id join title t2 on t2.id = h2.title_id
                        join samaritans_person_view s on s.id = h1.samaritan_id
                        where t1.level = t2.level""",
                        Map.of("scope", codes),
                        (rs, row) -> new Item(Kind.DOUBLE, rs.getString("subject"), rs.getLong("samaritan_id"),
                                rs.getString("name"), rs.getString("deed_number"), rs.getString("first_title")
                                        + " + " + rs.getString("second_title"),
                                rs.getObject("decided_on", LocalDate.class))));
    }

    /** Puts an item aside with the reason it is in order after all (an honour declined, paid elsewhere…). */
    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF')")
    public void resolve(CurrentUser me, Kind kind, String subject, String reason) {
        Inputs.required("kind", kind);
        Inputs.requiredText("reason", reason);
        if (reason.length() > 500) {
            throw new InvalidField("reason", "validation.too-long");
        }
        Check check = checks(me.scope()).stream().filter(each -> each.kind() == kind).findFirst().orElseThrow();
        boolean open = subject != null && jdbc.sql("select count(*) from (" + check.sql() + ") x" + open(kind)
                        + " and x.subject = :subject")
                .params(check.params()).param("subject", subject).query(Long.class).single() > 0;
        if (!open) {
            throw new RecordNotFound("GuaranteeItem", kind + ":" + subject);
        }
        jdbc.sql("""
                insert into guarantee_resolution (kind, subject, reason, resolved_by, resolved_at)
                values (:kind, :subject, :reason, :by, :at)""")
                .param("kind", kind.name()).param("subject", subject).param("reason", reason.trim())
                .param("by", me.username())
                .param("at", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .update();
        audit.record(AuditRecord.of(AuditAction.UPDATE, "GuaranteeItem", kind + ":" + subject)
                .withDetail("put aside: " + reason.trim()));
    }
}
