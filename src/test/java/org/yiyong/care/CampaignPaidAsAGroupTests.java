package org.yiyong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A campaign sent to the funds is paid as the funds pay a campaign: its orders approved and batched as one group,
 * each batch recorded paid at once — and every line the batch paid is marked paid, with its order's number, from
 * the one event the batch publishes for care.
 */
class CampaignPaidAsAGroupTests extends CampaignTestBase {

    private void bankAccount(long samaritan, String account) throws Exception {
        mvc.perform(put("/api/v1/samaritans/{id}/bank-account", samaritan).with(as("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankName\": \"永春农商银行\", \"accountNumber\": \"" + account + "\"}"))
                .andExpect(status().isOk());
    }

    /** The group of the campaign's orders in one status, as the funds' page shows it. */
    private Map<String, Object> group(String user, long campaign, String status) throws Exception {
        String body = mvc.perform(get("/api/v1/payment-orders/groups").param("status", status).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> found = JsonPath.read(body, "$[?(@.recordId == " + campaign + ")]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String checked(long campaign, Map<String, Object> group) {
        return """
                {"source": "CARE", "kind": "campaign", "recordId": %d, "regionCode": "%s", "orders": %s, "amount": %s}"""
                .formatted(campaign, group.get("regionCode"), group.get("takeable"), group.get("takeableAmount"));
    }

    @Test
    void a_batch_paid_at_once_marks_each_line_it_paid() throws Exception {
        long first = registered(unique("林秀英"));
        long second = registered(unique("陈建国"));
        bankAccount(first, "6230661234500101");
        bankAccount(second, "6230661234500202");

        long campaign = campaign("DRAGON_BOAT", LocalDate.now(clock).plusDays(30));
        String base = "/api/v1/campaigns/" + campaign;
        for (Map<String, Object> line : pages(base + "/lines", "INCLUDED")) {
            if (Boolean.TRUE.equals(line.get("conductCheckRequired")) && !Boolean.TRUE.equals(line.get("conductGood"))) {
                call("city-staff", base + "/lines/" + line.get("id") + "/conduct-check",
                        "{\"note\": \"村委会证明近期表现良好\", \"good\": true}").andExpect(status().isOk());
            }
        }
        call("city-staff", base + "/submission", "{}").andExpect(status().isOk());
        call("city-police", base + "/approval", "{\"documentNumber\": \"永见协〔2026〕31号\"}").andExpect(status().isOk());
        call("city-staff", base + "/payment-batch", "{}").andExpect(status().isOk());
        awaitEvents();

        call("finance-reviewer", "/api/v1/payment-orders/groups/approval",
                checked(campaign, group("finance-reviewer", campaign, "REQUESTED"))).andExpect(status().isOk());
        String batched = call("cashier", "/api/v1/payment-orders/groups/batches",
                checked(campaign, group("cashier", campaign, "APPROVED"))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        List<Integer> batches = JsonPath.read(batched, "$.batches[*].id");
        assertThat(batches).isNotEmpty();

        long fund = jdbc.sql("select id from fund where region_code = :r and parent_id is null").param("r", YONGCHUN)
                .query(Long.class).single();
        BigDecimal total = jdbc.sql("select sum(amount) from payment_order where batch_id in (:b)")
                .param("b", batches).query(BigDecimal.class).single();
        call("city-staff", "/api/v1/donations", """
                {"donorKind": "ENTERPRISE", "donorName": "永春县端午茶业有限公司", "fundId": %d, "amount": %s,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(fund, total.toPlainString(),
                LocalDate.now(clock))).andExpect(status().isCreated());
        for (int batch : batches) {
            long waiting = jdbc.sql("select count(*) from payment_order where batch_id = :b and status = 'IN_BATCH'")
                    .param("b", batch).query(Long.class).single();
            call("cashier", "/api/v1/payment-orders/batches/" + batch + "/payment",
                    "{\"bankReference\": \"YC-DRAGON-BOAT-" + batch + "\", \"orders\": " + waiting + "}")
                    .andExpect(status().isOk());
        }
        awaitEvents();

        Map<Long, Map<String, Object>> lines = lines(campaign);
        for (long person : List.of(first, second)) {
            Map<String, Object> line = lines.get(person);
            assertThat(line).containsEntry("status", "PAID");
            String number = jdbc.sql("select number from payment_order where source = 'CARE' and source_ref = :ref")
                    .param("ref", "campaign-" + campaign + "-" + line.get("id")).query(String.class).single();
            assertThat(jdbc.sql("select order_number from campaign_line where id = :id")
                    .param("id", ((Number) line.get("id")).longValue()).query(String.class).single())
                    .isEqualTo(number);
        }
        long paidLines = jdbc.sql("select count(*) from campaign_line where campaign_id = :c and status = 'PAID'")
                .param("c", campaign).query(Long.class).single();
        long paidOrders = jdbc.sql("select count(*) from payment_order where source = 'CARE' and source_kind = 'campaign' "
                + "and source_record_id = :c and status = 'PAID'").param("c", campaign).query(Long.class).single();
        assertThat(paidLines).as("every line its order paid, no other").isEqualTo(paidOrders).isGreaterThanOrEqualTo(2);
        mvc.perform(get(base).with(as("city-staff"))).andExpect(jsonPath("$.paid").value((int) paidLines));
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Campaign' and entity_id = :c "
                        + "and detail like 'paid %'").param("c", String.valueOf(campaign)).query(Long.class).single())
                .as("each line's payment in the campaign's trail").isEqualTo(paidLines);
    }
}
