package org.yiyong.care.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentRequestsInBulk;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.shared.Money;

/**
 * The included lines of a campaign sent to the funds, or recorded as paid by the province, a thousand at a time in
 * the caller's transaction: each part's payment orders are made by {@link PaymentRequestsInBulk} and its lines
 * marked sent by one statement, so that a roster of a million people is neither loaded nor sent one line at a time.
 * A line that changed meanwhile (a conduct check recorded while sending) stops the whole batch: nothing is sent.
 */
@Component
class CampaignSender {

    private static final int PART = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PaymentRequestsInBulk funds;
    private final boolean postgres;

    CampaignSender(JdbcClient jdbc, JdbcTemplate template, PaymentRequestsInBulk funds,
            org.yiyong.platform.Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.funds = funds;
        this.postgres = database.isPostgres();
    }

    /** A line the funds paid, as its campaign's audit trail names it. */
    record PaidLine(long campaignId, String name, String orderNumber, LocalDate paidOn) {
    }

    /**
     * Lines paid by one batch of the funds (at most a thousand): those still sent marked paid with their order's
     * number, by one statement; a line paid already, or taken back meanwhile, stays as it is.
     */
    List<PaidLine> paid(List<PaymentSettled> paid) {
        if (paid.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, PaymentSettled> byLine = new java.util.HashMap<>();
        paid.forEach(each -> byLine.put(each.source().lineId(), each));
        List<PaidLine> marked = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("select id, campaign_id, name from campaign_line where id in (:ids) and status = 'SENT' order by id")
                .param("ids", byLine.keySet())
                .query((rs, row) -> {
                    PaymentSettled each = byLine.get(rs.getLong("id"));
                    marked.add(new PaidLine(rs.getLong("campaign_id"), rs.getString("name"), each.orderNumber(),
                            each.paidOn()));
                    return rows.add(new Object[] {java.sql.Date.valueOf(each.paidOn()), each.orderNumber(),
                        rs.getLong("id")});
                })
                .list();
        if (postgres) {
            // one statement executed once, the lines' values passed as arrays (a batch of 5,000 lines: one
            // plan instead of 5,000)
            template.execute((java.sql.Connection connection) -> {
                try (var update = connection.prepareStatement("""
                        update campaign_line l set status = 'PAID', paid_on = v.paid_on, order_number = v.order_number,
                               version = l.version + 1
                        from (select unnest(?::date[]) as paid_on, unnest(?::text[]) as order_number,
                                     unnest(?::bigint[]) as id) v
                        where l.id = v.id and l.status = 'SENT'""")) {
                    for (int column = 0; column < 3; column++) {
                        Object[] values = new Object[rows.size()];
                        for (int i = 0; i < rows.size(); i++) {
                            values[i] = rows.get(i)[column];
                        }
                        update.setArray(column + 1, connection.createArrayOf(
                                column == 0 ? "date" : column == 1 ? "text" : "bigint", values));
                    }
                    return update.executeUpdate();
                }
            });
        } else {
            template.batchUpdate("update campaign_line set status = 'PAID', paid_on = ?, order_number = ?, "
                    + "version = version + 1 where id = ? and status = 'SENT'", rows);
        }
        return marked;
    }

    /** How many lines a run sent and what they come to. */
    record Sent(int lines, Money total) {
    }

    /** The names of included people still waiting for a recorded check of recent good conduct, the first 20. */
    List<String> awaitingConductCheck(long campaign) {
        return jdbc.sql("""
                select name from campaign_line where campaign_id = :campaign and status = 'INCLUDED'
                and conduct_check_required and (conduct_good is null or not conduct_good)
                order by name, id fetch first 20 rows only""")
                .param("campaign", campaign).query(String.class).list();
    }

    /** Lines sent (or paid) before. */
    int alreadySent(long campaign) {
        return jdbc.sql("select count(*) from campaign_line where campaign_id = :campaign and status in ('SENT', 'PAID')")
                .param("campaign", campaign).query(Integer.class).single();
    }

    /** Every included line asked of the funds, from the association of the campaign's region. */
    Sent send(Campaign campaign, String by, Instant at, LocalDate on) {
        Money total = Money.ZERO;
        long[] included = included(campaign.getId());
        for (int from = 0; from < included.length; from += PART) {
            List<Long> part = part(included, from);
            List<PaymentRequested> requests = new ArrayList<>(part.size());
            for (Line line : lines(part)) {
                requests.add(new PaymentRequested(CampaignPayments.source(campaign.getId(), line.id()),
                        campaign.payingRegion(), PaymentPurpose.CONDOLENCE, line.samaritanId(), null, line.payeeName(),
                        line.amount(), description(campaign, line), campaign.getDocumentNumber(), by, on));
                total = total.plus(line.amount());
            }
            funds.request(requests);
            mark(part, jdbc.sql("""
                    update campaign_line set status = 'SENT', sent_by = :by, sent_at = :at, version = version + 1
                    where id in (:ids) and status = 'INCLUDED'""")
                    .param("by", by).param("at", java.sql.Timestamp.from(at)).param("ids", part));
        }
        return new Sent(included.length, total);
    }

    /** Every included line recorded as paid by the province on the day, without a payment order. */
    Sent receivedFromProvince(Campaign campaign, String by, Instant at, LocalDate on) {
        Money total = Money.ZERO;
        long[] included = included(campaign.getId());
        for (int from = 0; from < included.length; from += PART) {
            List<Long> part = part(included, from);
            for (Line line : lines(part)) {
                total = total.plus(line.amount());
            }
            mark(part, jdbc.sql("""
                    update campaign_line set status = 'PAID', sent_by = :by, sent_at = :at, paid_on = :on,
                    version = version + 1 where id in (:ids) and status = 'INCLUDED'""")
                    .param("by", by).param("at", java.sql.Timestamp.from(at)).param("on", on).param("ids", part));
        }
        return new Sent(included.length, total);
    }

    private record Line(long id, long samaritanId, String name, String payeeName, CondolenceCategory category,
            Money amount) {
    }

    private long[] included(long campaign) {
        long[][] ids = {new long[1024]};
        int[] count = {0};
        jdbc.sql("select id from campaign_line where campaign_id = :campaign and status = 'INCLUDED' order by id")
                .param("campaign", campaign)
                .withFetchSize(1000)
                .query(rs -> {
                    if (count[0] == ids[0].length) {
                        ids[0] = Arrays.copyOf(ids[0], ids[0].length * 2);
                    }
                    ids[0][count[0]++] = rs.getLong(1);
                });
        return Arrays.copyOf(ids[0], count[0]);
    }

    private static List<Long> part(long[] ids, int from) {
        List<Long> part = new ArrayList<>(PART);
        for (int i = from; i < Math.min(ids.length, from + PART); i++) {
            part.add(ids[i]);
        }
        return part;
    }

    private List<Line> lines(List<Long> part) {
        return jdbc.sql("""
                select id, samaritan_id, name, payee_name, category, amount from campaign_line
                where id in (:ids) order by id""")
                .param("ids", part)
                .query((rs, row) -> new Line(rs.getLong("id"), rs.getLong("samaritan_id"), rs.getString("name"),
                        rs.getString("payee_name"), CondolenceCategory.valueOf(rs.getString("category")),
                        Money.of(rs.getBigDecimal("amount"))))
                .list();
    }

    /** The part's lines marked; one no longer included stops the batch (rolled back). */
    private static void mark(List<Long> part, JdbcClient.StatementSpec update) {
        int marked = update.update();
        if (marked != part.size()) {
            throw new CareRuleBroken("campaign.send.roster-changed");
        }
    }

    private static String description(Campaign campaign, Line line) {
        String text = campaign.getName() + "慰问金（" + line.category().label()
                + (line.payeeName().equals(line.name()) ? "" : "，" + line.name() + "家属") + "）";
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
