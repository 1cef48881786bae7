package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.FullStackTest;
import org.yiyong.audit.internal.AuditSearch;
import org.yiyong.shared.Money;

/**
 * A campaign's thousands of payment requests made into orders at once: one order per source and once, numbered
 * without gaps or repeats, from the fund of the paying association, audited one entry per order when the caller
 * commits, and nothing left behind when the caller rolls back.
 */
class PaymentRequestsInBulkTests extends FullStackTest {

    @Autowired
    PaymentRequestsInBulk bulk;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditSearch audit;

    private static final LocalDate ON = LocalDate.of(2026, 11, 20);

    private static long record() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static PaymentRequested request(long record, long line, String region) {
        return new PaymentRequested(PaymentSource.of("CARE", "campaign", record, line), region,
                PaymentPurpose.CONDOLENCE, null, null, "受慰问人" + line, Money.of("1500.00"), "2027年春节慰问金（见义勇为人员）",
                "泉见协〔2027〕1号", "city-staff", ON);
    }

    private long generalFund(String region) {
        return jdbc.sql("select id from fund where region_code = :r and parent_id is null").param("r", region)
                .query(Long.class).single();
    }

    private List<Long> orders(long record) {
        return jdbc.sql("select id from payment_order where source = 'CARE' and source_record_id = :r order by id")
                .param("r", record).query(Long.class).list();
    }

    @Test
    @WithMockUser(roles = "AUDIT_ADMIN")
    void thousands_of_requests_become_one_order_each_numbered_from_one_reservation_and_audited() {
        long record = record();
        // one of them the funds hold already (sent alone before)
        transactions.executeWithoutResult(status -> assertThat(bulk.request(List.of(request(record, 7, "350582"))))
                .isEqualTo(1));
        List<PaymentRequested> requests = new ArrayList<>();
        for (long line = 1; line <= 2_300; line++) {
            requests.add(request(record, line, "350582"));
        }
        requests.add(request(record, 5, "350582"));

        Integer made = transactions.execute(status -> bulk.request(requests));

        assertThat(made).as("neither the line held already nor the one asked twice").isEqualTo(2_299);
        List<Long> ids = orders(record);
        assertThat(ids).hasSize(2_300);
        assertThat(jdbc.sql("""
                select count(distinct number) from payment_order where source = 'CARE' and source_record_id = :r
                and status = 'REQUESTED' and fund_id = :fund and region_code = '350582' and amount = 1500.00
                and source_kind = 'campaign' and source_ref = concat('campaign-', :r, '-', source_line_id)
                and purpose = 'CONDOLENCE' and payment_method = 'BANK_TRANSFER'""")
                .param("r", record).param("fund", generalFund("350582")).query(Long.class).single())
                .as("each order whole, from Jinjiang's general fund, with a number of its own").isEqualTo(2_300);
        List<String> numbers = jdbc.sql("""
                select number from payment_order where source = 'CARE' and source_record_id = :r
                and source_line_id <> 7 order by id""").param("r", record).query(String.class).list();
        assertThat(sequence(numbers.get(numbers.size() - 1)) - sequence(numbers.get(0))).isEqualTo(2_298);

        assertThat(jdbc.sql("""
                select count(*) from audit_entry a join payment_order o on a.entity_id = cast(o.id as varchar(100))
                where o.source = 'CARE' and o.source_record_id = :r and a.entity_type = 'PaymentOrder'
                and a.action = 'CREATE' and a.actor = 'city-staff' and a.detail = concat('requested by CARE ', o.source_ref)
                and a.changes like concat('%', o.number, '%') and a.changes like '%1500.00%'""")
                .param("r", record).query(Long.class).single()).as("one entry per order").isEqualTo(2_300);
        AuditSearch.ChainCheck chain = audit.verifyChain();
        assertThat(chain.intact()).as("the chain after entries written in bulk").isTrue();
    }

