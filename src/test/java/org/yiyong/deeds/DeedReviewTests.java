package org.yiyong.deeds;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/** Review: opinions of the committee, and the outcome proposed for each actor. */
class DeedReviewTests extends FullStackTest {

    private long deedId;
    private List<Integer> actors;

    private ResultActions step(String username, String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/deeds/{id}/" + path, deedId).with(as(username))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void underReview() throws Exception {
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "OFFENCE_AGAINST_PERSONS", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-02-24T21:00:00", "address": "晋江市青阳街道", "title": "%s",
                                 "narrative": "制止抢劫", "participants": [{"role": "ACTOR", "name": "%s"},
                                 {"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                                .formatted(unique("制止抢劫"), unique("甲"), unique("乙"))))
                .andReturn().getResponse().getContentAsString();
        deedId = ((Number) JsonPath.read(body, "$.id")).longValue();
        actors = JsonPath.read(body, "$.participants[*].id");
        step("jinjiang-staff", "accept", "{\"acceptedOn\": \"2026-03-02\"}").andExpect(status().isOk());
        step("jinjiang-staff", "investigation", "{\"organizationId\": %d, \"investigators\": \"民警 施某\"}"
                .formatted(organizationId("JJ-PS-QY"))).andExpect(status().isOk());
        step("investigator-jinjiang", "investigation/report", """
                {"summary": "查实", "recommendations": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(actors.get(0), actors.get(1)))
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
    }

    @Test
    void the_committee_gives_opinions_and_the_bureau_proposes_an_outcome_for_each_actor() throws Exception {
        underReview();
        step("committee-1", "review/opinions", "{\"opinion\": \"同意确认两人见义勇为行为。\"}")
                .andExpect(status().isOk());
        step("leader", "review/opinions", "{\"opinion\": \"领导只读\"}").andExpect(status().isForbidden());
        step("committee-1", "review/proposal", "{\"proposals\": []}").andExpect(status().isForbidden());
        // the county association's clerk has the same role as the bureau's staff, but does not propose (Art. 6)
        step("jinjiang-staff", "review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "CONFIRM"}]}""".formatted(actors.get(0)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("晋江市公安局")));
        mvc.perform(get("/deeds/{id}", deedId).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("id=\"proposal-by-bureau\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"propose\""))));
        mvc.perform(get("/deeds/{id}", deedId).with(as("jinjiang-police")))
                .andExpect(content().string(containsString("id=\"propose\"")));

        step("jinjiang-police", "review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "CONFIRM"},
                 {"participantId": %d, "outcome": "REFUSE", "reason": "仅围观，未实施制止行为"}]}"""
                .formatted(actors.get(0), actors.get(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.participants[0].proposedOutcome").value("CONFIRM"))
                .andExpect(jsonPath("$.participants[1].proposedOutcome").value("REFUSE"));

        mvc.perform(get("/deeds/{id}", deedId).with(as("committee-1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同意确认两人见义勇为行为。")))
                .andExpect(content().string(containsString("仅围观，未实施制止行为")));
    }

    @Test
    void when_every_actor_is_to_be_refused_the_applicant_is_heard_first() throws Exception {
        underReview();
        step("jinjiang-police", "review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "REFUSE", "reason": "证据不足"}]}"""
                .formatted(actors.get(0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recommendations"));
        step("jinjiang-police", "review/proposal", """
                {"proposals": [{"participantId": %d, "outcome": "REFUSE", "reason": "证据不足"},
                 {"participantId": %d, "outcome": "REFUSE", "reason": "证据不足"}]}"""
                .formatted(actors.get(0), actors.get(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HEARING"));
    }
}
