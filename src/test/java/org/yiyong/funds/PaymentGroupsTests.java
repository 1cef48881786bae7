package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.funds.internal.BulkPayments;
import org.yiyong.funds.internal.FundProperties;
import org.yiyong.shared.Money;

/**
 * A campaign's orders handled as a group: approved together by a reviewer who checked their count and sum, put in
 * batches together by a cashier (the registry's accounts taken onto the orders, a payee without one left out,
 * batches no larger than the limit), and a batch the bank paid recorded at once — each fund's balance covering it,
 * one journal entry per payment, one audit entry per order, one event for the module that asked. Each step keeps
 * four eyes, refuses a group that changed after it was checked, and leaves nothing half done when refused.
 */
class PaymentGroupsTests extends FundsTestBase {

    private static final String REGION = "350505";

    @Autowired
    PaymentRequestsInBulk requests;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    BulkPayments bulk;

    @Autowired
    org.yiyong.funds.internal.Payments payments;

    /** A person of 泉港 in the registry, with a bank account in their name when {@code account} is given. */
    private long payee(String name, String account) throws Exception {
        long id = ((Number) JsonPath.read(call("city-staff", "/api/v1/samaritans", """
                {"regionCode": "%s", "name": "%s", "residentId": "%s", "sourceDocument": "泉港区见义勇为人员名册（2015）"}"""
                .formatted(REGION, name, uniqueResidentId("35050519720202"))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        if (account != null) {
            mvc.perform(put("/api/v1/samaritans/{id}/bank-account", id).with(as("city-staff"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"bankName\": \"泉州农商银行泉港支行\", \"accountNumber\": \"" + account + "\"}"))
                    .andExpect(status().isOk());
        }
        return id;
    }

    /** The orders of a made-up campaign of 泉港, one per payee, asked for as care asks: in bulk. */
    private long campaignOrders(List<Long> payees, List<String> names) {
        long record = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        List<PaymentRequested> asked = new ArrayList<>();
        for (int i = 0; i < payees.size(); i++) {
            asked.add(new PaymentRequested(PaymentSource.of("CARE", "campaign", record, i + 1), REGION,
                    PaymentPurpose.CONDOLENCE, payees.get(i), null, names.get(i), Money.of("1500.00"),
                    "2027年春节慰问金（见义勇为人员）", "泉港见协〔2027〕1号", "city-staff", LocalDate.now(clock)));
        }
        transactions.executeWithoutResult(status -> requests.request(asked));
        return record;
    }

    private String group(long record, long orders, String amount) {
        return """
                {"source": "CARE", "kind": "campaign", "recordId": %d, "regionCode": "%s", "orders": %d, "amount": %s}"""
                .formatted(record, REGION, orders, amount);
    }

    private Map<String, Long> statuses(long record) {
        Map<String, Long> by = new java.util.TreeMap<>();
        jdbc.sql("select status, count(*) as n from payment_order where source = 'CARE' and source_record_id = :r "
                        + "group by status").param("r", record)
                .query((rs, row) -> by.put(rs.getString("status"), rs.getLong("n"))).list();
        return by;
    }

    private List<Long> orders(long record, String status) {
        return jdbc.sql("select id from payment_order where source_record_id = :r and source = 'CARE' "
                + "and status = :s order by id").param("r", record).param("s", status).query(Long.class).list();
    }

    private long audited(String actor, List<Long> ids, String detail) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = 'PaymentOrder' and action = 'UPDATE' "
                + "and actor = :a and entity_id in (:ids) and detail like :d").param("a", actor).param("d", detail + "%")
                .param("ids", ids.stream().map(String::valueOf).toList()).query(Long.class).single();
    }

    @Test
    void a_campaigns_orders_are_approved_batched_and_paid_as_a_group() throws Exception {
        List<String> names = List.of(unique("陈"), unique("黄"), unique("郑"), unique("蔡"));
        List<Long> payees = List.of(payee(names.get(0), "6228480388000000011"),
                payee(names.get(1), "6228480388000000022"), payee(names.get(2), "6228480388000000033"),
                payee(names.get(3), null));
        long record = campaignOrders(payees, names);

        // the reviewer sees the four as one group, with their count and sum
        mvc.perform(get("/api/v1/payment-orders/groups").param("status", "REQUESTED").with(as("finance-reviewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.recordId == " + record + ")].orders").value(Matchers.contains(4)))
                .andExpect(jsonPath("$[?(@.recordId == " + record + ")].amount").value(Matchers.contains(6000.0)));
        mvc.perform(get("/payment-orders/groups").with(as("finance-reviewer"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("我已核对：共 4 笔，合计 ¥6,000.00")));

        // what was not checked, or by whom it may not be done, changes nothing
        call("finance-reviewer", "/api/v1/payment-orders/groups/approval", group(record, 3, "4500"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(Matchers.containsString("3 笔")));
        call("finance-reviewer", "/api/v1/payment-orders/groups/approval", group(record, 4, "6001"))
                .andExpect(status().isConflict());
        call("city-staff", "/api/v1/payment-orders/groups/approval", group(record, 4, "6000"))
                .andExpect(status().isForbidden());
        call("cashier", "/api/v1/payment-orders/groups/batches", group(record, 4, "6000"))
                .andExpect(status().isConflict());
        assertThat(statuses(record)).containsExactly(Map.entry("REQUESTED", 4L));

        call("finance-reviewer", "/api/v1/payment-orders/groups/approval", group(record, 4, "6000.00"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.orders").value(4))
                .andExpect(jsonPath("$.amount").value(6000.0));
        List<Long> approved = orders(record, "APPROVED");
        assertThat(approved).hasSize(4);
        assertThat(jdbc.sql("select count(*) from payment_order where id in (:ids) and approved_by = 'finance-reviewer' "
                + "and approved_at is not null").param("ids", approved).query(Long.class).single()).isEqualTo(4);
        assertThat(audited("finance-reviewer", approved, "approved with its group")).as("one audit entry per order").isEqualTo(4);

        // paid from a fund of the test's own (the reviewer may choose another fund of the association), holding
        // less than the batch at first
        long fund = subFund("FUND-350505", "CONDOLENCE");
        jdbc.sql("update payment_order set fund_id = :f where id in (:ids)").param("f", fund).param("ids", approved)
                .update();
        donate("city-staff", fund, "2000");

        // batches of at most two: the three with an account in two batches, the one without left approved
        BulkPayments target = AopTestUtils.getTargetObject(bulk);
        FundProperties shared = (FundProperties) ReflectionTestUtils.getField(target, "properties");
        ReflectionTestUtils.setField(target, "properties", new FundProperties(false, 2));
        String made;
        try {
            made = call("cashier", "/api/v1/payment-orders/groups/batches", group(record, 4, "6000"))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.orders").value(3))
                    .andExpect(jsonPath("$.amount").value(4500.0))
                    .andExpect(jsonPath("$.leftWithoutAccount").value(1))
                    .andExpect(jsonPath("$.batches.length()").value(2))
                    .andReturn().getResponse().getContentAsString();
        } finally {
            ReflectionTestUtils.setField(target, "properties", shared);
        }
        assertThat(statuses(record)).containsExactly(Map.entry("APPROVED", 1L), Map.entry("IN_BATCH", 3L));
        assertThat(jdbc.sql("select payee_samaritan_id from payment_order where source_record_id = :r "
                + "and status = 'APPROVED'").param("r", record).query(Long.class).single()).isEqualTo(payees.get(3));
        assertThat(jdbc.sql("""
                select count(*) from payment_order where source_record_id = :r and status = 'IN_BATCH'
                and payee_account_from_registry and payee_account_masked like '%0011' or (source_record_id = :r
                and status = 'IN_BATCH' and payee_account_masked like '%0022') or (source_record_id = :r
                and status = 'IN_BATCH' and payee_account_masked like '%0033')""").param("r", record)
                .query(Long.class).single()).as("each batched with the registry's account in the payee's name")
                .isEqualTo(3);
        long first = ((Number) JsonPath.read(made, "$.batches[0].id")).longValue();
        assertThat(jdbc.sql("select count(*) from payment_order where batch_id = :b").param("b", first)
                .query(Long.class).single()).isEqualTo(2);
        // the bank file of a batch made so pays the accounts in full
        String file = mvc.perform(get("/api/v1/payment-orders/batches/{id}/bank-file", first).with(as("cashier")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file).contains("6228480388000000011", "6228480388000000022");

        // the fund cannot pay the batch: nothing is paid, nothing posted
        String settle = "{\"bankReference\": \"QG-CAMPAIGN-" + record + "\", \"orders\": 2}";
        call("cashier", "/api/v1/payment-orders/batches/" + first + "/payment", settle)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("3000")));
        assertThat(jdbc.sql("select count(*) from journal_entry where source_kind = 'PAYMENT' and source_id in "
                + "(select id from payment_order where batch_id = :b)").param("b", first).query(Long.class).single())
                .isZero();
        donate("city-staff", fund, "3000");
        call("cashier", "/api/v1/payment-orders/batches/" + first + "/payment",
                "{\"bankReference\": \"QG-CAMPAIGN-" + record + "\", \"orders\": 3}")
                .andExpect(status().isConflict());
        call("finance-reviewer", "/api/v1/payment-orders/batches/" + first + "/payment", settle)
                .andExpect(status().isForbidden());

        call("cashier", "/api/v1/payment-orders/batches/" + first + "/payment", settle).andExpect(status().isOk())
                .andExpect(jsonPath("$.orders").value(2)).andExpect(jsonPath("$.amount").value(3000.0));
        List<Long> paid = jdbc.sql("select id from payment_order where batch_id = :b and status = 'PAID' "
                + "and paid_by = 'cashier' and bank_reference = :ref and paid_on = :on order by id")
                .param("b", first).param("ref", "QG-CAMPAIGN-" + record).param("on", LocalDate.now(clock))
                .query(Long.class).list();
        assertThat(paid).hasSize(2);
        // one entry per payment: the condolence expense debited, the bank credited, from the order's fund
        for (long order : paid) {
            List<Map<String, Object>> postings = jdbc.sql("""
                    select p.account, p.debit, p.credit, p.fund_id from posting p join journal_entry e on e.id = p.entry_id
                    where e.source_kind = 'PAYMENT' and e.source_id = :o order by p.account""").param("o", order)
                    .query().listOfRows();
            assertThat(postings).hasSize(2);
            assertThat(postings.get(0)).containsEntry("account", "BANK");
            assertThat((BigDecimal) postings.get(0).get("credit")).isEqualByComparingTo("1500");
            assertThat(postings.get(1)).containsEntry("account", "EXPENSE_CONDOLENCE");
            assertThat((BigDecimal) postings.get(1).get("debit")).isEqualByComparingTo("1500");
            assertThat(((Number) postings.get(1).get("fund_id")).longValue()).isEqualTo(fund);
        }
        assertThat(balance(fund)).as("5000 given, 3000 paid").isEqualByComparingTo("2000");
        assertThat(audited("cashier", paid, "batched with its group")).isEqualTo(2);
        assertThat(audited("cashier", paid, "paid with batch")).isEqualTo(2);
        // a retry with the same reference does nothing more
        call("cashier", "/api/v1/payment-orders/batches/" + first + "/payment", settle).andExpect(status().isOk())
                .andExpect(jsonPath("$.orders").value(0));
        assertThat(balance(fund)).isEqualByComparingTo("2000");

        // care hears one event for the batch (the made-up campaign has no lines: it changes nothing there)
        awaitEvents();
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%PaymentsSettled' "
                        + "and serialized_event like :batch and completion_date is not null")
                .param("batch", "%\"batchId\":" + first + ",%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%.PaymentSettled' "
                        + "and serialized_event like :record")
                .param("record", "%" + record + "%").query(Long.class).single())
                .as("no event per order").isZero();
    }

    @Test
    void a_group_with_an_order_moved_to_a_restricted_fund_is_not_approved_whole() throws Exception {
        List<String> names = List.of(unique("林"), unique("吴"));
        long record = campaignOrders(List.of(payee(names.get(0), null), payee(names.get(1), null)), names);
        long restricted = subFund("FUND-350505", "CONDOLENCE");
        jdbc.sql("update payment_order set fund_id = :f where id = :id").param("f", restricted)
                .param("id", orders(record, "REQUESTED").get(0)).update();
        call("finance-reviewer", "/api/v1/payment-orders/groups/approval", group(record, 2, "3000.00"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("其中 1 笔改由限定用途的基金支付")));
        assertThat(statuses(record)).containsExactly(Map.entry("REQUESTED", 2L));
    }

    @Test
    void a_reviewer_leaves_the_orders_they_requested_and_a_cashier_those_they_approved() throws Exception {
        String both = quangangUser(unique("qgboth").toLowerCase(java.util.Locale.ROOT), "泉港财务兼审核",
                "FINANCE_REVIEWER", "CASHIER", "COUNTY_STAFF");
        List<String> names = List.of(unique("王"), unique("吴"));
        List<Long> payees = List.of(payee(names.get(0), "6228480388000000044"),
                payee(names.get(1), "6228480388000000055"));
        long record = campaignOrders(payees, names);
        // one of the two was asked for by the person who now reviews
        jdbc.sql("update payment_order set requested_by = :u where source_record_id = :r and payee_samaritan_id = :p")
                .param("u", both).param("r", record).param("p", payees.get(0)).update();

        call(both, "/api/v1/payment-orders/groups/approval", group(record, 1, "1500")).andExpect(status().isOk())
                .andExpect(jsonPath("$.orders").value(1)).andExpect(jsonPath("$.leftForOthers").value(1));
        assertThat(statuses(record)).containsExactly(Map.entry("APPROVED", 1L), Map.entry("REQUESTED", 1L));
        call("finance-reviewer", "/api/v1/payment-orders/groups/approval", group(record, 1, "1500"))
                .andExpect(status().isOk());
        assertThat(statuses(record)).containsExactly(Map.entry("APPROVED", 2L));

        // the one they approved is left for another cashier
        call(both, "/api/v1/payment-orders/groups/batches", group(record, 1, "1500")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.orders").value(1)).andExpect(jsonPath("$.leftForOthers").value(1));
        assertThat(jdbc.sql("select approved_by from payment_order where source_record_id = :r and status = 'APPROVED'")
                .param("r", record).query(String.class).single()).isEqualTo(both);
        long batch = jdbc.sql("select batch_id from payment_order where source_record_id = :r and status = 'IN_BATCH'")
                .param("r", record).query(Long.class).single();

        // from the page: the batch shows what waits, and the whole batch is recorded paid after the check
        mvc.perform(get("/payment-orders/batches/{id}", batch).with(as("cashier"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("待发放 1 笔，合计 ¥1,500.00")));
        long fund = subFund("FUND-350505", "CONDOLENCE");
        jdbc.sql("update payment_order set fund_id = :f where batch_id = :b").param("f", fund).param("b", batch)
                .update();
        donate("city-staff", fund, "1500");
        mvc.perform(post("/payment-orders/batches/{id}/payment", batch).with(as("cashier")).with(csrf())
                        .param("paidOn", LocalDate.now(clock).toString()).param("bankReference", "")
                        .param("orders", "1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failure", "validation.required"));
        mvc.perform(post("/payment-orders/batches/{id}/payment", batch).with(as("cashier")).with(csrf())
                        .param("paidOn", LocalDate.now(clock).plusDays(1).toString())
                        .param("bankReference", "QG-" + record).param("orders", "1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failure", "payment.paid.future"));
        mvc.perform(post("/payment-orders/batches/{id}/payment", batch).with(as("cashier")).with(csrf())
                        .param("paidOn", LocalDate.now(clock).toString()).param("bankReference", "QG-" + record)
                        .param("orders", "1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "batch.settled"));
        assertThat(statuses(record)).containsExactly(Map.entry("APPROVED", 1L), Map.entry("PAID", 1L));
        assertThat(balance(fund)).isEqualByComparingTo("0");
    }

    @Test
    void a_batch_is_not_paid_whole_while_an_order_of_it_was_withdrawn_and_a_group_outside_the_scope_is_not_found()
            throws Exception {
        List<String> names = List.of(unique("许"), unique("苏"));
        List<Long> payees = List.of(payee(names.get(0), "6228480388000000066"),
                payee(names.get(1), "6228480388000000077"));
        long record = campaignOrders(payees, names);

        // a county's finance person cannot see 泉港's group: not found, and the attempt is on the audit trail
        call("jinjiang-finance", "/api/v1/payment-orders/groups/approval", group(record, 2, "3000"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ACCESS_DENIED' "
                + "and entity_type = 'PaymentOrderGroup' and entity_id = :r").param("r", String.valueOf(record))
                .query(Long.class).single()).isEqualTo(1);
        call("finance-reviewer", "/api/v1/payment-orders/groups/approval", """
                {"source": "CARE", "kind": "campaign", "recordId": %d, "regionCode": "%s", "amount": 3000}"""
                .formatted(record, REGION)).andExpect(status().isBadRequest());

        call("finance-reviewer", "/api/v1/payment-orders/groups/approval", group(record, 2, "3000"))
                .andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/groups/batches", group(record, 2, "3000"))
                .andExpect(status().isCreated());
        long batch = jdbc.sql("select distinct batch_id from payment_order where source_record_id = :r")
                .param("r", record).query(Long.class).single();
        long fund = subFund("FUND-350505", "CONDOLENCE");
        jdbc.sql("update payment_order set fund_id = :f where batch_id = :b").param("f", fund).param("b", batch)
                .update();
        donate("city-staff", fund, "3000");

        // what caused one of them is withdrawn while it waits in the batch (as care would withdraw a line)
        long withdrawn = jdbc.sql("select id from payment_order where source_record_id = :r and payee_samaritan_id = :p")
                .param("r", record).param("p", payees.get(1)).query(Long.class).single();
        payments.withdraw(new PaymentWithdrawn(PaymentSource.of("CARE", "campaign", record, 2), "受慰问人已迁出本市"));
        mvc.perform(get("/payment-orders/batches/{id}", batch).with(as("cashier"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("有 1 笔支付单的来源已撤回")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"settle-form\""))));
        call("cashier", "/api/v1/payment-orders/batches/" + batch + "/payment",
                "{\"bankReference\": \"QG-W-" + record + "\", \"orders\": 2}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(Matchers.containsString("1 笔")));
        assertThat(statuses(record)).containsExactly(Map.entry("IN_BATCH", 2L));

        call("cashier", "/api/v1/payment-orders/" + withdrawn + "/failure", "{\"reason\": \"来源已撤回，未发放\"}")
                .andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/batches/" + batch + "/payment",
                "{\"bankReference\": \"QG-W-" + record + "\", \"orders\": 1}").andExpect(status().isOk())
                .andExpect(jsonPath("$.orders").value(1));
        assertThat(statuses(record)).containsExactly(Map.entry("FAILED", 1L), Map.entry("PAID", 1L));
        assertThat(balance(fund)).isEqualByComparingTo("1500");
    }
}
