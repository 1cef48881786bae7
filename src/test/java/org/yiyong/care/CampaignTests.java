package org.yiyong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyong.care.internal.Campaign;

/**
 * Festival condolence campaigns: the roster includes and excludes exactly the right people, each left out
 * with the reason; staff changes carry reasons; approval takes a second person; and the payment batch
 * requests each payment once however often it runs.
 */
class CampaignTests extends CampaignTestBase {

    @Test
    void the_roster_includes_and_excludes_exactly_the_right_people_each_exclusion_with_its_reason() throws Exception {
        long living = registered(unique("林永安"));

        long widow = registered(unique("陈国辉"));
        String spouse = unique("郑秀琴");
        relative(widow, "SPOUSE", spouse, null);
        diedOnDuty(widow, "2019-08-03");

        long orphan = registered(unique("李建新"));
        String child = unique("李小雨");
        relative(orphan, "CHILD", child, "2015-04-20");
        diedOnDuty(orphan, "2021-07-15");

        long alone = registered(unique("黄文彬"));
        String remarried = unique("周美兰");
        relative(alone, "SPOUSE", remarried, null);
        relative(alone, "CHILD", unique("黄志强"), "1990-02-01");
        call("city-staff", "/api/v1/samaritans/" + alone + "/family/" + relativeId(alone, remarried) + "/remarriage",
                "{\"on\": \"2020-05-01\"}").andExpect(status().isOk());
        diedOnDuty(alone, "2018-03-09");

        long lost = registered(unique("苏德明"));
        lostContact(lost);

        long[] revoked = commended(unique("颜文杰"));
        call("city-staff", "/api/v1/honours/" + revoked[1] + "/revocation",
                "{\"reason\": \"经查举荐材料系伪造\", \"document\": \"永见协〔2026〕9号\"}").andExpect(status().isOk());
        long[] honoured = commended(unique("潘志坚"));
        clock.reset();

        LocalDate festival = LocalDate.now(clock).plusDays(60);
        long campaign = campaign("SPRING_FESTIVAL", festival);
        Map<Long, Map<String, Object>> lines = lines(campaign);

        assertThat(lines.get(living)).containsEntry("status", "INCLUDED").containsEntry("category", "OTHER")
                .containsEntry("amount", 1500.0).containsEntry("reason", "RULE");
        assertThat(lines.get(widow)).containsEntry("status", "INCLUDED").containsEntry("category", "DECEASED_FAMILY")
                .containsEntry("amount", 3000.0).containsEntry("payeeName", spouse)
                .containsEntry("payeeRelation", "SPOUSE");
        assertThat(lines.get(orphan)).containsEntry("status", "INCLUDED").containsEntry("payeeName", child)
                .containsEntry("payeeRelation", "CHILD");
        assertThat(lines.get(alone)).containsEntry("status", "EXCLUDED").containsEntry("reason", "NO_SURVIVOR");
        assertThat((String) lines.get(alone).get("reasonText")).isNotBlank();
        assertThat(lines.get(lost)).containsEntry("status", "EXCLUDED").containsEntry("reason", "LOST_CONTACT")
                .containsEntry("conductCheckRequired", true);
        assertThat(lines.get(revoked[0])).containsEntry("status", "EXCLUDED")
                .containsEntry("reason", "HONOUR_REVOKED");
        assertThat(lines.get(honoured[0])).containsEntry("status", "INCLUDED").containsEntry("category", "OTHER");
        assertThat(jdbc.sql("select count(*) from campaign_line where campaign_id = :c and region_code <> :r")
                .param("c", campaign).param("r", YONGCHUN).query(Long.class).single())
                .as("only people of the county").isZero();

        // the roster page, a page at a time from the database: who is left out, who awaits a check
        String out = mvc.perform(get("/campaigns/{id}", campaign).param("filter", "out").with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(out).contains("/samaritans/" + lost + "\"", "/samaritans/" + alone + "\"")
                .doesNotContain("/samaritans/" + living + "\"");
        String check = mvc.perform(get("/campaigns/{id}", campaign).param("filter", "check").with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("/samaritans/" + lost + "\"").doesNotContain("/samaritans/" + alone + "\"");
        assertThat(mvc.perform(get("/campaigns/{id}", campaign).param("filter", "in").param("page", "50")
                .with(as("city-staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .as("past the last page: no one").contains("没有人员").doesNotContain("/samaritans/" + living + "\"");

        // a recorded check of recent good conduct brings the lost-contact person in
        long lostLine = ((Number) lines.get(lost).get("id")).longValue();
        call("city-staff", "/api/v1/campaigns/" + campaign + "/lines/" + lostLine + "/conduct-check",
                "{\"note\": \"\", \"good\": true}").andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/campaigns/" + campaign + "/lines/" + lostLine + "/conduct-check",
                "{\"note\": \"经桃城派出所核实，近三年无违法犯罪记录\", \"good\": true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("INCLUDED"))
                .andExpect(jsonPath("$.conductCheckedBy").value("city-staff"));

        // a person is never on the same campaign twice; staff changes carry a reason
        call("city-staff", "/api/v1/campaigns/" + campaign + "/lines",
                "{\"samaritanId\": " + living + ", \"reason\": \"重复添加\"}").andExpect(status().isConflict());
        call("city-staff", "/api/v1/campaigns/" + campaign + "/refresh", "{}").andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from campaign_line where campaign_id = :c and samaritan_id = :s")
                .param("c", campaign).param("s", living).query(Long.class).single()).isEqualTo(1);
        call("city-staff", "/api/v1/campaigns/" + campaign + "/lines",
                "{\"samaritanId\": " + alone + ", \"reason\": \"\"}").andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/campaigns/" + campaign + "/lines",
                "{\"samaritanId\": " + alone + ", \"reason\": \"继子黄志强照顾其母，会议决定慰问\", \"payeeName\": \"黄志强\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("INCLUDED"))
                .andExpect(jsonPath("$.reason").value("ADDED_BY_STAFF"))
                .andExpect(jsonPath("$.manual").value(true));
        long livingLine = ((Number) lines.get(living).get("id")).longValue();
        call("city-staff", "/api/v1/campaigns/" + campaign + "/lines/" + livingLine + "/removal",
                "{\"reason\": \"已随省基金会慰问\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REMOVED"))
                .andExpect(jsonPath("$.reasonText").value("已随省基金会慰问"));

        // outside the scope the campaign does not exist
        mvc.perform(get("/api/v1/campaigns/{id}", campaign).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/{id}", campaign).with(as("leader"))).andExpect(status().isOk());
        call("leader", "/api/v1/campaigns/" + campaign + "/submission", "{}").andExpect(status().isForbidden());
        assertThat(auditedActions("city-staff", "Campaign", campaign)).contains("CREATE", "UPDATE");
        mvc.perform(get("/campaigns/{id}", campaign).with(as("city-staff"))).andExpect(status().isOk());
        mvc.perform(get("/campaigns").with(as("city-staff"))).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                select count(*) from campaign where festival = 'SPRING_FESTIVAL' and region_code = '350500'
                and status = 'SUBMITTED' and created_by = 'city-staff'""").query(Long.class).single())
                .as("the demo campaign awaits approval").isEqualTo(1);
    }

    @Test
    void running_the_payment_batch_twice_creates_each_payment_order_once() throws Exception {
        long first = registered(unique("林春生"));
        long second = registered(unique("吴丽珍"));
        long lost = registered(unique("张清水"));
        lostContact(lost);

        long campaign = campaign("MID_AUTUMN", LocalDate.now(clock).plusDays(30));
        String base = "/api/v1/campaigns/" + campaign;
        call("city-staff", base + "/payment-batch", "{}").andExpect(status().isConflict());
        // the lost-contact person added by hand still needs a conduct check before paying
        call("city-staff", base + "/lines", "{\"samaritanId\": " + lost + ", \"reason\": \"家属称其在外务工，会长同意慰问\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.conductCheckRequired").value(true));
        call("city-staff", base + "/submission", "{}").andExpect(status().isOk());
        call("city-staff", base + "/approval", "{\"documentNumber\": \"永见协〔2026〕12号\"}")
                .andExpect(status().isConflict());
        call("city-police", base + "/approval", "{\"documentNumber\": \"\"}").andExpect(status().isBadRequest());
        call("city-police", base + "/approval", "{\"documentNumber\": \"永见协〔2026〕12号\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        call("city-staff", base + "/payment-batch", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
        assertThat(orders(campaign)).as("nothing sent while a check is missing").isZero();

        // every line still waiting for a check (other people of the county too) gets one
        java.util.List<Map<String, Object>> included = pages(base + "/lines", "INCLUDED");
        for (Map<String, Object> line : included) {
            if (Boolean.TRUE.equals(line.get("conductCheckRequired")) && !Boolean.TRUE.equals(line.get("conductGood"))) {
                call("city-staff", base + "/lines/" + line.get("id") + "/conduct-check",
                        "{\"note\": \"村委会证明近期表现良好\", \"good\": true}").andExpect(status().isOk());
            }
        }
        long toPay = jdbc.sql("select count(*) from campaign_line where campaign_id = :c and status = 'INCLUDED'")
                .param("c", campaign).query(Long.class).single();
        assertThat(toPay).isGreaterThanOrEqualTo(3);

        String sent = call("city-staff", base + "/payment-batch", "{}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(sent, "$.sent")).longValue()).isEqualTo(toPay);
        awaitEvents();
        assertThat(orders(campaign)).isEqualTo(toPay);

        call("city-police", base + "/payment-batch", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.sent").value(0));
        awaitEvents();
        assertThat(orders(campaign)).as("each payment order once").isEqualTo(toPay);
        assertThat(jdbc.sql("""
                select count(*) from (select source_ref from payment_order where source = 'CARE'
                and source_ref like :ref group by source_ref having count(*) > 1) twice""")
                .param("ref", "campaign-" + campaign + "-%").query(Long.class).single()).isZero();
        Map<Long, Map<String, Object>> lines = lines(campaign);
        assertThat(lines.get(first)).containsEntry("status", "SENT");
        assertThat(lines.get(second)).containsEntry("status", "SENT");

        // paid by the funds: the line is marked paid, once
        long line = ((Number) lines.get(first).get("id")).longValue();
        long order = jdbc.sql("select id from payment_order where source = 'CARE' and source_ref = :ref")
                .param("ref", "campaign-" + campaign + "-" + line).query(Long.class).single();
        assertThat(jdbc.sql("select amount from payment_order where id = :id").param("id", order)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1500");
        long fund = jdbc.sql("select fund_id from payment_order where id = :id").param("id", order)
                .query(Long.class).single();
        call("city-staff", "/api/v1/donations", """
                {"donorKind": "ENTERPRISE", "donorName": "永春县测试茶业有限公司", "fundId": %d, "amount": 1500,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(fund, LocalDate.now(clock)))
                .andExpect(status().isCreated());
        // the payee's account, recorded on the order before review (no batch pays an order without one)
        call("city-staff", "/api/v1/payment-orders/" + order + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "永春农商银行", "payeeAccountNumber": "6230661234500001"}""")
                .andExpect(status().isOk());
        call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call("cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"YC-MID-AUTUMN-1\"}")
                .andExpect(status().isOk());
        awaitEvents();
        assertThat(lines(campaign).get(first)).containsEntry("status", "PAID");
        mvc.perform(get(base).with(as("city-staff"))).andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.paid").value(1));
    }

    private long orders(long campaign) {
        return jdbc.sql("select count(*) from payment_order where source = 'CARE' and source_ref like :ref")
                .param("ref", "campaign-" + campaign + "-%").query(Long.class).single();
    }
}
