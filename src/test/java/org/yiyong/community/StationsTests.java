package org.yiyong.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/**
 * Work stations: recorded, moved forward step by step (each dated, the acceptance by the association), named a
 * demonstration site once accepted; a station's staff change their own station only, another county's station
 * is not found, and its ledger counts its teams' volunteers and activities.
 */
class StationsTests extends FullStackTest {

    /** A new work station organization of Jinjiang, staffed by a station user of its own. */
    private long newStation() throws Exception {
        String body = mvc.perform(post("/api/v1/organizations").with(as("sysadmin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "%s", "type": "WORK_STATION", "regionCode": "350582", "parentId": %d}"""
                                .formatted(unique("晋江市池店镇见义勇为工作站"), organizationId("JJ-ASSOC"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions call(String user, String method, String path, String json) throws Exception {
        var request = method.equals("PUT") ? put(path) : post(path);
        return mvc.perform(request.with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** The kinds of the user's tasks about one station's page. */
    private java.util.List<String> tasks(String user, long station) throws Exception {
        String body = mvc.perform(get("/api/v1/tasks").with(as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return JsonPath.read(body, "$.tasks[?(@.path == '/stations/%d')].kind".formatted(station));
    }

    private static final String PROFILE = """
            {"hostKind": "TOWNSHIP", "hostName": "池店镇人民政府", "latitude": 24.83, "longitude": 118.56,
             "openingHours": "工作日 9:00–17:00", "publicPhone": "0595 85123456", "foundedOn": "2026-01-05"}""";

    @Test
    void a_station_moves_forward_step_by_step_and_the_association_accepts_it() throws Exception {
        long station = newStation();
        String staff = staffOf(jdbc.sql("select code from organization where id = :id").param("id", station)
                .query(String.class).single(), "STATION_STAFF");
        call(staff, "PUT", "/api/v1/stations/" + station, PROFILE).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNED")).andExpect(jsonPath("$.publicPhone").value("0595-85123456"));
        call(staff, "POST", "/api/v1/stations/" + station + "/status", "{\"status\": \"BUILT\", \"on\": \"2025-12-31\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        call(staff, "POST", "/api/v1/stations/" + station + "/status", "{\"status\": \"BUILT\", \"on\": \"2026-03-01\"}")
                .andExpect(status().isOk());
        call(staff, "POST", "/api/v1/stations/" + station + "/status", "{\"status\": \"ACCEPTED\", \"on\": \"2026-04-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("验收由协会（县级或市级工作人员）登记。"));
        call("city-staff", "PUT", "/api/v1/stations/" + station + "/demonstration", "{\"year\": 2026}")
                .andExpect(status().isBadRequest());
        assertThat(tasks("jinjiang-staff", station)).containsExactly("community.accept-station");
        assertThat(tasks("nanan-staff", station)).isEmpty();
        call("jinjiang-staff", "POST", "/api/v1/stations/" + station + "/status",
                "{\"status\": \"ACCEPTED\", \"on\": \"2026-04-01\", \"note\": \"验收合格\"}").andExpect(status().isOk());
        assertThat(tasks("jinjiang-staff", station)).as("accepted: no longer waiting").isEmpty();
        call("jinjiang-staff", "POST", "/api/v1/stations/" + station + "/status", "{\"status\": \"BUILT\", \"on\": \"2026-04-02\"}")
                .andExpect(status().isBadRequest());
        call("city-staff", "PUT", "/api/v1/stations/" + station + "/demonstration", "{\"year\": 2026}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.demonstrationYear").value(2026));
        String steps = mvc.perform(get("/api/v1/stations/{id}/steps", station).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(steps, "$[*].status")).containsExactly("PLANNED", "BUILT", "ACCEPTED");
        assertThat(JsonPath.<java.util.List<String>>read(steps, "$[*].recordedBy")).containsExactly(staff, staff, "jinjiang-staff");
        assertThat(mvc.perform(get("/stations/{id}", station).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("id=\"demonstration-badge\"", "验收合格");
    }

    @Test
    void a_station_user_changes_only_their_own_station_and_another_county_finds_none() throws Exception {
        long station = newStation();
        long other = newStation();
        String staff = staffOf(jdbc.sql("select code from organization where id = :id").param("id", station)
                .query(String.class).single(), "STATION_STAFF");
        call(staff, "PUT", "/api/v1/stations/" + other, PROFILE).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stations/{id}", other).with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/stations/{id}", station).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/stations/{id}", station).with(as("nanan-staff"))).andExpect(status().isNotFound());
        call("nanan-staff", "PUT", "/api/v1/stations/" + station, PROFILE).andExpect(status().isNotFound());
        call(staff, "PUT", "/api/v1/stations/" + station, PROFILE.replace("24.83", "42.83"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("latitude"));
        assertThat(jdbc.sql("select count(*) from station where organization_id in (:ids)")
                .param("ids", java.util.List.of(station, other)).query(Long.class).single()).isZero();
        // a police bureau is not a work station
        mvc.perform(get("/api/v1/stations/{id}", organizationId("JJ-PSB")).with(as("jinjiang-staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_ledger_counts_the_stations_teams_volunteers_activities_and_hours() throws Exception {
        long station = newStation();
        String team = call("jinjiang-staff", "POST", "/api/v1/volunteer-teams", """
                {"name": "%s", "kind": "SERVICE", "organizationId": %d}""".formatted(unique("池店服务队"), station))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long teamId = ((Number) JsonPath.read(team, "$.id")).longValue();
        String member = call("jinjiang-staff", "POST", "/api/v1/volunteer-teams/" + teamId + "/volunteers", """
                {"name": "苏美华", "residentId": "%s", "consent": true}""".formatted(uniqueResidentId("35058219870101")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long memberId = ((Number) JsonPath.read(member, "$.id")).longValue();
        var start = clock.nowToTheMinute().minusDays(3);
        String activity = call("jinjiang-staff", "POST", "/api/v1/volunteer-teams/" + teamId + "/activities", """
                {"kind": "PUBLICITY", "title": "进社区宣传", "place": "池店镇", "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(start, start.plusHours(2))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        long activityId = ((Number) JsonPath.read(activity, "$.id")).longValue();
        call("jinjiang-staff", "POST", "/api/v1/activities/" + activityId + "/sign-in",
                "{\"lines\": [{\"volunteerId\": %d, \"hours\": 1.5}]}".formatted(memberId)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/stations/{id}/ledger", station).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.teams").value(1)).andExpect(jsonPath("$.activeVolunteers").value(1))
                .andExpect(jsonPath("$.activitiesThisYear").value(1)).andExpect(jsonPath("$.hoursThisYear").value(1.5));
    }

    @Test
    void the_ledger_lists_the_leads_its_staff_registered_for_the_public_and_the_visits_they_made() throws Exception {
        long station = newStation();
        String code = jdbc.sql("select code from organization where id = :id").param("id", station)
                .query(String.class).single();
        String staff = staffOf(code, "STATION_STAFF");
        mvc.perform(get("/leads/new").with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/leads/new").with(as("cashier"))).andExpect(status().isForbidden());
        // a form without what happened is shown again with the reason, and nothing is saved
        mvc.perform(multipart("/leads/new").param("occurredOn", clock.today().toString()).param("regionCode", "350582")
                        .param("address", "池店镇某路口").with(as(staff)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("form-errors")));
        String narrative = unique("一名路人跳进池塘救起落水儿童");
        mvc.perform(multipart("/leads/new").param("narrative", narrative)
                        .param("occurredOn", clock.today().minusDays(1).toString()).param("regionCode", "350582")
                        .param("address", "池店镇某路口").param("reporterName", "王阿姨").param("reporterPhone", "13905951234")
                        .with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/leads/new"))
                .andExpect(flash().attribute("reportedCode", org.hamcrest.Matchers.startsWith("XS-")));
        var lead = jdbc.sql("""
                select id, tracking_code, reported_by, reporting_organization_id from lead where narrative = :narrative""")
                .param("narrative", narrative).query().singleRow();
        assertThat(lead.get("reported_by")).isEqualTo(staff);
        assertThat(((Number) lead.get("reporting_organization_id")).longValue()).isEqualTo(station);
        assertThat(auditedActions(staff, "Lead", lead.get("id"))).containsExactly("CREATE");

        long samaritan = jdbc.sql("select min(id) from samaritan where region_code = '350582'").query(Long.class)
                .single();
        mvc.perform(multipart("/visits").param("samaritanId", String.valueOf(samaritan))
                        .param("visitedOn", clock.today().toString()).param("visitors", "池店站 林志强")
                        .param("met", "本人").param("livingConditions", "身体恢复良好").with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/stations/{id}/ledger", station).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.leadsThisYear").value(1)).andExpect(jsonPath("$.visitsThisYear").value(1))
                .andExpect(jsonPath("$.leads[0].trackingCode").value(lead.get("tracking_code")))
                .andExpect(jsonPath("$.leads[0].status").value("NEW"))
                .andExpect(jsonPath("$.visits[0].samaritanId").value(samaritan))
                .andExpect(jsonPath("$.visits[0].visitors").value("池店站 林志强"));
        assertThat(mvc.perform(get("/stations/{id}", station).with(as(staff))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains((String) lead.get("tracking_code"), "池店站 林志强");
        assertThat(mvc.perform(get("/leads/{id}", lead.get("id")).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("lead-reported-by", "测试" + code);
        mvc.perform(get("/api/v1/stations/{id}/ledger", station).with(as("nanan-staff"))).andExpect(status().isNotFound());
        // a lead from the public portal is no station's
        mvc.perform(get("/api/v1/stations/{id}/ledger", organizationId("JJ-WS-AH")).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.leads[*].trackingCode").value(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(lead.get("tracking_code")))));
    }

    @Test
    void the_map_places_the_stations_and_parks_with_coordinates_and_lists_them_all_by_county() throws Exception {
        String page = mvc.perform(get("/community/map").with(as("city-staff"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String points = page.substring(page.indexOf("data-points=\""), page.indexOf("data-bounds="));
        assertThat(points).contains("晋江市安海镇见义勇为工作站", "demonstration", "石狮市见义勇为主题公园")
                .as("a park without coordinates is only listed").doesNotContain("丰泽区见义勇为教育基地");
        assertThat(page).contains("id=\"place-rows\"", "丰泽区见义勇为教育基地", "泉州市丰泽区东海街道见义勇为工作站");
        String county = mvc.perform(get("/community/map").with(as("nanan-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(county).contains("南安市水头镇见义勇为工作站").doesNotContain("晋江市安海镇见义勇为工作站");
    }
}
