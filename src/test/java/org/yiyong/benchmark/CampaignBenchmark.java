package org.yiyong.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yiyong.care.internal.Campaign;
import org.yiyong.care.internal.CampaignCommands;
import org.yiyong.funds.internal.BulkPayments;
import org.yiyong.funds.internal.DisbursementBatch;
import org.yiyong.funds.internal.Donation;
import org.yiyong.funds.internal.Donor;
import org.yiyong.funds.internal.FundProperties;
import org.yiyong.funds.internal.FundRegister;
import org.yiyong.funds.internal.Journal;
import org.yiyong.identity.SignedIn;

/**
 * A condolence campaign for a whole city of the national dataset ({@link NationalDataset}; Quanzhou holds
 * about 340,000 samaritans) from roster to payment orders, through {@link CampaignCommands} as staff use it:
 * the roster built, the conduct checks it asks for recorded, submitted, approved by a second person, sent to the
 * funds, and the time until the funds hold one payment order per included person. Prints the time of each step,
 * the people per second and the time those rates give for a roster of a million people (the target: built and
 * sent within 60 s), and the most heap in use. Then the funds pay it as a group — approved, batched, every batch
 * recorded paid — and the time until care has marked every line paid. Not a test (it asserts nothing about time); run it with
 * {@code -Pbenchmark} on PostgreSQL as {@code docs/performance.md} describes. The campaign, its lines and its
 * orders are removed at the end, so that it can run again.
 */
@Tag("benchmark")
@SpringBootTest
class CampaignBenchmark {

    private static final String REGION = System.getProperty("benchmark.campaign-region", "350500");
    private static final int ORDERS_TIMEOUT_SECONDS = Integer.getInteger("benchmark.timeout", 900);

    @Autowired
    private CampaignCommands commands;

    @Autowired
    private UserDetailsService accounts;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Clock clock;

    @Autowired
    private BulkPayments bulk;

    @Autowired
    private FundRegister fundRegister;

    @Autowired
    private FundProperties properties;

    @Autowired
    private Journal journal;

