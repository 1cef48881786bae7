package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.yiyong.funds.internal.PaymentOrder;

/**
 * The safeguards on money going out: the reviewer who approves an order does not pay it, no order
 * enters a batch without an account to pay (unless cash or cheque is recorded), the reviewer sees where
 * the money goes and what the fund can still pay, and a refused posting says why.
 */
class PaymentSafeguardsTests extends FundsTestBase {

    /** A 泉港 finance person who is both reviewer and cashier, as a small association may set up. */
    private String reviewerAndCashier() throws Exception {
        return quangangUser(unique("qg-money").toLowerCase(), "庄秀琴", "FINANCE_REVIEWER", "CASHIER");
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void the_reviewer_who_approved_an_order_neither_batches_nor_pays_it() throws Exception {
        String both = reviewerAndCashier();
        long fund = subFund("FUND-350505", "CONDOLENCE");
        donate("city-staff", fund, "6000");
        long order = order("city-staff", fund, "CONDOLENCE", "1200");
        call(both, "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value(both));

        assertThat(page(both, "/payment-orders/batches")).containsPattern("id=\"pick-" + order + "\"[^>]*disabled")
                .contains("您审核的支付单，须由其他出纳发放");
        call(both, "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("审核与发放分离")));
        assertThat(jdbc.sql("select status from payment_order where id = :id").param("id", order).query(String.class)
                .single()).isEqualTo("APPROVED");
        assertThatThrownBy(() -> jdbc.sql("update payment_order set batched_by = approved_by where id = :id")
                .param("id", order).update()).as("the database keeps the approver out of the batch too")
                .isInstanceOf(DataIntegrityViolationException.class);

        // another cashier batches it; the approver, a cashier too, still may not mark it paid
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call(both, "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"QG-SOD-1\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("审核与发放分离")));
        assertThatThrownBy(() -> jdbc.sql("update payment_order set paid_by = approved_by where id = :id")
                .param("id", order).update()).as("nor does the database let the approver pay it")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from journal_entry where source_kind = 'PAYMENT' and source_id = :id")
                .param("id", order).query(Long.class).single()).isZero();

        call("cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"QG-SOD-1\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.paidBy").value("cashier"))
                .andExpect(jsonPath("$.batchedBy").value("cashier"));
        assertThat(balance(fund)).isEqualByComparingTo("4800.00");
        assertThat(auditedActions(both, "PaymentOrder", order)).containsExactly("UPDATE");
    }

    @Test
    void an_order_without_an_account_stays_out_of_a_batch_until_an_account_or_cash_is_recorded() throws Exception {
        long fund = subFund("FUND-350505", "REWARD");
        donate("city-staff", fund, "20000");
        String payee = unique("骆");
        long order = ((Number) JsonPath.read(call("city-staff", "/api/v1/payment-orders", """
                {"fundId": %d, "purpose": "REWARD", "payeeName": "%s", "amount": 5000, "description": "见义勇为奖励",
                 "justification": "依据表彰决定发放"}""".formatted(fund, payee))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.paymentMethod").value("BANK_TRANSFER"))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();

        // the reviewer sees that there is no account before approving
        mvc.perform(get("/api/v1/payment-orders/{id}", order).with(as("finance-reviewer")))
                .andExpect(jsonPath("$.review.payeeAccountMasked").doesNotExist())
                .andExpect(jsonPath("$.review.payable").value(false))
                .andExpect(jsonPath("$.review.fundAvailable").value(20000.0));
        mvc.perform(get("/payment-orders/{id}", order).with(as("finance-reviewer")))
                .andExpect(content().string(containsString("未登记收款账户")))
                .andExpect(content().string(containsString("可用 ¥20,000.00")))
                .andExpect(content().string(containsString("（余额 ¥20,000.00）")));
        call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());

        assertThat(page("cashier", "/payment-orders/batches")).containsPattern("id=\"pick-" + order + "\"[^>]*disabled");
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("没有收款账户")))
                .andExpect(jsonPath("$.detail").value(containsString(payee)));
        assertThat(jdbc.sql("select count(*) from payment_order where id = :id and batch_id is null and status = 'APPROVED'")
                .param("id", order).query(Long.class).single()).as("nothing half-saved").isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update payment_order set batched_by = 'cashier', status = 'IN_BATCH' "
                + "where id = :id").param("id", order).update()).as("the database keeps it out too")
                .isInstanceOf(DataIntegrityViolationException.class);

