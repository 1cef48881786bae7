package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.yiyong.funds.internal.DisbursementBatch;
import org.yiyong.funds.internal.PaymentOrder;

/** Payment orders: four eyes, restricted funds, no fund below zero, and every order paid exactly once. */
class PaymentOrderTests extends FundsTestBase {

    @Test
    void twenty_threads_approving_batching_and_paying_one_order_pay_it_once() throws Exception {
        long fund = subFund("FUND-350505", "CONDOLENCE");
        donate("city-staff", fund, "10000");
        long order = order("city-staff", fund, "CONDOLENCE", "3000");

        int threads = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String reference = "JS-CONCURRENT-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                statuses.add(call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}")
                        .andReturn().getResponse().getStatus());
                statuses.add(call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                        .andReturn().getResponse().getStatus());
                statuses.add(call("cashier", "/api/v1/payment-orders/" + order + "/payment",
                        "{\"bankReference\": \"" + reference + "\"}").andReturn().getResponse().getStatus());
                return statuses;
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> answer : answers) {
            statuses.addAll(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).as("every answer is a success or a conflict, never an error").containsOnly(200, 201, 409);
        assertThat(jdbc.sql("select count(*) from journal_entry where source_kind = 'PAYMENT' and source_id = :id")
                .param("id", order).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from disbursement_batch b where exists (select 1 from audit_entry a "
                + "where a.entity_type = 'DisbursementBatch' and a.entity_id = cast(b.id as varchar(40)) "
                + "and a.detail like :number)").param("number", "%" + orderNumber(order) + "%")
                .query(Long.class).single()).as("one batch holds the order").isEqualTo(1);
        mvc.perform(get("/api/v1/payment-orders/{id}", order).with(as("cashier")))
                .andExpect(jsonPath("$.status").value("PAID"));
        assertThat(balance(fund)).isEqualByComparingTo("7000.00");
    }

    @Test
    void each_fund_holds_its_donations_less_its_payments_and_the_journal_balances() throws Exception {
        long fund = subFund("FUND-350505", "HARDSHIP");
        Random random = new Random(20261201);
        BigDecimal expected = BigDecimal.ZERO;
        for (int round = 0; round < 6; round++) {
            BigDecimal gift = BigDecimal.valueOf(1000 + random.nextInt(90000), 2).multiply(BigDecimal.TEN);
            donate(round % 2 == 0 ? "city-staff" : "cashier", fund, gift.toPlainString());
            expected = expected.add(gift);
            BigDecimal payment = expected.multiply(BigDecimal.valueOf(random.nextInt(60) + 10))
                    .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
            approveAndPay(order("city-staff", fund, "HARDSHIP", payment.toPlainString()), "JS-MIX-" + round)
                    .andExpect(status().isOk());
            expected = expected.subtract(payment);
        }
        assertThat(balance(fund)).isEqualByComparingTo(expected);
        assertThat(balance(fund)).isEqualByComparingTo(jdbc.sql("""
                select (select coalesce(sum(amount), 0) from donation where fund_id = :f and not reversed)
                     - (select coalesce(sum(amount), 0) from payment_order where fund_id = :f and status = 'PAID')""")
                .param("f", fund).query(BigDecimal.class).single());

        // more than the fund holds is refused, and nothing is posted
        long tooMuch = order("city-staff", fund, "HARDSHIP", expected.add(BigDecimal.ONE).toPlainString());
        approveAndPay(tooMuch, "JS-TOO-MUCH").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("余额不足")));
        assertThat(jdbc.sql("select count(*) from journal_entry where source_kind = 'PAYMENT' and source_id = :id")
                .param("id", tooMuch).query(Long.class).single()).isZero();
        assertThat(balance(fund)).isEqualByComparingTo(expected);

        assertThat(jdbc.sql("select coalesce(sum(debit), 0) - coalesce(sum(credit), 0) from posting")
                .query(BigDecimal.class).single()).as("debits equal credits").isEqualByComparingTo("0");
        assertThat(jdbc.sql("""
                select count(*) from journal_entry e where (select sum(p.debit) - sum(p.credit) from posting p
                where p.entry_id = e.id) <> 0""").query(Long.class).single()).as("every entry balances").isZero();
    }

    @Test
    void the_requester_never_approves_and_the_cashier_pays_only_what_was_approved() throws Exception {
        String username = quangangUser("qg-finance-" + System.nanoTime() % 100000, "洪雅琳", "COUNTY_STAFF",
                "FINANCE_REVIEWER");

        long fund = subFund("FUND-350505", "CONDOLENCE");
        donate("city-staff", fund, "5000");
        long own = order(username, fund, "CONDOLENCE", "800");
        call(username, "/api/v1/payment-orders/" + own + "/approval", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("本人")));
        assertThatThrownBy(() -> jdbc.sql("update payment_order set approved_by = requested_by where id = :id")
                .param("id", own).update()).as("the database keeps four eyes too")
                .isInstanceOf(DataIntegrityViolationException.class);

        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + own + "]}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("尚未审核")));
        call("cashier", "/api/v1/payment-orders/" + own + "/payment", "{\"bankReference\": \"JS-EARLY\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("尚未编入")));
        call("finance-reviewer", "/api/v1/payment-orders/" + own + "/payment", "{\"bankReference\": \"JS-EARLY\"}")
                .andExpect(status().isForbidden());
        call("finance-reviewer", "/api/v1/payment-orders/" + own + "/approval", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("finance-reviewer"));
        assertThat(auditedActions("finance-reviewer", "PaymentOrder", own)).containsExactly("UPDATE");
    }

    @Test
    void a_restricted_fund_pays_only_for_its_purpose() throws Exception {
        long studentAid = subFund("FUND-350505", "STUDENT_AID");
        donate("city-staff", studentAid, "20000");
        call("city-staff", "/api/v1/payment-orders", """
                {"fundId": %d, "purpose": "REWARD", "payeeName": "林阿强", "amount": 5000, "description": "奖励",
                 "justification": "试图挪用"}""".formatted(studentAid))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fundId"))
                .andExpect(jsonPath("$.detail").value(containsString("专款专用")));
        long general = fundByCode("FUND-350505");
        long reward = order("city-staff", general, "REWARD", "5000");
        call("finance-reviewer", "/api/v1/payment-orders/" + reward + "/approval", "{\"fundId\": " + studentAid + "}")
                .andExpect(status().isBadRequest());
        long aid = order("city-staff", studentAid, "STUDENT_AID", "3000");
        approveAndPay(aid, "JS-AID").andExpect(status().isOk());
        assertThat(balance(studentAid)).isEqualByComparingTo("17000.00");
    }

    @Test
    void concurrent_requests_with_one_idempotency_key_all_answer_with_the_first_result() throws Exception {
        long fund = subFund("FUND-350505", "OTHER");
        String donation = """
                {"donorKind": "INDIVIDUAL", "donorName": "%s", "fundId": %d, "amount": 800.00,
                 "receivedOn": "%s", "channel": "CASH"}""".formatted(unique("林"), fund, clock.today());
        String order = """
                {"fundId": %d, "purpose": "OTHER", "payeeName": "%s", "amount": 300.00, "description": "慰问",
                 "justification": "协会决定", "paymentMethod": "CASH"}""".formatted(fund, unique("黄"));
        for (String[] call : new String[][] {{"/api/v1/donations", donation}, {"/api/v1/payment-orders", order}}) {
            String key = unique("same-key");
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> answers =
                    new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post(call[0]).with(as("city-staff")).header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON).content(call[1])).andReturn().getResponse();
                }));
            }
            start.countDown();
            java.util.Set<Object> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.getStatus()).as(call[0] + " " + response.getContentAsString()).isEqualTo(201);
                ids.add(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id"));
            }
            pool.shutdown();
            assertThat(ids).as("one record for one key at " + call[0]).hasSize(1);
        }
    }

    @Test
    void a_donation_is_recorded_once_per_key_with_a_receipt_and_reversed_not_changed() throws Exception {
        long fund = subFund("FUND-350505", "OTHER");
        String body = """
                {"donorKind": "INDIVIDUAL", "donorName": "陈国栋", "fundId": %d, "amount": 12000.50,
                 "receivedOn": "%s", "channel": "CASH"}""".formatted(fund, java.time.LocalDate.now(clock));
        String first = mvc.perform(post("/api/v1/donations").with(as("city-staff")).header("Idempotency-Key", "k-" + fund)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/donations").with(as("city-staff")).header("Idempotency-Key", "k-" + fund)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Number id = com.jayway.jsonpath.JsonPath.read(first, "$.id");
        assertThat((Number) com.jayway.jsonpath.JsonPath.read(again, "$.id")).isEqualTo(id);
        assertThat(balance(fund)).isEqualByComparingTo("12000.50");
        String receipt = com.jayway.jsonpath.JsonPath.read(first, "$.receiptNumber");
        assertThat(receipt).matches("泉见捐〔\\d{4}〕\\d{4}号");

        byte[] pdf = mvc.perform(get("/api/v1/donations/{id}/receipt", id).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                    .contains("陈国栋", "壹万贰仟元伍角整", "¥12,000.50", receipt);
        }

        call("city-staff", "/api/v1/donations", body.replace("12000.50", "12000.505")).andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/donations", body.replace(java.time.LocalDate.now(clock).toString(), "2099-01-01")).andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/donations/" + id + "/reversal", "{\"reason\": \"金额录错\"}")
                .andExpect(status().isForbidden());
        call("finance-reviewer", "/api/v1/donations/" + id + "/reversal", "{\"reason\": \"金额录错\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.reversed").value(true));
        call("finance-reviewer", "/api/v1/donations/" + id + "/reversal", "{\"reason\": \"金额录错\"}")
                .andExpect(status().isConflict());
        assertThat(balance(fund)).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("select count(*) from journal_entry where source_kind = 'DONATION' and source_id = :id")
                .param("id", id).query(Long.class).single()).as("the original entry stays").isEqualTo(1);
        mvc.perform(get("/api/v1/donations/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());
    }

    @Test
    void a_payment_returned_by_the_bank_is_reversed_and_paid_again_once() throws Exception {
        long fund = subFund("FUND-350505", "MEDICAL");
        donate("city-staff", fund, "9000");
        long order = order("city-staff", fund, "MEDICAL", "4000");
        approveAndPay(order, "JS-FIRST").andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"JS-FIRST\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));
        call("cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"JS-OTHER\"}")
                .andExpect(status().isConflict());
        assertThat(balance(fund)).isEqualByComparingTo("5000.00");

        call("cashier", "/api/v1/payment-orders/" + order + "/return", "{\"reason\": \"户名不符，银行退回\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FAILED"));
        assertThat(balance(fund)).isEqualByComparingTo("9000.00");
        call("cashier", "/api/v1/payment-orders/" + order + "/reissue", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call("cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"JS-SECOND\"}")
                .andExpect(status().isOk());
        assertThat(balance(fund)).isEqualByComparingTo("5000.00");
        call("city-staff", "/api/v1/payment-orders/" + order + "/acknowledgement",
                "{\"acknowledgedBy\": \"林阿强\", \"note\": \"本人签收\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgedBy").value("林阿强"));
        call("cashier", "/api/v1/payment-orders/" + order + "/return", "{\"reason\": \"再退\"}")
                .andExpect(status().isConflict());
    }

    private String orderNumber(long order) {
        return jdbc.sql("select number from payment_order where id = :id").param("id", order).query(String.class)
                .single();
    }

    @Test
    void a_payment_dated_back_must_be_covered_on_its_day() throws Exception {
        long fund = subFund("FUND-350505", "OTHER");
        donate("city-staff", fund, "1000");
        long order = order("city-staff", fund, "OTHER", "3000");
        call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        java.time.LocalDate approved = java.time.LocalDate.now(clock);
        clock.advance(java.time.Duration.ofDays(5));
        donate("city-staff", fund, "5000");
        call("cashier", "/api/v1/payment-orders/" + order + "/payment",
                "{\"bankReference\": \"JS-BACK\", \"paidOn\": \"" + approved.plusDays(1) + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("余额不足")));
        call("cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"JS-BACK\"}")
                .andExpect(status().isOk());
        assertThat(balance(fund)).isEqualByComparingTo("3000.00");
    }
}