    @Test
    void a_city_campaign_from_roster_to_payment_orders() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getURL().startsWith("jdbc:postgresql:"),
                    "the campaign benchmark runs on PostgreSQL");
        }
        assumeTrue(NationalDataset.present(dataSource), "the national dataset is not in this database");
        UserDetails staff = accounts.loadUserByUsername("city-staff");
        UserDetails approver = accounts.loadUserByUsername("city-police");
        HeapSampler heap = new HeapSampler();
        heap.start();
        Long id = null;
        try {
            long built = System.nanoTime();
            Campaign campaign = SignedIn.as(staff, me -> commands.create(me, new CampaignCommands.NewCampaign(
                    "基准测试慰问" + System.currentTimeMillis() % 100_000, Campaign.Festival.DRAGON_BOAT, REGION,
                    LocalDate.now(clock).plusDays(20))));
            id = campaign.getId();
            double buildSeconds = seconds(built);
            long campaignId = id;
            long lines = count("select count(*) from campaign_line where campaign_id = :c", campaignId);
            List<Long> unchecked = jdbc.sql("""
                    select id from campaign_line where campaign_id = :c and status = 'INCLUDED'
                    and conduct_check_required and (conduct_good is null or not conduct_good)""")
                    .param("c", campaignId).query(Long.class).list();
            long checks = System.nanoTime();
            for (long line : unchecked) {
                SignedIn.as(staff, me -> commands.checkConduct(me, campaignId, line, null, "村委会证明近期表现良好", true));
            }
            double checkSeconds = seconds(checks);
            SignedIn.as(staff, me -> commands.submit(me, campaignId));
            SignedIn.as(approver, me -> commands.approve(me, campaignId, "泉见协〔2026〕基准号"));
            long sent = System.nanoTime();
            CampaignCommands.SendResult result = SignedIn.as(staff, me -> commands.send(me, campaignId));
            double sendSeconds = seconds(sent);
            long deadline = System.nanoTime() + ORDERS_TIMEOUT_SECONDS * 1_000_000_000L;
            long orders;
            do {
                orders = orders(campaignId);
                if (orders < result.sent()) {
                    Thread.sleep(250);
                }
            } while (orders < result.sent() && System.nanoTime() < deadline);
            double ordersSeconds = seconds(sent);
            Paid paid = pay(campaignId, orders);
            heap.stop();
            double total = buildSeconds + ordersSeconds;
            Raw raw = raw(campaignId);
            System.out.printf(Locale.ROOT, """

                    Condolence campaign of %s: %,d people on the roster, %,d included and sent, %,d payment orders
                      roster built      %8.1f s  %,10.0f people/s
                      conduct checks    %8.1f s  (%,d recorded one by one, not counted)
                      sent (request)    %8.1f s  %,10.0f lines/s
                      orders made       %8.1f s  %,10.0f orders/s  (from sending until the funds hold every order)%s
                      built and sent    %8.1f s  → %.1f s for a roster of 1,000,000 at these rates (target 60 s)
                      heap              most in use %,d MB of %,d MB (-Xmx)
                    The same rows written by plain SQL (INSERT … SELECT, UPDATE; rolled back), for comparison:
                      lines inserted    %8.1f s  (app's roster build / this = %.2f)
                      lines marked sent %8.1f s
                      orders inserted   %8.1f s
                      audit entries     %8.1f s
                      sent, raw         %8.1f s  (app's send / this = %.2f)
                      built and sent    %8.1f s  → %.1f s for 1,000,000
                    """, REGION, lines, result.sent(), orders, buildSeconds, lines / buildSeconds, checkSeconds,
                    unchecked.size(), sendSeconds, result.sent() / sendSeconds, ordersSeconds,
                    orders / ordersSeconds, orders < result.sent() ? "  — TIMED OUT" : "", total,
                    1_000_000 / (lines / buildSeconds) + 1_000_000 / (Math.max(orders, 1) / ordersSeconds),
                    heap.most() / 1024 / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024, raw.lines(),
                    buildSeconds / raw.lines(), raw.marked(), raw.orders(), raw.audit(), raw.sent(),
                    ordersSeconds / raw.sent(), raw.lines() + raw.sent(),
                    (raw.lines() + raw.sent()) * 1_000_000 / Math.max(lines, 1));
            System.out.printf(Locale.ROOT, """
                    Paid by the funds as one group (finance-reviewer approves, cashier batches %,d to a batch and records
                    each batch paid at once; care marks the lines from one event per batch):
                      approved          %8.1f s  %,10.0f orders/s
                      batched           %8.1f s  %,10.0f orders/s  (%,d batches, %,d orders without an account left out)
                      batches paid      %8.1f s  %,10.0f orders/s  (%,d orders, one journal entry each)
                      lines marked paid %8.1f s  (from the first batch paid until care marked every line paid)%s
                      approve to paid   %8.1f s  → %.1f s for 1,000,000 orders at these rates
                    """, properties.batchLimit(), paid.approve(), orders / paid.approve(), paid.batch(),
                    orders / paid.batch(), paid.batches(), paid.leftOut(), paid.settle(),
                    paid.settled() / paid.settle(), paid.settled(), paid.marked(),
                    paid.linesPaid() < paid.settled() ? "  — TIMED OUT (" + paid.linesPaid() + " marked)" : "",
                    paid.total(), paid.total() * 1_000_000 / Math.max(orders, 1));
        } finally {
            heap.stop();
            if (id != null) {
                remove(id);
            }
        }
    }

    /** Seconds the funds' steps took on the campaign's orders. */
    record Paid(double approve, double batch, int batches, long leftOut, double settle, long settled, double marked,
            long linesPaid) {

        double total() {
            return approve + batch + settle + marked;
        }
    }

    /**
     * The campaign's orders paid as the funds pay a group: a donation that covers them received into the paying
     * association's general fund, the group approved and batched, each batch recorded paid, and the time until care
     * has marked every line paid.
     */
    private Paid pay(long campaign, long orders) throws Exception {
        UserDetails reviewer = accounts.loadUserByUsername("finance-reviewer");
        UserDetails cashier = accounts.loadUserByUsername("cashier");
        UserDetails staff = accounts.loadUserByUsername("city-staff");
        var group = jdbc.sql("""
                select region_code, fund_id, count(*) as n, sum(amount) as amount from payment_order
                where source = 'CARE' and source_kind = 'campaign' and source_record_id = :c
                group by region_code, fund_id""").param("c", campaign).query().listOfRows();
        if (group.size() != 1) {
            throw new IllegalStateException("the campaign's orders are not one group of one fund: " + group);
        }
        String region = (String) group.get(0).get("region_code");
        long fund = ((Number) group.get(0).get("fund_id")).longValue();
        java.math.BigDecimal amount = (java.math.BigDecimal) group.get(0).get("amount");
        long count = ((Number) group.get(0).get("n")).longValue();
        // what the orders come to, and what the generated fund lacks already at its lowest from today on
        java.math.BigDecimal given = amount.add(journal.lowestBalanceFrom(fund, LocalDate.now(clock)).negate()
                .max(java.math.BigDecimal.ZERO));
        SignedIn.as(staff, me -> fundRegister.receive(me, new FundRegister.NewDonation(null, Donor.Kind.ENTERPRISE,
                "基准测试慰问捐赠有限公司", null, fund, given, LocalDate.now(clock), Donation.Channel.BANK_TRANSFER,
                "benchmark " + campaign, null)));
        BulkPayments.GroupKey key = new BulkPayments.GroupKey("CARE", "campaign", campaign, region);
        long start = System.nanoTime();
        SignedIn.as(reviewer, me -> bulk.approve(me, key, count, amount));
        double approve = seconds(start);
        start = System.nanoTime();
        BulkPayments.Done batched = SignedIn.as(cashier, me -> bulk.batch(me, key, count, amount));
        double batch = seconds(start);
        start = System.nanoTime();
        long settled = 0;
        for (DisbursementBatch each : batched.batches()) {
            long waiting = jdbc.sql("select count(*) from payment_order where batch_id = :b and status = 'IN_BATCH'")
                    .param("b", each.getId()).query(Long.class).single();
            settled += SignedIn.as(cashier, me -> bulk.settle(me, each.getId(), LocalDate.now(clock),
                    "BENCH-" + each.getNumber(), waiting)).orders();
        }
        double settle = seconds(start);
        long deadline = System.nanoTime() + ORDERS_TIMEOUT_SECONDS * 1_000_000_000L;
        long linesPaid;
        do {
            linesPaid = count("select count(*) from campaign_line where campaign_id = :c and status = 'PAID'", campaign);
            if (linesPaid < settled) {
                Thread.sleep(250);
            }
        } while (linesPaid < settled && System.nanoTime() < deadline);
        double marked = seconds(start) - settle;
        return new Paid(approve, batch, batched.batches().size(), batched.leftWithoutAccount(), settle, settled,
                marked, linesPaid);
    }

    /** Seconds plain SQL takes to write what the app wrote. */
    record Raw(double lines, double marked, double orders, double audit) {

        double sent() {
            return marked + orders + audit;
        }
    }

    /**
     * The rows the campaign wrote, written again by plain statements in one transaction that is rolled back: its
     * lines copied into a copy of the campaign, marked sent, an order for each and an audit entry for each order.
     */
    private Raw raw(long campaign) throws Exception {
        String columns = jdbc.sql("""
                select column_name from information_schema.columns where table_name = 'campaign'
                and column_name <> 'id' order by ordinal_position""").query(String.class).list().stream()
                .collect(java.util.stream.Collectors.joining(", "));
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                long copy;
                try (var rs = statement.executeQuery("insert into campaign (" + columns + ") select " + columns
                        + " from campaign where id = " + campaign + " returning id")) {
                    rs.next();
                    copy = rs.getLong(1);
                }
                long start = System.nanoTime();
                statement.executeUpdate("""
                        insert into campaign_line (campaign_id, samaritan_id, name, region_code, category, amount,
                            status, reason_code, reason_text, manual, payee_name, payee_relative_id, payee_relation,
                            conduct_check_required, version)
                        select %d, samaritan_id, name, region_code, category, amount,
                            case when status = 'SENT' then 'INCLUDED' else status end, reason_code,
                            reason_text, manual, payee_name, payee_relative_id, payee_relation, conduct_check_required, 0
                        from campaign_line where campaign_id = %d""".formatted(copy, campaign));
                double lines = seconds(start);
                start = System.nanoTime();
                statement.executeUpdate("update campaign_line set status = 'SENT', sent_by = 'raw', sent_at = now(), "
                        + "version = version + 1 where campaign_id = " + copy + " and status = 'INCLUDED'");
                double marked = seconds(start);
                start = System.nanoTime();
                statement.executeUpdate("""
                        insert into payment_order (number, fund_id, region_code, purpose, payee_name, payee_samaritan_id,
                            amount, description, source, source_ref, source_kind, source_record_id, source_line_id,
                            decision_document, status, requested_by, requested_on, payment_method,
                            payee_account_from_registry, failures, version)
                        select 'RAW-' || o.id, o.fund_id, o.region_code, o.purpose, o.payee_name, o.payee_samaritan_id,
                            o.amount, o.description, 'RAW', o.source_ref, o.source_kind, o.source_record_id,
                            o.source_line_id, o.decision_document, o.status, o.requested_by, o.requested_on,
                            o.payment_method, false, 0, 0
                        from payment_order o where o.source = 'CARE' and o.source_kind = 'campaign'
                        and o.source_record_id = %d""".formatted(campaign));
                double orders = seconds(start);
                start = System.nanoTime();
                statement.executeUpdate("""
                        insert into audit_entry (occurred_at, actor, ip, action, entity_type, entity_id, changes, detail,
                            prev_hash, hash)
                        select now(), o.requested_by, '127.0.0.1', 'CREATE', 'PaymentOrder', cast(o.id as varchar(100)),
                            concat('[{"field":"number","before":null,"after":"', o.number,
                                   '"},{"field":"fundId","before":null,"after":"', o.fund_id,
                                   '"},{"field":"purpose","before":null,"after":"CONDOLENCE"},',
                                   '{"field":"payee","before":null,"after":"', o.payee_name,
                                   '"},{"field":"amount","before":null,"after":"', o.amount,
                                   '"},{"field":"status","before":null,"after":"REQUESTED"},',
                                   '{"field":"paymentMethod","before":null,"after":"BANK_TRANSFER"}]'),
                            concat('requested by CARE ', o.source_ref), md5(o.number) || md5(o.source_ref),
                            md5(o.source_ref) || md5(o.number || 'raw')
                        from payment_order o where o.source = 'CARE' and o.source_kind = 'campaign'
                        and o.source_record_id = %d""".formatted(campaign));
                double audit = seconds(start);
                return new Raw(lines, marked, orders, audit);
            } finally {
                connection.rollback();
            }
        }
    }

    private long orders(long campaign) {
        return jdbc.sql("""
                select count(*) from payment_order where source = 'CARE' and source_kind = 'campaign'
                and source_record_id = :c""").param("c", campaign).query(Long.class).single();
    }

    private long count(String sql, long campaign) {
        return jdbc.sql(sql).param("c", campaign).query(Long.class).single();
    }

    /**
     * The benchmark's campaign undone: the payments' and the donation's journal entries (and the day totals of the
     * fund, summed again from what is left), its batches, its orders, its lines, itself (the audit trail keeps what
     * happened).
     */
    private void remove(long campaign) {
        List<Long> funds = jdbc.sql("""
                select distinct fund_id from payment_order where source = 'CARE' and source_kind = 'campaign'
                and source_record_id = :c""").param("c", campaign).query(Long.class).list();
        List<Long> batches = jdbc.sql("""
                select distinct batch_id from payment_order where source = 'CARE' and source_kind = 'campaign'
                and source_record_id = :c and batch_id is not null""").param("c", campaign).query(Long.class).list();
        String entries = """
                select e.id from journal_entry e where (e.source_kind = 'PAYMENT' and e.source_id in (
                  select o.id from payment_order o where o.source = 'CARE' and o.source_kind = 'campaign'
                  and o.source_record_id = :c))
                or (e.source_kind = 'DONATION' and e.source_id in (select d.id from donation d where d.note = :note))""";
        jdbc.sql("delete from posting where entry_id in (" + entries + ")").param("c", campaign)
                .param("note", "benchmark " + campaign).update();
        jdbc.sql("delete from journal_entry where id in (" + entries + ")").param("c", campaign)
                .param("note", "benchmark " + campaign).update();
        jdbc.sql("delete from donation where note = :note").param("note", "benchmark " + campaign).update();
        for (long fund : funds) {
            jdbc.sql("delete from fund_day_total where fund_id = :f").param("f", fund).update();
            jdbc.sql("""
                    insert into fund_day_total (fund_id, account, entry_date, debit, credit)
                    select p.fund_id, p.account, e.entry_date, sum(p.debit), sum(p.credit)
                    from posting p join journal_entry e on e.id = p.entry_id where p.fund_id = :f
                    group by p.fund_id, p.account, e.entry_date""").param("f", fund).update();
        }
        jdbc.sql("""
                delete from payment_order where source = 'CARE' and source_kind = 'campaign'
                and source_record_id = :c""").param("c", campaign).update();
        if (!batches.isEmpty()) {
            jdbc.sql("delete from disbursement_batch where id in (:b)").param("b", batches).update();
        }
        jdbc.sql("delete from campaign_line where campaign_id = :c").param("c", campaign).update();
        jdbc.sql("delete from campaign where id = :c").param("c", campaign).update();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