        // a wrong account number is refused at the field; a good one sends the approved order back for review
        call("city-staff", "/api/v1/payment-orders/" + order + "/payment-method",
                "{\"paymentMethod\": \"BANK_TRANSFER\", \"payeeBankName\": \"泉州银行\", \"payeeAccountNumber\": \"12AB\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("payeeAccountNumber"));
        call("cashier", "/api/v1/payment-orders/" + order + "/payment-method",
                "{\"paymentMethod\": \"CASH\"}").andExpect(status().isForbidden());
        call("city-staff", "/api/v1/payment-orders/" + order + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "泉州银行泉港支行",
                 "payeeAccountNumber": "6214 8305 9100 7788"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.approvedBy").doesNotExist())
                .andExpect(jsonPath("$.payeeAccountMasked").value("6214 **** **** 7788"))
                .andExpect(jsonPath("$.review.payable").value(true));
        assertThat(jdbc.sql("select payee_account from payment_order where id = :id").param("id", order)
                .query(String.class).single()).as("kept encrypted").doesNotContain("7788");
        mvc.perform(get("/payment-orders/{id}", order).with(as("finance-reviewer")))
                .andExpect(content().string(containsString("泉州银行泉港支行 6214 **** **** 7788")));
        call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        long batch = ((Number) JsonPath.read(call("cashier", "/api/v1/payment-orders/batches",
                "{\"orderIds\": [" + order + "]}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        String file = mvc.perform(get("/api/v1/payment-orders/batches/{id}/bank-file", batch).with(as("cashier")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(file).contains(payee + ",泉州银行泉港支行,6214830591007788,5000.00").doesNotContain("待补录");
        assertThat(auditedActions("city-staff", "PaymentOrder", order)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void the_manual_order_form_takes_the_account_or_leaves_it_for_later() throws Exception {
        long fund = subFund("FUND-350505", "HARDSHIP");
        String withAccount = unique("郭");
        String withoutAccount = unique("郭");
        for (String[] payee : new String[][] {{withAccount, "6214830577001234"}, {withoutAccount, ""}}) {
            mvc.perform(post("/payment-orders").with(as("city-staff")).with(csrf()).param("fundId", String.valueOf(fund))
                            .param("purpose", "HARDSHIP").param("amount", "600").param("payeeName", payee[0])
                            .param("description", "临时救助").param("justification", "家中遭火灾，经会长办公会同意")
                            .param("paymentMethod", "BANK_TRANSFER").param("payeeBankName", payee[1].isEmpty() ? "" : "泉州银行")
                            .param("payeeAccountNumber", payee[1]))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select payee_account_masked from payment_order where payee_name = :n")
                .param("n", withAccount).query(String.class).single()).isEqualTo("6214 **** **** 1234");
        assertThat(jdbc.sql("select count(*) from payment_order where payee_name = :n and payee_account is null "
                + "and payment_method = 'BANK_TRANSFER'").param("n", withoutAccount).query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(get("/payment-orders").with(as("city-staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"payeeAccountNumber\"")));
    }

    @Test
    void an_order_paid_in_cash_enters_a_batch_but_not_the_bank_file() throws Exception {
        long fund = subFund("FUND-350505", "CONDOLENCE");
        donate("city-staff", fund, "3000");
        String payee = unique("黄");
        long cash = ((Number) JsonPath.read(call("city-staff", "/api/v1/payment-orders", """
                {"fundId": %d, "purpose": "CONDOLENCE", "payeeName": "%s", "amount": 800, "description": "春节慰问金",
                 "justification": "高龄老人当面发放", "paymentMethod": "CASH"}""".formatted(fund, payee))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        long transfer = order("city-staff", fund, "CONDOLENCE", "500");
        mvc.perform(get("/api/v1/payment-orders/{id}", cash).with(as("finance-reviewer")))
                .andExpect(jsonPath("$.review.paymentMethod").value("CASH"))
                .andExpect(jsonPath("$.review.payable").value(true));
        call("finance-reviewer", "/api/v1/payment-orders/" + cash + "/approval", "{}").andExpect(status().isOk());
        // the reviewer of the second order sees the first promised already
        mvc.perform(get("/api/v1/payment-orders/{id}", transfer).with(as("finance-reviewer")))
                .andExpect(jsonPath("$.review.fundBalance").value(3000.0))
                .andExpect(jsonPath("$.review.fundCommitted").value(800.0))
                .andExpect(jsonPath("$.review.fundAvailable").value(2200.0))
                .andExpect(jsonPath("$.review.payeeAccountMasked").value("6214 **** **** 4567"));
        call("finance-reviewer", "/api/v1/payment-orders/" + transfer + "/approval", "{}").andExpect(status().isOk());
        long batch = ((Number) JsonPath.read(call("cashier", "/api/v1/payment-orders/batches",
                "{\"orderIds\": [" + cash + ", " + transfer + "]}").andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id")).longValue();
        String file = mvc.perform(get("/api/v1/payment-orders/batches/{id}/bank-file", batch).with(as("cashier")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(file).contains("林阿强,泉州银行泉港支行," + ACCOUNT + ",500.00").doesNotContain(payee);
        call("cashier", "/api/v1/payment-orders/" + cash + "/payment", "{\"bankReference\": \"现金发放\"}")
                .andExpect(status().isOk());
        assertThat(balance(fund)).isEqualByComparingTo("2200.00");
    }

    @Test
    void a_samaritan_paid_in_person_is_paid_to_the_registered_account_shown_masked_to_the_reviewer() throws Exception {
        String name = unique("陈");
        long samaritan = ((Number) JsonPath.read(call("city-staff", "/api/v1/samaritans", """
                {"regionCode": "350505", "name": "%s", "residentId": "%s", "sourceDocument": "2012 年表彰名册"}"""
                .formatted(name, uniqueResidentId("35050519700303"))).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/samaritans/{id}/bank-account", samaritan).with(as("city-staff"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"bankName\": \"中国农业银行泉港支行\", \"accountNumber\": \"6228480388123456789\"}"))
                .andExpect(status().isOk());
        long fund = subFund("FUND-350505", "HARDSHIP");
        donate("city-staff", fund, "4000");
        long order = ((Number) JsonPath.read(call("city-staff", "/api/v1/payment-orders", """
                {"fundId": %d, "purpose": "HARDSHIP", "payeeSamaritanId": %d, "amount": 1500, "description": "临时救助",
                 "justification": "家庭困难，经会长办公会同意"}""".formatted(fund, samaritan))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(get("/api/v1/payment-orders/{id}", order).with(as("finance-reviewer")))
                .andExpect(jsonPath("$.review.accountFromRegistry").value(true))
                .andExpect(jsonPath("$.review.payeeBankName").value("中国农业银行泉港支行"))
                .andExpect(jsonPath("$.review.payeeAccountMasked").value("6228 **** **** 6789"))
                .andExpect(content().string(not(containsString("6228480388123456789"))));
        call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        long batch = ((Number) JsonPath.read(call("cashier", "/api/v1/payment-orders/batches",
                "{\"orderIds\": [" + order + "]}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        assertThat(mvc.perform(get("/api/v1/payment-orders/batches/{id}/bank-file", batch).with(as("cashier")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(name + ",中国农业银行泉港支行,6228480388123456789,1500.00");

        // the bank sends it back; the registry's account is corrected, and the next batch pays the new one
        call("cashier", "/api/v1/payment-orders/" + order + "/failure", "{\"reason\": \"账户已销户\"}")
                .andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/samaritans/{id}/bank-account", samaritan).with(as("city-staff"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"bankName\": \"泉州农商银行泉港支行\", \"accountNumber\": \"6230661200004321\"}"))
                .andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/" + order + "/reissue", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.payeeAccountMasked").doesNotExist());
        long again = ((Number) JsonPath.read(call("cashier", "/api/v1/payment-orders/batches",
                "{\"orderIds\": [" + order + "]}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        assertThat(mvc.perform(get("/api/v1/payment-orders/batches/{id}/bank-file", again).with(as("cashier")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(name + ",泉州农商银行泉港支行,6230661200004321,1500.00").doesNotContain("6228480388123456789");
    }

    @Test
    void a_payment_with_a_long_payee_and_purpose_is_posted_rather_than_called_a_duplicate() throws Exception {
        long fund = subFund("FUND-350505", "OTHER");
        donate("city-staff", fund, "2000");
        String payee = "泉州市泉港区" + "某".repeat(108) + "有限公司";
        String description = "见义勇为宣传".repeat(50);
        long order = ((Number) JsonPath.read(call("city-staff", "/api/v1/payment-orders", """
                {"fundId": %d, "purpose": "OTHER", "payeeName": "%s", "amount": 900, "description": "%s",
                 "justification": "宣传活动费用", "payeeBankName": "泉州银行", "payeeAccountNumber": "6214830500001111"}"""
                .formatted(fund, payee, description)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        approveAndPay(order, "QG-LONG").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));
        String posted = jdbc.sql("select description from journal_entry where source_kind = 'PAYMENT' and source_id = :id")
                .param("id", order).query(String.class).single();
        assertThat(posted).hasSizeLessThanOrEqualTo(300).startsWith("支付：泉州市泉港区")
                .endsWith(jdbc.sql("select number from payment_order where id = :id").param("id", order)
                        .query(String.class).single());
        // paying it again is still refused as a second payment
        call("cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"QG-LONG-2\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("已经发放过")));
    }
}
