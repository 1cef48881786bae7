package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A granted reward travels to the funds as a payment order; paid, it shows as paid on the honour and
 * leaves the late-award list; revoked before payment, its order is cancelled; returned by the bank, it is
 * due again.
 */
class RewardPaymentTests extends HonoursTestBase {

    private long grantInstant(long[] confirmed, String document) throws Exception {
        String body = call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "COUNTY_COMMENDATION", "reason": "一案一奖"}"""
                .formatted(confirmed[0], confirmed[1])).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(body, "$.id")).longValue();
        call("city-staff", "/api/v1/honours/" + honour + "/approval", "{}").andExpect(status().isOk());
        call("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"" + document + "\"}")
                .andExpect(status().isOk());
        awaitEvents();
        return honour;
    }

    private long orderOf(long honour) {
        long request = jdbc.sql("select id from reward_payment_request where honour_id = :h and kind = 'PAYMENT'")
                .param("h", honour).query(Long.class).single();
        return jdbc.sql("select id from payment_order where source = 'HONOURS' and source_ref = :ref")
                .param("ref", "reward-" + request).query(Long.class).single();
    }

    private List<String> lateFor(long honour) throws Exception {
        String body = mvc.perform(get("/api/v1/guarantees").with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$[?(@.subject == 'honour-%d')].kind".formatted(honour));
    }

    @Test
    void a_paid_reward_shows_as_paid_and_is_no_longer_late() throws Exception {
        long[] confirmed = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        long honour = grantInstant(confirmed, "晋见协〔2026〕51号");
        long order = orderOf(honour);
        double reward = ((Number) JsonPath.read(mvc.perform(get("/api/v1/honours/{id}", honour).with(as("city-staff")))
                .andReturn().getResponse().getContentAsString(), "$.rewardAmount")).doubleValue();
        // a county's commendation is paid by the county association's fund, at the amount granted
        mvc.perform(get("/api/v1/payment-orders/{id}", order).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.purpose").value("REWARD"))
                .andExpect(jsonPath("$.amount").value(reward))
                .andExpect(jsonPath("$.regionCode").value("350582"))
                .andExpect(jsonPath("$.decisionDocument").value("晋见协〔2026〕51号"))
                .andExpect(jsonPath("$.requestedBy").value("city-staff"));
        clock.advance(Duration.ofDays(31));
        assertThat(lateFor(honour)).containsExactly("LATE");

        call("city-staff", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isForbidden());
        call("city-staff", "/api/v1/payment-orders/" + order + "/cancellation", "{\"reason\": \"收款人有误\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("撤回")));
        // the payee's account, recorded on the order before review (no batch pays an order without one)
        call("jinjiang-staff", "/api/v1/payment-orders/" + order + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "晋江农商银行", "payeeAccountNumber": "6231234500005100"}""")
                .andExpect(status().isOk());
        call("jinjiang-finance", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        call("jinjiang-cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call("jinjiang-cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"JJ-R-51\"}")
                .andExpect(status().isOk());
        awaitEvents();
        mvc.perform(get("/api/v1/honours/{id}", honour).with(as("city-staff")))
                .andExpect(jsonPath("$.rewards[0].status").value("SETTLED"));
        assertThat(lateFor(honour)).isEmpty();

        call("jinjiang-cashier", "/api/v1/payment-orders/" + order + "/return", "{\"reason\": \"账户已销户，银行退回\"}")
                .andExpect(status().isOk());
        awaitEvents();
        mvc.perform(get("/api/v1/honours/{id}", honour).with(as("city-staff")))
                .andExpect(jsonPath("$.rewards[0].status").value("REQUESTED"));
        assertThat(lateFor(honour)).containsExactly("LATE");
    }

    @Test
    void a_reward_revoked_before_payment_is_not_paid() throws Exception {
        long[] confirmed = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        long honour = grantInstant(confirmed, "晋见协〔2026〕52号");
        long order = orderOf(honour);
        call("city-staff", "/api/v1/honours/" + honour + "/revocation",
                "{\"reason\": \"经查系冒领\", \"document\": \"晋见协〔2026〕60号\"}").andExpect(status().isOk());
        awaitEvents();
        mvc.perform(get("/api/v1/payment-orders/{id}", order).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        call("jinjiang-finance", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isConflict());
    }

    @Test
    void a_reward_returned_after_the_honour_was_revoked_is_not_due_again() throws Exception {
        long[] confirmed = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        long honour = grantInstant(confirmed, "晋见协〔2026〕53号");
        long order = orderOf(honour);
        // the payee's account, recorded on the order before review (no batch pays an order without one)
        call("jinjiang-staff", "/api/v1/payment-orders/" + order + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "晋江农商银行", "payeeAccountNumber": "6231234500005100"}""")
                .andExpect(status().isOk());
        call("jinjiang-finance", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        call("jinjiang-cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call("jinjiang-cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"JJ-R-53\"}")
                .andExpect(status().isOk());
        awaitEvents();
        call("city-staff", "/api/v1/honours/" + honour + "/revocation",
                "{\"reason\": \"经查系冒领\", \"document\": \"晋见协〔2026〕61号\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.rewards[?(@.kind == 'CLAWBACK')].status").value(
                        org.hamcrest.Matchers.contains("REQUESTED")));
        call("jinjiang-cashier", "/api/v1/payment-orders/" + order + "/return", "{\"reason\": \"账户已销户\"}")
                .andExpect(status().isOk());
        awaitEvents();
        mvc.perform(get("/api/v1/honours/{id}", honour).with(as("city-staff")))
                .andExpect(jsonPath("$.rewards[?(@.kind == 'PAYMENT')].status").value(
                        org.hamcrest.Matchers.contains("CANCELLED")))
                .andExpect(jsonPath("$.rewards[?(@.kind == 'CLAWBACK')].status").value(
                        org.hamcrest.Matchers.contains("CANCELLED")));
        mvc.perform(get("/api/v1/payment-orders/{id}", order).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(lateFor(honour)).isEmpty();
    }
}
