package org.yiyong.funds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.Task;
import org.yiyong.identity.TaskSource;

/**
 * Money waiting for someone: a finance reviewer approves orders someone else requested, the cashier puts
 * approved orders in a batch and records each batch's payments (a record's many orders, such as a campaign's, as
 * one task that leads to their group), and staff see the orders the bank
 * refused, to correct the account or cancel.
 */
@Service
@Transactional(readOnly = true)
public class FundTasks implements TaskSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    FundTasks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser me) {
        List<Task> tasks = new ArrayList<>();
        if (me.has(Role.FINANCE_REVIEWER)) {
            tasks.addAll(orders(me, "payment.review", "o.status = 'REQUESTED' and o.requested_by <> :me", "REQUESTED"));
        }
        if (me.has(Role.CASHIER)) {
            tasks.addAll(orders(me, "payment.batch", "o.status = 'APPROVED'", "APPROVED"));
            tasks.addAll(jdbc.sql("""
                    select b.id, b.number, b.region_code, b.created_at, count(*) as orders, sum(o.amount) as amount
                    from disbursement_batch b join payment_order o on o.batch_id = b.id
                    where o.status = 'IN_BATCH' and b.region_code in (:scope)
                    group by b.id, b.number, b.region_code, b.created_at order by b.created_at""")
                    .param("scope", me.scope().regionCodes())
                    .query((rs, row) -> new Task("payment.pay", rs.getString("number"),
                            rs.getLong("orders") + " 笔，¥" + rs.getBigDecimal("amount").toPlainString(),
                            rs.getString("region_code"), "/payment-orders/batches/" + rs.getLong("id"),
                            rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone())
                                    .toLocalDate(), null))
                    .list());
        }
        if (me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF)) {
            tasks.addAll(orders(me, "payment.failed", "o.status = 'FAILED'", "FAILED"));
        }
        return tasks;
    }

    /**
     * The orders waiting: those of one record that pays many people (a campaign's roster, hundreds of thousands of
     * orders) as one task for the record, with their number and total; the others one by one, the
     * {@value #ONE_BY_ONE} longest waiting, and one task for the rest.
     */
    private List<Task> orders(CurrentUser me, String kind, String condition, String status) {
        String list = "/payment-orders?status=" + status;
        // a record's many orders waiting for review or a batch are handled as one group there
        String groups = status.equals("FAILED") ? list : "/payment-orders/groups";
        List<Task> tasks = new ArrayList<>(jdbc.sql("""
                select min(o.region_code) as region_code, min(o.requested_on) as requested_on, count(*) as orders,
                       sum(o.amount) as amount, min(o.decision_document) as document, min(o.source_ref) as reference
                from payment_order o
                where o.region_code in (:scope) and o.source_line_id is not null""" + " and " + condition
                        + " group by o.source, o.source_kind, o.source_record_id order by min(o.requested_on)")
                .param("scope", me.scope().regionCodes()).param("me", me.username())
                .query((rs, row) -> new Task(kind, rs.getString("document") != null ? rs.getString("document")
                        : rs.getString("reference"), String.format(java.util.Locale.ROOT, "%,d 张，¥%s",
                        rs.getLong("orders"), rs.getBigDecimal("amount").toPlainString()), rs.getString("region_code"),
                        groups, rs.getObject("requested_on", LocalDate.class), null))
                .list());
        List<Task> single = jdbc.sql("""
                select o.id, o.number, o.payee_name, o.amount, o.region_code, o.requested_on from payment_order o
                where o.region_code in (:scope) and o.source_line_id is null""" + " and " + condition
                        + " order by o.requested_on, o.id fetch first " + (ONE_BY_ONE + 1) + " rows only")
                .param("scope", me.scope().regionCodes()).param("me", me.username())
                .query((rs, row) -> new Task(kind, rs.getString("number"), rs.getString("payee_name") + "　¥"
                        + rs.getBigDecimal("amount").toPlainString(), rs.getString("region_code"),
                        "/payment-orders/" + rs.getLong("id"), rs.getObject("requested_on", LocalDate.class), null))
                .list();
        if (single.size() > ONE_BY_ONE) {
            long more = jdbc.sql("select count(*) from payment_order o where o.region_code in (:scope)"
                    + " and o.source_line_id is null and " + condition)
                    .param("scope", me.scope().regionCodes()).param("me", me.username())
                    .query(Long.class).single() - ONE_BY_ONE;
            single = new ArrayList<>(single.subList(0, ONE_BY_ONE));
            single.add(new Task(kind, "另有 " + more + " 张", "见支付单列表", null, list, null, null));
        }
        tasks.addAll(single);
        return tasks;
    }

    /** Orders listed one by one at most, of each kind. */
    static final int ONE_BY_ONE = 200;
}
