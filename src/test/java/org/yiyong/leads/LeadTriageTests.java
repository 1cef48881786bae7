package org.yiyong.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.leads.internal.Lead;

/** Staff decide on leads of their scope once: as a new deed, merged into a deed, or not taken up. */
class LeadTriageTests extends LeadTestSupport {

    private long newJinjiangLead(String narrative) throws Exception {
        return leadId(trackingCode(submit(freshAddress(), jinjiangLead(narrative), photo("现场照片.jpg"))));
    }

    private String codeOf(long id) {
        return jdbc.sql("select tracking_code from lead where id = :id").param("id", id).query(String.class).single();
    }

    private ResultActions api(String username, long id, String step, String json) throws Exception {
        return mvc.perform(post("/api/v1/leads/{id}/{step}", id, step).with(as(username))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String acceptance(String actorName, boolean notADuplicate) {
        return """
                {"category": "RESCUE", "title": "跳入河中救起落水儿童", "occurredAt": "%s",
                 "address": "晋江市安海镇安平桥东侧", "narrative": "群众反映：有人跳河救起落水儿童。",
                 "participants": [{"role": "ACTOR", "name": "%s"}], "notADuplicate": %s}"""
                .formatted(java.time.LocalDateTime.now(clock).minusDays(1).withHour(18)
                        .withMinute(30).withSecond(0).withNano(0), actorName, notADuplicate);
    }

    private long registeredJinjiangDeed() throws Exception {
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "%s", "address": "晋江市安海镇", "title": "救起落水老人",
                                 "narrative": "派出所报告有人救起落水老人。",
                                 "participants": [{"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                                .formatted(java.time.LocalDateTime.now(clock).minusDays(3)
                                        .withSecond(0).withNano(0), unique("洪"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String publicStatus(long lead) throws Exception {
        return mvc.perform(get("/public/leads/status").param("code", codeOf(lead)).with(from(freshAddress())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void the_reporter_follows_the_deed_to_its_decision_and_honour_without_learning_who_acted() throws Exception {
        long lead = newJinjiangLead("安平桥下有人跳河救起落水儿童，请核实表彰。");
        String actor = unique("施");
        String body = api("jinjiang-staff", lead, "acceptance", acceptance(actor, true)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long deed = ((Number) JsonPath.read(body, "$.deedId")).longValue();
        assertThat(publicStatus(lead)).contains("id=\"deed-progress\"").doesNotContain("id=\"decision-outcome\"");

        String steps = "/api/v1/deeds/" + deed + "/";
        String created = mvc.perform(get("/api/v1/deeds/{id}", deed).with(as("jinjiang-staff"))).andReturn()
                .getResponse().getContentAsString();
        int participant = JsonPath.read(created, "$.participants[0].id");
        String confirm = "[{\"participantId\": %d, \"outcome\": \"CONFIRM\"}]".formatted(participant);
        mvc.perform(post(steps + "accept").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"acceptedOn\": \"%s\"}".formatted(today()))).andExpect(status().isOk());
        assertThat(publicStatus(lead).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ")).contains("受理 " + today());
        mvc.perform(post(steps + "investigation").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"organizationId\": %d, \"investigators\": \"民警\"}".formatted(organizationId("JJ-PS-QY"))))
                .andExpect(status().isOk());
        mvc.perform(post(steps + "investigation/report").with(as("investigator-jinjiang"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\": \"查实\", \"recommendations\": " + confirm + "}")).andExpect(status().isOk());
        mvc.perform(post(steps + "review/proposal").with(as("jinjiang-police")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"proposals\": " + confirm + "}")).andExpect(status().isOk());
        mvc.perform(post(steps + "notice").with(as("jinjiang-police")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isOk());
        assertThat(publicStatus(lead)).contains("/public/notices", "查看公示");
        clock.advance(java.time.Duration.ofDays(8));
        mvc.perform(post(steps + "notice/close").with(as("jinjiang-police")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isOk());
        mvc.perform(post(steps + "decision").with(as("jinjiang-police")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcomes\": " + confirm.replace("\"CONFIRM\"", "\"CONFIRMED\"") + "}"))
                .andExpect(status().isOk());
        awaitEvents();
        assertThat(publicStatus(lead)).contains("确认见义勇为 1 人，不予确认 0 人。", "15 日内申请复核");

        long samaritan = jdbc.sql("select samaritan_id from samaritan_deed where participant_id = :p")
                .param("p", participant).query(Long.class).single();
        String honour = mvc.perform(post("/api/v1/honours").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"samaritanId\": %d, \"deedId\": %d, \"titleCode\": \"COUNTY_COMMENDATION\", \"reason\": \"救人\"}"
                        .formatted(samaritan, deed))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        long honourId = ((Number) JsonPath.read(honour, "$.id")).longValue();
        mvc.perform(post("/api/v1/honours/{id}/approval", honourId).with(as("city-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/honours/{id}/grant", honourId).with(as("city-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"documentNumber\": \"晋见协〔2026〕90号\"}"))
                .andExpect(status().isOk());
        String last = publicStatus(lead);
        assertThat(last).contains("id=\"honour-titles\"", "见义勇为嘉奖（县级）");
        assertThat(last).as("the people are not the reporter's to know").doesNotContain(actor);
    }

    @Test
    void a_lead_taken_up_becomes_a_deed_from_a_public_lead_with_its_photos() throws Exception {
        long id = newJinjiangLead("安平桥下有人跳河救起落水儿童。");
        api("jinjiang-staff", id, "take-up", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_TRIAGE"));

        String body = api("jinjiang-staff", id, "acceptance", acceptance(unique("施"), true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.deedNumber", matchesPattern("350582-\\d{4}-\\d{4}")))
                .andReturn().getResponse().getContentAsString();
        long deedId = ((Number) JsonPath.read(body, "$.deedId")).longValue();
        String number = JsonPath.read(body, "$.deedNumber");

        mvc.perform(get("/api/v1/deeds/{id}", deedId).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("PUBLIC_LEAD"))
                .andExpect(jsonPath("$.receivedOn").value(today().toString()));
        assertThat(jdbc.sql("select file_name from attachment where owner_type = 'Deed' and owner_id = :id")
                .param("id", deedId).query(String.class).list()).containsExactly("现场照片.jpg");
        mvc.perform(get("/leads/{id}", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("已登记为案件")));
        assertThat(auditedActions("jinjiang-staff", "Lead", id)).containsExactly("UPDATE", "UPDATE");

        mvc.perform(get("/public/leads/status").param("code", codeOf(id)).with(from(freshAddress())))
                .andExpect(content().string(containsString("已登记为案件")))
                .andExpect(content().string(not(containsString(number))));
    }

    @Test
    void the_acceptance_form_starts_from_the_lead_and_shows_what_is_missing() throws Exception {
        long id = newJinjiangLead("表单受理：路人拦下失控的电动车。");
        mvc.perform(get("/leads/{id}/acceptance", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("表单受理：路人拦下失控的电动车。")))
                .andExpect(content().string(containsString("晋江市安海镇安平桥东侧")));
        mvc.perform(post("/leads/{id}/acceptance", id).with(as("jinjiang-staff")).with(csrf())
                        .param("category", "RESCUE").param("title", "")
                        .param("occurredAt", today().minusDays(1) + "T18:30")
                        .param("address", "晋江市安海镇").param("narrative", "经过")
                        .param("participants[0].role", "ACTOR").param("participants[0].name", "蔡某"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("有几处内容需要修改")))
                .andExpect(content().string(containsString("此项必须填写。")));
        mvc.perform(post("/leads/{id}/acceptance", id).with(as("jinjiang-staff")).with(csrf())
                        .param("category", "RESCUE").param("title", "拦下失控电动车")
                        .param("occurredAt", today().minusDays(1) + "T18:30")
                        .param("address", "晋江市安海镇").param("narrative", "经过")
                        .param("participants[0].role", "ACTOR").param("participants[0].name", unique("蔡")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from lead where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void a_possible_duplicate_is_shown_before_the_deed_is_registered() throws Exception {
        String actor = unique("许");
        long first = newJinjiangLead("重复检查一");
        api("jinjiang-staff", first, "acceptance", acceptance(actor, true)).andExpect(status().isOk());
        long second = newJinjiangLead("重复检查二");
        api("jinjiang-staff", second, "acceptance", acceptance(actor, false))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("可能重复")));
        assertThat(jdbc.sql("select status from lead where id = :id").param("id", second).query(String.class)
                .single()).isEqualTo("NEW");
        mvc.perform(post("/leads/{id}/acceptance", second).with(as("jinjiang-staff")).with(csrf())
                        .param("category", "RESCUE").param("title", "跳入河中救起落水儿童")
                        .param("occurredAt", today().minusDays(1) + "T18:30")
                        .param("address", "晋江市安海镇").param("narrative", "经过")
                        .param("participants[0].role", "ACTOR").param("participants[0].name", actor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"duplicates\"")))
                .andExpect(content().string(containsString("这不是重复案件")));
    }

    @Test
    void a_lead_merged_into_a_deed_on_file_shows_on_the_deed_timeline() throws Exception {
        long deedId = registeredJinjiangDeed();
        String number = JsonPath.read(mvc.perform(get("/api/v1/deeds/{id}", deedId).with(as("jinjiang-staff")))
                .andReturn().getResponse().getContentAsString(), "$.number");
        long id = newJinjiangLead("同一件事，我也看到了。");

        mvc.perform(post("/leads/{id}/merge", id).with(as("jinjiang-staff")).with(csrf())
                        .param("deedNumber", "350582-1999-0001"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from lead where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("NEW");

        mvc.perform(post("/leads/{id}/merge", id).with(as("jinjiang-staff")).with(csrf())
                        .param("deedNumber", " " + number + " "))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/deeds/{id}", deedId).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.timeline[*].kind", hasItem("LEAD_MERGED")))
                .andExpect(jsonPath("$.timeline[*].detail", hasItem(codeOf(id))));
        mvc.perform(get("/api/v1/leads/{id}", id).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("MERGED"))
                .andExpect(jsonPath("$.deedNumber").value(number));
        assertThat(auditedActions("jinjiang-staff", "Lead", id)).containsExactly("UPDATE");
        mvc.perform(get("/public/leads/status").param("code", codeOf(id)).with(from(freshAddress())))
                .andExpect(content().string(containsString("已并入已有案件")));
    }

    @Test
    void a_nanan_deed_number_cannot_be_used_for_a_jinjiang_lead() throws Exception {
        String nanan = jdbc.sql("select number from deed where region_code = '350583' order by id limit 1")
                .query(String.class).single();
        long id = newJinjiangLead("并入别的县的案件");
        api("jinjiang-staff", id, "merge", "{\"deedNumber\": \"" + nanan + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deedNumber"));
    }

    @Test
    void a_lead_not_taken_up_shows_the_reason_to_the_reporter_and_cannot_be_decided_again() throws Exception {
        long id = newJinjiangLead("不予采纳的线索");
        mvc.perform(post("/leads/{id}/rejection", id).with(as("jinjiang-staff")).with(csrf()).param("reason", " "))
                .andExpect(status().is3xxRedirection());
        api("jinjiang-staff", id, "rejection", "{\"reason\": \"" + "长".repeat(501) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        mvc.perform(post("/leads/{id}/rejection", id).with(as("jinjiang-staff")).with(csrf())
                        .param("reason", "经核实，事发地在外省，已转告当地。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/leads/status").param("code", codeOf(id)).with(from(freshAddress())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不予采纳")))
                .andExpect(content().string(containsString("经核实，事发地在外省，已转告当地。")))
                .andExpect(content().string(not(containsString("不予采纳的线索"))));

        api("jinjiang-staff", id, "rejection", "{\"reason\": \"再来一次\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已经处理过了")));
        api("jinjiang-staff", id, "acceptance", acceptance(unique("林"), true))
                .andExpect(status().isConflict());
        mvc.perform(post("/leads/{id}/merge", id).with(as("jinjiang-staff")).with(csrf())
                        .param("deedNumber", "350582-2026-0001"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已经处理过了")));
        mvc.perform(get("/leads/{id}/acceptance", id).with(as("jinjiang-staff")))
                .andExpect(status().isConflict());
        assertThat(auditedActions("jinjiang-staff", "Lead", id)).containsExactly("UPDATE");
        assertThat(jdbc.sql("select rejection_reason from lead where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("经核实，事发地在外省，已转告当地。");
    }

    @Test
    void nanan_staff_can_neither_see_nor_decide_on_a_jinjiang_lead() throws Exception {
        long id = newJinjiangLead("南安看不到的晋江线索");
        mvc.perform(get("/leads/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/leads/{id}/rejection", id).with(as("nanan-staff")).with(csrf()).param("reason", "越权"))
                .andExpect(status().isNotFound());
        api("nanan-staff", id, "rejection", "{\"reason\": \"越权\"}").andExpect(status().isNotFound());
        api("nanan-staff", id, "acceptance", acceptance(unique("黄"), true)).andExpect(status().isNotFound());
        mvc.perform(get("/leads").param("q", "南安看不到的晋江线索").with(as("nanan-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 0 条")))
                .andExpect(content().string(not(containsString(codeOf(id)))));
        mvc.perform(get("/api/v1/leads").param("q", "南安看不到的晋江线索").with(as("nanan-staff")))
                .andExpect(jsonPath("$.total").value(0));
        long file = jdbc.sql("select id from attachment where owner_type = 'Lead' and owner_id = :id")
                .param("id", id).query(Long.class).single();
        mvc.perform(get("/files/{id}", file).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/files/{id}", file).with(as("jinjiang-staff"))).andExpect(status().isOk());

        assertThat(auditedActions("nanan-staff", "Lead", id)).contains("ACCESS_DENIED");
        assertThat(jdbc.sql("select status from lead where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("NEW");
        mvc.perform(get("/leads").param("q", "南安看不到的晋江线索").with(as("city-staff")))
                .andExpect(content().string(containsString("南安看不到的晋江线索")));
    }

    @Test
    void only_bureau_staff_decide_and_others_may_not_even_list() throws Exception {
        long id = newJinjiangLead("调查人员不能处理");
        mvc.perform(get("/leads").with(as("investigator-jinjiang"))).andExpect(status().isForbidden());
        api("investigator-jinjiang", id, "rejection", "{\"reason\": \"无权\"}").andExpect(status().isForbidden());
        mvc.perform(get("/leads/{id}", id).with(as("leader"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"triage\""))));
        api("leader", id, "rejection", "{\"reason\": \"只读\"}").andExpect(status().isForbidden());
    }

    @Test
    void a_script_in_the_lead_is_shown_as_text_to_staff() throws Exception {
        Map<String, String> fields = new HashMap<>(jinjiangLead("<script>alert(1)</script>"));
        fields.put("peopleInvolved", "<img src=x onerror=alert(2)>");
        long id = leadId(trackingCode(submit(freshAddress(), fields)));
        mvc.perform(get("/leads/{id}", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
        mvc.perform(get("/leads").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void the_list_filters_by_status_region_and_text() throws Exception {
        long id = newJinjiangLead("列表筛选用的线索");
        mvc.perform(get("/leads").param("status", "NEW").param("q", "列表筛选用的").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(codeOf(id))));
        mvc.perform(get("/leads").param("status", "REJECTED").param("q", "列表筛选用的").with(as("jinjiang-staff")))
                .andExpect(content().string(not(containsString(codeOf(id)))));
        mvc.perform(get("/api/v1/leads").param("status", "NEW").param("regionCode", "350582")
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].trackingCode", hasItem(codeOf(id))));
    }

    @Test
    void the_workbench_counts_the_leads_awaiting_a_decision_in_scope() throws Exception {
        newJinjiangLead("工作台计数用的线索");
        long awaiting = jdbc.sql("select count(*) from lead where region_code = '350582'"
                + " and status in ('NEW', 'IN_TRIAGE')").query(Long.class).single();
        mvc.perform(get("/").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<div class=\"yy-count text-danger\" id=\"count-leads\">"
                        + awaiting + "</div>")));
        mvc.perform(get("/").with(as("sysadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"count-leads\""))));
    }

    @Test
    void the_demo_has_leads_in_every_status() {
        assertThat(jdbc.sql("select distinct status from lead").query(String.class).list())
                .contains("NEW", "IN_TRIAGE", "ACCEPTED", "MERGED", "REJECTED");
        assertThat(jdbc.sql("""
                select count(*) from deed_event e join lead l on l.deed_id = e.deed_id
                where l.status = 'MERGED' and e.kind = 'LEAD_MERGED' and e.detail = l.tracking_code""")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select d.source from deed d join lead l on l.deed_id = d.id where l.status = 'ACCEPTED'""")
                .query(String.class).list()).contains("PUBLIC_LEAD");
    }
}
