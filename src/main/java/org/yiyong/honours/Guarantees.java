package org.yiyong.honours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * or when staff put it aside with a recorded reason.
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

    List<Item> items(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        Set<String> resolved = new HashSet<>(jdbc.sql("select kind || ':' || subject from guarantee_resolution")
                .query(String.class).list());
        List<Item> items = new ArrayList<>();
        items.addAll(jdbc.sql("""
                select sd.id, s.id as samaritan_id, s.name, sd.deed_number, sd.confirmed_on
                from samaritans_confirmation_view sd join samaritans_person_view s on s.id = sd.samaritan_id
                where s.region_code in (:scope) and sd.confirmed_on <= :cutoff and not sd.historical
                  and not exists (select 1 from honour h where h.deed_id = sd.deed_id
                                  and h.status in ('GRANTED', 'REFUSED', 'REVOKED')
                                  and (h.samaritan_id = s.id or exists (select 1 from honour_member m
                                       where m.honour_id = h.id and m.samaritan_id = s.id)))""")
                .param("scope", scope.regionCodes())
                .param("cutoff", today.minusDays(properties.missedAfterDays()))
                .query((rs, row) -> new Item(Kind.MISSED, "confirmation-" + rs.getLong("id"), rs.getLong("samaritan_id"),
                        rs.getString("name"), rs.getString("deed_number"), null,
                        rs.getObject("confirmed_on", LocalDate.class)))
                .list());
        items.addAll(jdbc.sql("""
                select h.id, h.recipient, s.id as samaritan_id, coalesce(s.name, h.recipient_name) as name, h.deed_number,
                       t.name as title, h.decided_on, r.amount
                from reward_payment_request r join honour h on h.id = r.honour_id
                left join samaritans_person_view s on s.id = r.samaritan_id join title t on t.id = h.title_id
                where h.region_code in (:scope) and r.kind = 'PAYMENT' and r.status = 'REQUESTED'
                  and h.status = 'GRANTED' and h.decided_on <= :cutoff""")
                .param("scope", scope.regionCodes())
                .param("cutoff", today.minusDays(properties.lateAfterDays()))
                // a group's reward is one item per member's share
                .query((rs, row) -> new Item(Kind.LATE, "honour-" + rs.getLong("id")
                        + ("GROUP".equals(rs.getString("recipient")) ? "-" + rs.getLong("samaritan_id") : ""),
                        rs.getObject("samaritan_id", Long.class),
                        rs.getString("name"), rs.getString("deed_number"), rs.getString("title") + " ¥"
                                + rs.getBigDecimal("amount").toPlainString(),
                        rs.getObject("decided_on", LocalDate.class)))
                .list());
        // the standard in force on the decision's day, found by the database for every honour at once
        items.addAll(jdbc.sql("""
                select x.* from (
                    select h.id, h.samaritan_id, coalesce(s.name, h.recipient_name) as name, h.deed_number,
                           h.decided_on, h.reward_amount, t.name as title,
                           (select r.amount from reward_standard r
                            where r.title_id = h.title_id and r.effective_from <= h.decided_on
                            order by r.effective_from desc fetch first 1 rows only) as standard
                    from honour h join title t on t.id = h.title_id
                    left join samaritans_person_view s on s.id = h.samaritan_id
                    where h.region_code in (:scope) and h.status = 'GRANTED' and h.mode <> 'UPWARD') x
                where x.standard is null or x.reward_amount is null or x.reward_amount <> x.standard""")
                .param("scope", scope.regionCodes())
                .query((rs, row) -> {
                    BigDecimal paid = rs.getBigDecimal("reward_amount");
                    BigDecimal standard = rs.getBigDecimal("standard");
                    return new Item(Kind.WRONG_AMOUNT, "honour-" + rs.getLong("id"),
                            rs.getObject("samaritan_id", Long.class), rs.getString("name"), rs.getString("deed_number"),
                            rs.getString("title") + " ¥" + (paid == null ? null : paid.toPlainString()) + " ≠ ¥"
                                    + (standard == null ? null : Money.of(standard)),
                            rs.getObject("decided_on", LocalDate.class));
                })
                .list());
        items.addAll(jdbc.sql("""
                select h1.id as first_id, h2.id as second_id, s.id as samaritan_id, s.name, h1.deed_number,
                       t1.name as first_title, t2.name as second_title, h2.decided_on
                from honour h1 join honour h2 on h2.samaritan_id = h1.samaritan_id and h2.deed_id = h1.deed_id
                                             and h2.id > h1.id
                join title t1 on t1.id = h1.title_id join title t2 on t2.id = h2.title_id
                join samaritans_person_view s on s.id = h1.samaritan_id
                where h1.region_code in (:scope) and t1.level = t2.level
                  and h1.status = 'GRANTED' and h2.status = 'GRANTED'""")
                .param("scope", scope.regionCodes())
                .query((rs, row) -> new Item(Kind.DOUBLE, "honours-" + rs.getLong("first_id") + "-"
                        + rs.getLong("second_id"), rs.getLong("samaritan_id"), rs.getString("name"),
                        rs.getString("deed_number"), rs.getString("first_title") + " + " + rs.getString("second_title"),
                        rs.getObject("decided_on", LocalDate.class)))
                .list());
        return items.stream().filter(item -> !resolved.contains(item.kind() + ":" + item.subject()))
                .sorted(Comparator.comparing(Item::kind).thenComparing(Item::since, Comparator.nullsLast(
                        Comparator.naturalOrder())))
                .toList();
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
        boolean open = items(me.scope()).stream()
                .anyMatch(item -> item.kind() == kind && item.subject().equals(subject));
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
