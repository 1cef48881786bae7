package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/** An extension and a pause for missing documents move the decision deadline, on the record. */
class DeadlineChangesTests extends FullStackTest {

    private long acceptedOn20260302() throws Exception {
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-02-20T08:00:00", "address": "晋江市池店镇", "title": "%s",
                                 "narrative": "经过", "participants": [{"role": "ACTOR", "name": "%s"}],
                                 "notADuplicate": true}""".formatted(unique("救人"), unique("某"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        step(id, "accept", "{\"acceptedOn\": \"2026-03-02\"}").andExpect(jsonPath("$.decisionDue").value("2026-04-01"));
        return id;
    }

    private ResultActions step(long id, String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/deeds/{id}/" + path, id).with(as("jinjiang-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void one_extension_with_reason_and_approver_moves_the_deadline_and_a_second_is_refused() throws Exception {
        long id = acceptedOn20260302();
        step(id, "extension", "{\"days\": 45, \"reason\": \"伤情鉴定未出\", \"approvedBy\": \"局长 张某\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        step(id, "extension", "{\"days\": 20, \"reason\": \"\", \"approvedBy\": \"局长 张某\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        step(id, "extension", "{\"days\": 20, \"reason\": \"伤情鉴定未出\", \"approvedBy\": \"局长 张某\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisionDue").value("2026-04-21"))
                .andExpect(jsonPath("$.extensionDays").value(20));
        step(id, "extension", "{\"days\": 5, \"reason\": \"再延\", \"approvedBy\": \"局长 张某\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void waiting_for_documents_stops_the_clock_and_their_arrival_moves_the_deadline() throws Exception {
        long id = acceptedOn20260302();
        step(id, "extension", "{\"days\": 20, \"reason\": \"需调取监控\", \"approvedBy\": \"局长 张某\"}")
                .andExpect(status().isOk());
        step(id, "document-requests", "{\"requestedOn\": \"2026-03-10\", \"documents\": \"医院诊断证明\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clockPaused").value(true))
                .andExpect(jsonPath("$.decisionDue").doesNotExist());
        step(id, "document-requests", "{\"requestedOn\": \"2026-03-11\", \"documents\": \"再要一份\"}")
                .andExpect(status().isConflict());
        step(id, "document-requests/arrival", "{\"arrivedOn\": \"2026-03-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("arrivedOn"));
        // ten days stopped: April 21 becomes May 1, in the Labour Day holiday, so Wednesday May 6
        step(id, "document-requests/arrival", "{\"arrivedOn\": \"2026-03-20\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clockPaused").value(false))
                .andExpect(jsonPath("$.decisionDue").value("2026-05-06"));

        assertThat(jdbc.sql("select kind from deed_event where deed_id = :id order by id").param("id", id)
                .query(String.class).list())
                .containsExactly("RECEIVED", "ACCEPTED", "DEADLINE_EXTENDED", "DOCUMENTS_REQUESTED", "DOCUMENTS_ARRIVED");
    }

    @Test
    void a_deed_not_yet_accepted_has_no_clock_to_change() throws Exception {
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "OTHER", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-02-21T08:00:00", "address": "晋江市", "title": "%s",
                                 "narrative": "经过", "participants": [{"role": "ACTOR", "name": "%s"}],
                                 "notADuplicate": true}""".formatted(unique("事"), unique("某"))))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        step(id, "document-requests", "{\"documents\": \"身份证明\"}").andExpect(status().isConflict());
    }
}
