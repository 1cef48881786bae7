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
 * Awareness activities and media reports: an outreach names where it went, a report's link is a web address,
 * a report about an activity counts in its county, another county's activity is not found, and the figures
 * count them.
 */
class AwarenessTests extends FullStackTest {

    private ResultActions call(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String event(String kind, String outreach) {
        return """
                {"organizationId": %d, "kind": "%s", "outreach": %s, "title": "%s", "theme": "见义勇为光荣",
                 "place": "安海镇中心小学", "heldOn": "%s", "audience": 300}"""
                .formatted(organizationId("JJ-WS-AH"), kind, outreach == null ? "null" : "\"" + outreach + "\"",
                        unique("进校园"), clock.today().minusDays(2));
    }

    @Test
    void an_outreach_and_its_reports_are_recorded_and_counted() throws Exception {
        String before = mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(clock.today().getYear()))
                .param("region", "350582").with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString();
        call("jinjiang-staff", "/api/v1/awareness-events", event("OUTREACH", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outreach"));
        String created = call("jinjiang-staff", "/api/v1/awareness-events", event("OUTREACH", "SCHOOL"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        call("jinjiang-staff", "/api/v1/media-reports", """
                {"eventId": %d, "outlet": "晋江经济报", "level": "COUNTY", "title": "安海工作站进校园",
                 "publishedOn": "%s", "link": "javascript:alert(1)"}""".formatted(id, clock.today()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("link"));
        call("jinjiang-staff", "/api/v1/media-reports", """
                {"eventId": %d, "outlet": "晋江经济报", "level": "COUNTY", "title": "安海工作站进校园",
                 "publishedOn": "%s", "link": "https://www.ijjnews.com/a/1"}""".formatted(id, clock.today()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.regionCode").value("350582"));
        mvc.perform(get("/api/v1/awareness-events/{id}", id).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reports").value(1));
        mvc.perform(get("/api/v1/awareness-events/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());
        call("nanan-staff", "/api/v1/media-reports", """
                {"eventId": %d, "outlet": "某报", "level": "COUNTY", "title": "某", "publishedOn": "%s"}"""
                .formatted(id, clock.today())).andExpect(status().isNotFound());

        String after = mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(clock.today().getYear()))
                .param("region", "350582").with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString();
        for (String key : List.of("community.awareness-events", "community.media-reports")) {
            assertThat(total(after, key).subtract(total(before, key))).as(key).isEqualByComparingTo("1");
        }
        for (String page : List.of("/awareness", "/awareness/" + id, "/awareness/reports")) {
            mvc.perform(get(page).with(as("jinjiang-staff"))).andExpect(status().isOk());
        }
    }

    private static java.math.BigDecimal total(String report, String key) {
        List<Object> totals = JsonPath.read(report, "$.sections[*].figures[?(@.key == '" + key + "')].total");
        return new java.math.BigDecimal(totals.get(0).toString());
    }
}
