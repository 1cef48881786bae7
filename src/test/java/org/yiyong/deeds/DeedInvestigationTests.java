package org.yiyong.deeds;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/** From acceptance through investigation to a report with a recommendation for every actor. */
class DeedInvestigationTests extends FullStackTest {

    private ResultActions step(String username, long id, String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/deeds/{id}/" + path, id).with(as(username))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void a_group_act_is_investigated_by_a_police_station_and_reported_with_a_recommendation_per_actor()
            throws Exception {
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "NOMINATION",
                                 "nominatorKind": "UNIT_AT_SCENE", "occurredAt": "2026-02-22T16:00:00",
                                 "address": "晋江市深沪镇海滨", "title": "%s", "narrative": "两人合力救起游客",
                                 "participants": [{"role": "ACTOR", "name": "%s"}, {"role": "ACTOR", "name": "%s"}],
                                 "notADuplicate": true}""".formatted(unique("合力救人"), unique("洪"), unique("许"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        List<Integer> actors = JsonPath.read(body, "$.participants[*].id");
        step("jinjiang-staff", id, "accept", "{\"acceptedOn\": \"2026-03-02\"}").andExpect(status().isOk());

        step("jinjiang-staff", id, "investigation",
                "{\"organizationId\": %d, \"investigators\": \"民警 施某\"}".formatted(organizationId("NA-PS-ST")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organizationId"));
        step("jinjiang-staff", id, "investigation",
                "{\"organizationId\": %d, \"investigators\": \"民警 施某、辅警 王某\"}"
                        .formatted(organizationId("JJ-PS-QY")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INVESTIGATING"));

        // a record is dated between the act and today
        step("investigator-jinjiang", id, "investigation/records",
                "{\"kind\": \"INTERVIEW\", \"recordedOn\": \"2099-03-05\", \"summary\": \"询问获救游客张某\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recordedOn"));
        step("investigator-jinjiang", id, "investigation/records",
                "{\"kind\": \"INTERVIEW\", \"recordedOn\": \"2026-02-21\", \"summary\": \"询问获救游客张某\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recordedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2026-02-22")));
        step("investigator-jinjiang", id, "investigation/records",
                "{\"kind\": \"INTERVIEW\", \"recordedOn\": \"2026-03-05\", \"summary\": \"询问获救游客张某\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[3].kind").value("INVESTIGATION_RECORDED"));

        step("investigator-jinjiang", id, "investigation/report", """
                {"summary": "事实清楚", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"}]}"""
                .formatted(actors.get(0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("请为行为人")));
        step("investigator-jinjiang", id, "investigation/report", """
                {"summary": "事实清楚", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "REFUSE"}]}""".formatted(actors.get(0), actors.get(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("须写明理由")));
        step("investigator-jinjiang", id, "investigation/report", """
                {"summary": "事实清楚，证据充分", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(actors.get(0), actors.get(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.participants[0].recommendation").value("CONFIRM"));

        mvc.perform(get("/deeds/{id}", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("晋江市公安局青阳派出所")))
                .andExpect(content().string(containsString("事实清楚，证据充分")));
    }

    @Test
    void the_pages_lead_through_assignment_and_only_the_assigned_organization_records() throws Exception {
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "OTHER", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-02-23T10:00:00", "address": "晋江市", "title": "%s",
                                 "narrative": "经过", "participants": [{"role": "ACTOR", "name": "%s"}],
                                 "notADuplicate": true}""".formatted(unique("事"), unique("某"))))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        step("jinjiang-staff", id, "accept", "{\"acceptedOn\": \"2026-03-02\"}").andExpect(status().isOk());

        mvc.perform(get("/deeds/{id}", id).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("指派调查")));
        mvc.perform(post("/deeds/{id}/investigation", id).with(as("jinjiang-staff")).with(csrf())
                        .param("organizationId", String.valueOf(organizationId("JJ-ASSOC"))).param("investigators", ""))
                .andExpect(flash().attribute("failure", "validation.required"));
        mvc.perform(post("/deeds/{id}/investigation", id).with(as("jinjiang-staff")).with(csrf())
                        .param("organizationId", String.valueOf(organizationId("JJ-ASSOC")))
                        .param("investigators", "协会 许某"))
                .andExpect(flash().attribute("success", "deed.investigation.assigned"));
        // the association was assigned: a police station's investigator may read but not add to the file
        mvc.perform(post("/deeds/{id}/investigation/records", id).with(as("investigator-jinjiang")).with(csrf())
                        .param("kind", "MEDICAL_RECORD").param("summary", "青阳派出所的记录"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/deeds/{id}", id).with(as("investigator-jinjiang")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("提交调查报告"))));
        mvc.perform(post("/deeds/{id}/investigation/records", id).with(as("jinjiang-staff")).with(csrf())
                        .param("kind", "MEDICAL_RECORD").param("summary", "晋江市医院诊断证明"))
                .andExpect(flash().attribute("success", "deed.investigation.recorded"));
        mvc.perform(get("/deeds/{id}", id).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("晋江市医院诊断证明")))
                .andExpect(content().string(containsString("提交调查报告")))
                .andExpect(content().string(not(containsString("青阳派出所的记录"))));
    }
}