    @Test
    void a_caller_that_rolls_back_leaves_no_order_and_no_entry() {
        long record = record();
        List<PaymentRequested> requests = new ArrayList<>();
        for (long line = 1; line <= 1_200; line++) {
            requests.add(request(record, line, "350582"));
        }
        long entries = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();

        transactions.executeWithoutResult(status -> {
            assertThat(bulk.request(requests)).isEqualTo(1_200);
            status.setRollbackOnly();
        });

        assertThat(orders(record)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where detail like :d")
                .param("d", "requested by CARE campaign-" + record + "-%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(entries);
        // the same requests again are made whole
        Integer again = transactions.execute(status -> bulk.request(requests));
        assertThat(again).isEqualTo(1_200);
        assertThat(orders(record)).hasSize(1_200);
    }

    @Test
    void the_city_pays_for_a_city_campaign_and_for_a_region_without_a_fund_of_its_own() {
        String city = jdbc.sql("select code from region where level = 'CITY'").query(String.class).single();
        List<String> fundless = jdbc.sql("""
                select code from region where parent_code = :city
                and code not in (select region_code from fund where parent_id is null) order by code""")
                .param("city", city).query(String.class).list();
        assertThat(fundless).as("the demo city has a region without a fund of its own").isNotEmpty();
        long record = record();

        transactions.executeWithoutResult(status -> bulk.request(List.of(request(record, 1, city),
                request(record, 2, fundless.get(0)), request(record, 3, null))));

        assertThat(jdbc.sql("select distinct fund_id from payment_order where source = 'CARE' and source_record_id = :r")
                .param("r", record).query(Long.class).list()).containsExactly(generalFund(city));
    }

    @Autowired
    FundTasks tasks;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    @Test
    void a_reviewer_sees_a_campaigns_orders_as_one_task_and_the_others_two_hundred_at_most() {
        long record = record();
        String document = "泉见协〔2027〕" + record + "号";
        List<PaymentRequested> lines = new ArrayList<>();
        for (long line = 1; line <= 300; line++) {
            PaymentRequested one = request(record, line, null);
            lines.add(new PaymentRequested(one.source(), null, one.purpose(), null, null, one.payeeName(),
                    one.amount(), one.description(), document, "city-staff", ON));
        }
        List<PaymentRequested> single = new ArrayList<>();
        for (int i = 0; i < 210; i++) {
            single.add(new PaymentRequested(PaymentSource.of("CARE", "assistance", record + i), null,
                    PaymentPurpose.HARDSHIP, null, null, "困难人员" + i, Money.of("800.00"), "困难救助", null, "city-staff",
                    ON));
        }
        transactions.executeWithoutResult(status -> {
            bulk.request(lines);
            bulk.request(single);
        });

        List<org.yiyong.identity.Task> waiting = org.yiyong.identity.SignedIn.as(
                accounts.loadUserByUsername("finance-reviewer"), me -> tasks.tasksFor(me)).stream()
                .filter(task -> task.kind().equals("payment.review")).toList();

        assertThat(waiting).filteredOn(task -> task.reference().equals(document)).singleElement()
                .satisfies(task -> {
                    assertThat(task.title()).isEqualTo("300 张，¥450000.00");
                    assertThat(task.path()).isEqualTo("/payment-orders/groups");
                });
        long oneByOne = jdbc.sql("""
                select count(*) from payment_order where status = 'REQUESTED' and requested_by <> 'finance-reviewer'
                and source_line_id is null""").query(Long.class).single();
        assertThat(oneByOne).isGreaterThan(FundTasks.ONE_BY_ONE);
        List<org.yiyong.identity.Task> orders = waiting.stream()
                .filter(task -> task.path().matches("/payment-orders/\\d+")).toList();
        assertThat(orders).hasSize(FundTasks.ONE_BY_ONE);
        assertThat(waiting).filteredOn(task -> task.reference().startsWith("另有")).singleElement()
                .satisfies(task -> assertThat(task.reference()).isEqualTo("另有 " + (oneByOne - FundTasks.ONE_BY_ONE)
                        + " 张"));
    }

    private static int sequence(String number) {
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("(\\d+)\\D*$").matcher(number);
        assertThat(digits.find()).isTrue();
        return Integer.parseInt(digits.group(1));
    }
}
