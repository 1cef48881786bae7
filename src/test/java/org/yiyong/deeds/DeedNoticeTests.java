package org.yiyong.deeds;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.shared.ResidentId;

/** 公示: shown to the public without ID numbers; objections recorded and resolved before it closes. */
class DeedNoticeTests extends FullStackTest {

    private long deedId;
    private String number;
    private String confirmedName;

    private ResultActions step(String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/deeds/{id}/" + path, deedId).with(as("jinjiang-police"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A deed whose review proposes to confirm one actor and refuse the other. */
    private void proposed(boolean refuseOne) throws Exception {
        confirmedName = unique("洪");
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-02-25T15:00:00", "address": "晋江市金井镇围头湾", "title": "%s",
                                 "narrative": "救起溺水者，举荐人电话13905951234", "participants": [
                                  {"role": "ACTOR", "name": "%s", "residentId": "%s"},
                                  {"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                                .formatted(unique("救起溺水者"), confirmedName,
                                        ResidentId.withCheckDigit("35058219880808123"), unique("旁"))))
                .andReturn().getResponse().getContentAsString();
        deedId = ((Number) JsonPath.read(body, "$.id")).longValue();
        number = JsonPath.read(body, "$.number");
        List<Integer> actors = JsonPath.read(body, "$.participants[*].id");
        step("accept", "{\"acceptedOn\": \"2026-03-02\"}").andExpect(status().isOk());
        step("investigation", "{\"organizationId\": %d, \"investigators\": \"民警\"}".formatted(organizationId("JJ-PS-QY")));
        step("investigation/report", """
                {"summary": "查实", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(actors.get(0), actors.get(1)));
        step("review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "%s", "reason": "未参与施救"}]}"""
                .formatted(actors.get(0), actors.get(1), refuseOne ? "REFUSE" : "CONFIRM"))
                .andExpect(status().isOk());
    }

    private LocalDate today() {
        return clock.today();
    }

    @Test
    void the_public_sees_the_notice_without_id_numbers_and_objects_and_the_bureau_resolves_it() throws Exception {
        proposed(true);
        step("notice", "{\"start\": \"" + today().minusDays(3) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("start"));
        step("notice", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_NOTICE"));

        mvc.perform(get("/public/notices"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(confirmedName)))
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(not(containsString("********"))))
                .andExpect(content().string(not(containsString("13905951234"))))
                .andExpect(content().string(containsString("139****1234")))
                .andExpect(content().string(not(containsString("未参与施救"))));

        mvc.perform(post("/public/notices/{number}/objections", number).with(csrf()).param("content", ""))
                .andExpect(status().isBadRequest())
                .andExpect(model().attribute("failure", "notice.objection.content-required"));
        mvc.perform(post("/public/notices/{number}/objections", number).with(csrf())
                        .param("content", "<b>我认识此人</b>，当天他不在现场。").param("submitter", "").param("contact", ""))
                .andExpect(status().isOk())
                .andExpect(model().attribute("success", "notice.objection.received"));

        step("notice/close", "{}").andExpect(status().isConflict());
        mvc.perform(get("/deeds/{id}", deedId).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("&lt;b&gt;我认识此人&lt;/b&gt;")));
        long objection = jdbc.sql("select id from deed_objection where deed_id = :id").param("id", deedId)
                .query(Long.class).single();
        step("objections/" + objection + "/resolution", "{\"resolution\": \"经核实监控，当事人当天在现场，异议不成立。\"}")
                .andExpect(status().isOk());
        step("objections/" + objection + "/resolution", "{\"resolution\": \"改写\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void a_notice_closes_after_its_period_and_a_proposed_refusal_leads_to_a_hearing() throws Exception {
        proposed(true);
        step("notice", "{\"start\": \"" + today() + "\"}").andExpect(status().isOk());
        step("notice/close", "{}").andExpect(status().isConflict());
        clock.advance(java.time.Duration.ofDays(7));
        mvc.perform(post("/public/notices/{number}/objections", number).with(csrf()).param("content", "晚了"))
                .andExpect(status().isConflict());
        step("notice/close", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("HEARING"));
    }

    @Test
    void with_only_confirmations_the_closed_notice_awaits_the_decision() throws Exception {
        proposed(false);
        // before its notice, the deed's number answers like an unknown one
        mvc.perform(post("/public/notices/{number}/objections", number).with(csrf()).param("content", "异议"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/public/notices/{number}/objections", "350582-2026-9999").with(csrf()).param("content", "异议"))
                .andExpect(status().isNotFound());
        step("notice", "{}").andExpect(status().isOk());
        clock.advance(java.time.Duration.ofDays(7));
        step("notice/close", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NOTICE_CLOSED"));
    }
}
