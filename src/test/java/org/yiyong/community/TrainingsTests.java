package org.yiyong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/**
 * Trainings: who attended a session this year is trained; an active volunteer or a station's staff member who
 * attended none this year (a session of last year does not count) is on the list of the untrained; another
 * county's training is not found.
 */
class TrainingsTests extends FullStackTest {

    private ResultActions call(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void who_attended_none_this_year_is_on_the_list_of_the_untrained() throws Exception {
        long station = organizationId("JJ-WS-QY");
        String staff = staffOf("JJ-WS-QY", "STATION_STAFF");
        long team = id(call("jinjiang-staff", "/api/v1/volunteer-teams", """
                {"name": "%s", "kind": "SECURITY", "organizationId": %d}""".formatted(unique("青阳巡逻队"), station))
                .andExpect(status().isCreated()));
        long trained = id(call("jinjiang-staff", "/api/v1/volunteer-teams/" + team + "/volunteers", """
                {"name": "%s", "residentId": "%s", "consent": true}""".formatted(unique("林"),
                uniqueResidentId("35058219920101"))).andExpect(status().isCreated()));
        long lastYearOnly = id(call("jinjiang-staff", "/api/v1/volunteer-teams/" + team + "/volunteers", """
                {"name": "%s", "residentId": "%s", "consent": true}""".formatted(unique("陈"),
                uniqueResidentId("35058219920102"))).andExpect(status().isCreated()));
        long thisYear = id(call("jinjiang-staff", "/api/v1/trainings", """
                {"organizationId": %d, "topic": "现场急救与心肺复苏", "trainer": "晋江市红十字会 王医生",
                 "heldOn": "%s", "hours": 3}""".formatted(station, clock.today().minusDays(5)))
                .andExpect(status().isCreated()));
        long lastYear = id(call("jinjiang-staff", "/api/v1/trainings", """
                {"organizationId": %d, "topic": "防溺水救援", "trainer": "消防救援站", "heldOn": "%s", "hours": 2}"""
                .formatted(station, clock.today().minusYears(1))).andExpect(status().isCreated()));
        call("jinjiang-staff", "/api/v1/trainings/" + thisYear + "/attendees",
                "{\"volunteerIds\": [%d], \"usernames\": [\"%s\"]}".formatted(trained, staff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.attended").value(2));
        call("jinjiang-staff", "/api/v1/trainings/" + lastYear + "/attendees",
                "{\"volunteerIds\": [%d]}".formatted(lastYearOnly)).andExpect(status().isOk());
        call("jinjiang-staff", "/api/v1/trainings/" + thisYear + "/attendees",
                "{\"volunteerIds\": [%d]}".formatted(trained)).andExpect(status().isBadRequest());

        String body = mvc.perform(get("/api/v1/trainings/untrained").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> volunteers = JsonPath.read(body, "$[?(@.volunteerId != null)].volunteerId");
        List<String> users = JsonPath.read(body, "$[?(@.username != null)].username");
        assertThat(volunteers.stream().map(Integer::longValue).toList()).contains(lastYearOnly).doesNotContain(trained);
        assertThat(users).doesNotContain(staff);

        mvc.perform(get("/api/v1/trainings/{id}", thisYear).with(as("nanan-staff"))).andExpect(status().isNotFound());
        for (String page : List.of("/trainings", "/trainings/" + thisYear)) {
            mvc.perform(get(page).with(as("jinjiang-staff"))).andExpect(status().isOk());
        }
        call("jinjiang-staff", "/api/v1/trainings", """
                {"organizationId": %d, "topic": "明天的培训", "trainer": "某", "heldOn": "%s", "hours": 2}"""
                .formatted(station, clock.today().plusDays(1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"));
    }
}
