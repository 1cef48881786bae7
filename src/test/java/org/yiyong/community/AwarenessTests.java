package org.yiyong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/**
 * Awareness activities and media reports: an outreach names where it went, a report's link is a web address,
 * a report about an activity counts in its county, another county's activity is not found, and the figures
 * count them.
 */
class AwarenessTests extends FullStackTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 1, 2, 3, 4};

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
        // a report on its own, on television, about a deed named by its number (of the caller's county only)
        String deed = jdbc.sql("select number from deed where region_code = '350582' order by id").query(String.class)
                .list().get(0);
        String nananDeed = jdbc.sql("select number from deed where region_code = '350583' order by id")
                .query(String.class).list().get(0);
        call("jinjiang-staff", "/api/v1/media-reports", """
                {"regionCode": "350582", "outlet": "晋江电视台", "level": "COUNTY", "medium": "TV",
                 "title": "好人好事", "publishedOn": "%s", "deedNumber": "%s"}""".formatted(clock.today(), nananDeed))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deedNumber"));
        call("jinjiang-staff", "/api/v1/media-reports", """
                {"regionCode": "350582", "outlet": "晋江电视台", "level": "COUNTY", "medium": "TV",
                 "title": "好人好事", "publishedOn": "%s", "deedNumber": " %s "}""".formatted(clock.today(), deed))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.medium").value("TV"))
                .andExpect(jsonPath("$.deedNumber").value(deed)).andExpect(jsonPath("$.deedId").isNumber());
        mvc.perform(get("/api/v1/awareness-events/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());
        call("nanan-staff", "/api/v1/media-reports", """
                {"eventId": %d, "outlet": "某报", "level": "COUNTY", "title": "某", "publishedOn": "%s"}"""
                .formatted(id, clock.today())).andExpect(status().isNotFound());

        String after = mvc.perform(get("/api/v1/statistics").param("year", String.valueOf(clock.today().getYear()))
                .param("region", "350582").with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString();
        assertThat(total(after, "community.awareness-events").subtract(total(before, "community.awareness-events")))
                .isEqualByComparingTo("1");
        assertThat(total(after, "community.media-reports").subtract(total(before, "community.media-reports")))
                .isEqualByComparingTo("2");
        for (String page : List.of("/awareness", "/awareness/" + id, "/awareness/reports")) {
            mvc.perform(get(page).with(as("jinjiang-staff"))).andExpect(status().isOk());
        }
    }

    @Test
    void an_events_photos_are_pictures_seen_only_within_its_county() throws Exception {
        long id = ((Number) JsonPath.read(call("jinjiang-staff", "/api/v1/awareness-events", event("AWARENESS_DAY", null))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(photo("anhai-station", id, "宣传日.png", PNG)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"));
        mvc.perform(photo("anhai-station", id, "活动方案.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("只能上传照片")));
        mvc.perform(photo("nanan-staff", id, "别县.png", PNG)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/attachments").param("ownerType", "AwarenessEvent").param("ownerId", String.valueOf(id))
                .with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/attachments").param("ownerType", "AwarenessEvent").param("ownerId", String.valueOf(id))
                .with(as("city-staff"))).andExpect(status().isOk()).andExpect(jsonPath("$[*].fileName").value(
                        contains("宣传日.png")));
        String page = mvc.perform(get("/awareness/{id}", id).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("alt=\"宣传日.png\"").contains("上传照片");
        assertThat(mvc.perform(get("/awareness/{id}", id).with(as("leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("alt=\"宣传日.png\"").doesNotContain("上传照片");
    }

    private RequestBuilder photo(String user, long event, String name, byte[] content) {
        return multipart("/api/v1/attachments").file(new MockMultipartFile("file", name, "application/octet-stream",
                        content)).param("ownerType", "AwarenessEvent").param("ownerId", String.valueOf(event))
                .with(as(user)).with(csrf());
    }

    private static java.math.BigDecimal total(String report, String key) {
        List<Object> totals = JsonPath.read(report, "$.sections[*].figures[?(@.key == '" + key + "')].total");
        return new java.math.BigDecimal(totals.get(0).toString());
    }
}
