package org.yiyong.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.leads.internal.ReporterMessages;

/**
 * From a citizen's tip to a reward paid, each step's user finds the step in their to-do list (待办) — the
 * county's staff who triage the tip, the investigator of the station it was sent to, the committee member, the city staff who
 * approve and grant, the county's finance reviewer and cashier — and it leaves the list once done; nobody
 * else is given it. What a user did is in their done list (已办). The citizen who agreed to it is told by SMS
 * as the deed is accepted, confirmed and its reward paid, once each.
 */
class ToDoJourneyTests extends FullStackTest {

    @Autowired
    ReporterMessages reporters;

    private static final String JINJIANG = "350582";

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The kinds of the user's tasks about one page. */
    private List<String> tasks(String user, String path) throws Exception {
        String body = mvc.perform(get("/api/v1/tasks").with(as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return JsonPath.read(body, "$.tasks[?(@.path == '%s')].kind".formatted(path));
    }

    /** The subjects of the SMS sent to the reporter, in order. */
    private List<String> toldReporter(String phone) {
        return jdbc.sql("select subject from outbound_message where address = :a and channel = 'SMS' order by id")
                .param("a", phone).query(String.class).list();
    }

    private String html(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private void step(String user, String path, String body) throws Exception {
        call(user, path, body).andExpect(status().is2xxSuccessful());
    }

    @Test
    void each_step_from_a_tip_to_a_paid_reward_waits_in_the_list_of_the_one_who_takes_it() throws Exception {
        // a citizen's tip through the public form: the county's staff find it to triage and take it up; the
        // reporter agreed to be told by SMS
        String reporterPhone = "138" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        String actorName = unique("洪");
        var sent = mvc.perform(multipart("/public/leads/new").param("narrative", "池店镇溪边有人跳水救起落水儿童，请核实表彰。")
                        .param("occurredOn", clock.today().minusDays(1).toString()).param("occurredTime", "16:30")
                        .param("regionCode", JINJIANG).param("address", "晋江市池店镇溪边")
                        .param("reporterPhone", reporterPhone).param("smsConsent", "true")
                        .with(csrf()).with(request -> {
                            request.setRemoteAddr("10.88.1." + (System.nanoTime() % 200 + 1));
                            return request;
                        }))
                .andExpect(status().isOk()).andReturn();
        String code = (String) sent.getModelAndView().getModel().get("trackingCode");
        long lead = jdbc.sql("select id from lead where tracking_code = :code").param("code", code)
                .query(Long.class).single();
        assertThat(tasks("jinjiang-staff", "/leads/" + lead)).containsExactly("lead.triage");
        assertThat(tasks("nanan-staff", "/leads/" + lead)).isEmpty();
        String accepted = call("jinjiang-staff", "/api/v1/leads/" + lead + "/acceptance", """
                {"category": "RESCUE", "title": "%s", "occurredAt": "%sT16:30:00", "address": "晋江市池店镇溪边",
                 "narrative": "群众反映：有人跳水救起落水儿童。",
                 "participants": [{"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                .formatted(unique("救人"), clock.today().minusDays(1), actorName))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tasks("jinjiang-staff", "/leads/" + lead)).as("triaged").isEmpty();
        long deed = ((Number) JsonPath.read(accepted, "$.deedId")).longValue();
        String created = mvc.perform(get("/api/v1/deeds/{id}", deed).with(as("jinjiang-staff"))).andReturn()
                .getResponse().getContentAsString();
        List<Integer> actors = JsonPath.read(created, "$.participants[?(@.role == 'ACTOR')].id");
        int actor = actors.get(0);
        String page = "/deeds/" + deed;
        String api = "/api/v1/deeds/" + deed + "/";

        assertThat(tasks("jinjiang-staff", page)).containsExactly("deed.accept");
        assertThat(tasks("nanan-staff", page)).isEmpty();
        reporters.followUp();
        assertThat(toldReporter(reporterPhone)).as("registered, not yet accepted").isEmpty();
        step("jinjiang-staff", api + "accept", "{\"acceptedOn\": \"%s\"}".formatted(clock.today()));
        reporters.followUp();
        reporters.followUp();
        assertThat(toldReporter(reporterPhone)).containsExactly("事迹已受理");
        assertThat(tasks("jinjiang-staff", page)).containsExactly("deed.assign");
        String due = JsonPath.<List<String>>read(mvc.perform(get("/api/v1/tasks").with(as("jinjiang-staff")))
                .andReturn().getResponse().getContentAsString(), "$.tasks[?(@.path == '%s')].due".formatted(page))
                .get(0);
        assertThat(due).as("the decision's deadline").isNotNull();

        assertThat(html("jinjiang-staff", page)).contains("id=\"investigator\"", "施文辉（晋江市公安局青阳派出所）");
        // the investigation goes to one investigator of the station, by name: not to a colleague
        String colleague = staffOf("JJ-PS-QY", "INVESTIGATOR");
        call("jinjiang-staff", api + "investigation", """
                {"organizationId": %d, "investigators": "民警 施", "investigator": "%s"}""".formatted(
                organizationId("JJ-PS-QY"), colleague.replace("staff", "nobody")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("investigator"));
        call("jinjiang-staff", api + "investigation", """
                {"organizationId": %d, "investigators": "民警 施", "investigator": "investigator-jinjiang"}"""
                .formatted(organizationId("JJ-PS-AH"))).andExpect(status().isBadRequest());
        step("jinjiang-staff", api + "investigation", """
                {"organizationId": %d, "investigator": "investigator-jinjiang"}""".formatted(organizationId("JJ-PS-QY")));
        assertThat(tasks("jinjiang-staff", page)).isEmpty();
        assertThat(tasks("investigator-jinjiang", page)).containsExactly("deed.investigate");
        assertThat(tasks(colleague, page)).as("given to another investigator by name").isEmpty();
        assertThat(html("jinjiang-staff", page)).contains("承办调查员：施文辉");
        String recommendation = "{\"participantId\": %d, \"outcome\": \"CONFIRM\"}".formatted(actor);
        step("investigator-jinjiang", api + "investigation/report",
                "{\"summary\": \"查实\", \"recommendations\": [" + recommendation + "]}");
        assertThat(tasks("investigator-jinjiang", page)).isEmpty();

        assertThat(tasks("committee-1", page)).containsExactly("deed.opinion");
        // the county's police bureau proposes and decides, not the association's staff
        assertThat(tasks("jinjiang-police", page)).containsExactly("deed.propose");
        assertThat(tasks("jinjiang-staff", page)).isEmpty();
        step("committee-1", api + "review/opinions", "{\"opinion\": \"同意确认。\"}");
        assertThat(tasks("committee-1", page)).isEmpty();
        step("jinjiang-police", api + "review/proposal", "{\"proposals\": [" + recommendation + "]}");
        step("jinjiang-staff", api + "notice", "{}");
        assertThat(tasks("jinjiang-staff", page)).as("the notice runs its course first").isEmpty();
        // the deed's page shows where it stands, and offers to close the notice only once it has run
        String during = html("jinjiang-police", page);
        assertThat(during).containsPattern("<li[^>]*class=\"current\"[^>]*>公示</li>").contains("id=\"notice-running\"")
                .doesNotContain("id=\"close-notice\"");
        clock.advance(Duration.ofDays(8));
        assertThat(html("jinjiang-police", page)).contains("id=\"close-notice\"").doesNotContain("id=\"notice-running\"");
        assertThat(tasks("jinjiang-staff", page)).containsExactly("deed.close-notice");
        step("jinjiang-staff", api + "notice/close", "{}");
        assertThat(tasks("jinjiang-staff", page)).isEmpty();
        assertThat(tasks("jinjiang-police", page)).containsExactly("deed.decide");
        step("jinjiang-police", api + "decision", "{\"outcomes\": [{\"participantId\": %d, \"outcome\": \"CONFIRMED\"}]}"
                .formatted(actor));
        assertThat(tasks("jinjiang-staff", page)).containsExactly("deed.deliver");
        step("jinjiang-staff", api + "delivery", "{\"deliveredOn\": \"%s\", \"method\": \"IN_PERSON\", \"recipient\": \"本人\"}"
                .formatted(clock.today()));
        assertThat(tasks("jinjiang-staff", page)).isEmpty();
        awaitEvents();
        reporters.followUp();
        assertThat(toldReporter(reporterPhone)).containsExactly("事迹已受理", "事迹已确认为见义勇为");
        // the deed's page opens with its last five steps; the earlier ones fold away
        String history = html("jinjiang-staff", page);
        String earlier = history.substring(history.indexOf("id=\"timeline-earlier\""), history.indexOf("</details>",
                history.indexOf("id=\"timeline-earlier\"")));
        assertThat(earlier).contains("显示更早的", "登记", "受理").doesNotContain("送达决定书");
        assertThat(history.substring(history.indexOf("</details>", history.indexOf("id=\"timeline-earlier\""))))
                .contains("送达决定书", "作出决定");

        // a county commendation: proposed by the county, approved and granted by the city
        long samaritan = jdbc.sql("select samaritan_id from samaritan_deed where participant_id = :p")
                .param("p", actor).query(Long.class).single();
        String proposed = call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "COUNTY_COMMENDATION", "reason": "救起落水儿童"}"""
                .formatted(samaritan, deed)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        long honour = ((Number) JsonPath.read(proposed, "$.id")).longValue();
        String profile = "/samaritans/" + samaritan + "#honours";
        assertThat(tasks("jinjiang-staff", profile)).as("not for the one who proposed it").isEmpty();
        assertThat(tasks("city-staff", profile)).containsExactly("honour.approve");
        step("city-staff", "/api/v1/honours/" + honour + "/approval", "{}");
        assertThat(tasks("city-staff", profile)).containsExactly("honour.grant");
        step("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"晋见协〔2026〕88号\"}");
        assertThat(tasks("city-staff", profile)).isEmpty();
        awaitEvents();

        // its reward through the county's fund: reviewed, batched, paid
        long request = jdbc.sql("select id from reward_payment_request where honour_id = :h and kind = 'PAYMENT'")
                .param("h", honour).query(Long.class).single();
        long order = jdbc.sql("select id from payment_order where source = 'HONOURS' and source_ref = :ref")
                .param("ref", "reward-" + request).query(Long.class).single();
        String orderPage = "/payment-orders/" + order;
        step("jinjiang-staff", "/api/v1/payment-orders/" + order + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "晋江农商银行", "payeeAccountNumber": "6231234500007311"}""");
        assertThat(tasks("jinjiang-finance", orderPage)).containsExactly("payment.review");
        assertThat(tasks("jinjiang-cashier", orderPage)).isEmpty();
        step("jinjiang-finance", "/api/v1/payment-orders/" + order + "/approval", "{}");
        assertThat(tasks("jinjiang-finance", orderPage)).isEmpty();
        assertThat(tasks("jinjiang-cashier", orderPage)).containsExactly("payment.batch");
        String batch = call("jinjiang-cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String batchPage = "/payment-orders/batches/" + ((Number) JsonPath.read(batch, "$.id")).longValue();
        assertThat(tasks("jinjiang-cashier", orderPage)).isEmpty();
        assertThat(tasks("jinjiang-cashier", batchPage)).containsExactly("payment.pay");
        step("jinjiang-cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"TODO-" + order + "\"}");
        assertThat(tasks("jinjiang-cashier", batchPage)).isEmpty();
        awaitEvents();
        reporters.followUp();
        assertThat(toldReporter(reporterPhone)).containsExactly("事迹已受理", "事迹已确认为见义勇为", "奖励已发放");

        // what they did is in their done list, linking to its page
        String done = mvc.perform(get("/api/v1/tasks/done").with(as("jinjiang-cashier"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(done, "$[*].path")).contains(orderPage);
        List<Map<String, Object>> investigator = JsonPath.read(mvc.perform(get("/api/v1/tasks/done")
                .with(as("investigator-jinjiang"))).andReturn().getResponse().getContentAsString(), "$");
        assertThat(investigator).anySatisfy(item -> assertThat(item.get("path")).isEqualTo(page));
    }

    @Test
    void the_page_the_home_page_and_the_badge_show_the_same_tasks() throws Exception {
        String body = mvc.perform(get("/api/v1/tasks").with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int count = JsonPath.read(body, "$.count");
        List<String> leads = JsonPath.read(body, "$.tasks[?(@.kind == 'lead.triage')].path");
        long awaiting = jdbc.sql("select count(*) from lead where region_code in ('350582') "
                + "and status in ('NEW', 'IN_TRIAGE')").query(Long.class).single();
        assertThat((long) leads.size()).as("every lead waiting to be triaged").isEqualTo(awaiting);
        String page = mvc.perform(get("/tasks").with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page.split("data-kind=\"", -1).length - 1).isEqualTo(count);
        String badge = mvc.perform(get("/tasks/count").with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        if (count > 0) {
            assertThat(badge).contains(">" + count + "<");
        } else {
            assertThat(badge).doesNotContain("task-count");
        }
        assertThat(mvc.perform(get("/").with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString())
                .contains("id=\"my-tasks\"");
        // a leader has nothing to do here: no badge, an empty list
        assertThat(mvc.perform(get("/tasks/count").with(as("leader"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("task-count");
    }
}
