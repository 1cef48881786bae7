package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.samaritans.internal.EntitlementWatch;
import org.yiyong.samaritans.internal.Family;

/** Family entitlements end when their condition is met: the 18th birthday, the end of schooling, remarriage. */
class FamilyTests extends FullStackTest {

    @Autowired
    EntitlementWatch watch;

    private long samaritan;

    private LocalDate today() {
        return clock.today();
    }

    private ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return mvc.perform(request.with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void registered() throws Exception {
        String body = call(post("/api/v1/samaritans"), """
                {"regionCode": "350582", "name": "%s", "residentId": "%s", "sourceDocument": "2012 年泉州市表彰决定"}"""
                .formatted(unique("施"), uniqueResidentId("35058219720606")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        samaritan = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long relative(String relation, String name, LocalDate birthDate) throws Exception {
        String body = call(post("/api/v1/samaritans/{id}/family", samaritan), """
                {"relation": "%s", "name": "%s"%s}""".formatted(relation, name,
                birthDate == null ? "" : ", \"birthDate\": \"" + birthDate + "\""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        java.util.List<Number> ids = JsonPath.read(body, "$.family[?(@.name == '%s')].id".formatted(name));
        return ids.get(0).longValue();
    }

    private ResultActions entitle(long relative, String kind, String until) throws Exception {
        return call(post("/api/v1/samaritans/{id}/family/{r}/entitlements", samaritan, relative), """
                {"kind": "%s", "startedOn": "2020-01-01", "endCondition": "%s"}""".formatted(kind, until));
    }

    @Test
    void the_nightly_watch_runs_on_one_node_and_not_again_while_its_lock_is_held() throws Exception {
        // as if the last run were long past (each application start runs it and keeps the lock ten minutes)
        jdbc.sql("update shedlock set lock_until = timestamp '2000-01-01 00:00:00' where name = 'entitlement-watch'")
                .update();
        assertThat(watch.runOnce()).as("the first node runs it").isTrue();
        assertThat(jdbc.sql("select locked_by from shedlock where name = 'entitlement-watch'").query(String.class)
                .single()).isNotBlank();

        registered();
        long child = relative("CHILD", "施小雪", today().minusYears(18).plusDays(3));
        entitle(child, "SURVIVOR_PENSION", "AGE_18").andExpect(status().isOk());
        clock.advance(Duration.ofDays(3));
        assertThat(watch.runOnce()).as("another node, or a restart, within ten minutes").isFalse();
        mvc.perform(get("/api/v1/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.family[0].entitlements[0].active").value(true));
    }

    @Test
    void a_childs_pension_ends_on_the_18th_birthday() throws Exception {
        registered();
        LocalDate birthday = today().minusYears(18).plusDays(3);
        long child = relative("CHILD", "施小雨", birthday);
        entitle(child, "SURVIVOR_PENSION", "AGE_18").andExpect(status().isOk())
                .andExpect(jsonPath("$.family[0].entitlements[0].active").value(true));

        clock.advance(Duration.ofDays(3));
        watch.endDueEntitlements();

        mvc.perform(get("/api/v1/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.family[0].entitlements[0].active").value(false))
                .andExpect(jsonPath("$.family[0].entitlements[0].endedOn").value(birthday.plusYears(18).toString()))
                .andExpect(jsonPath("$.family[0].entitlements[0].endReason").value("AGE_18"))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'ENTITLEMENT_ENDED')]").isNotEmpty());
        mvc.perform(get("/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("已终止：年满18周岁")))
                .andExpect(content().string(containsString("遗属抚恤</span><span> · </span><span>年满18周岁")));
    }

    @Test
    void student_aid_ends_at_the_recorded_end_of_schooling_and_a_spouses_pension_on_remarriage() throws Exception {
        registered();
        long child = relative("CHILD", "施小帆", today().minusYears(20));
        entitle(child, "STUDENT_AID", "END_OF_SCHOOLING").andExpect(status().isOk());
        call(put("/api/v1/samaritans/{id}/family/{r}/schooling", samaritan, child), """
                {"school": "福建师范大学", "stage": "UNIVERSITY", "schoolingEndsOn": "%s"}""".formatted(today().plusYears(1)))
                .andExpect(jsonPath("$.family[0].entitlements[0].active").value(true));
        LocalDate graduated = today().minusDays(2);
        call(put("/api/v1/samaritans/{id}/family/{r}/schooling", samaritan, child), """
                {"school": "福建师范大学", "stage": "NONE", "schoolingEndsOn": "%s"}""".formatted(graduated))
                .andExpect(jsonPath("$.family[0].entitlements[0].active").value(false))
                .andExpect(jsonPath("$.family[0].entitlements[0].endedOn").value(graduated.toString()))
                .andExpect(jsonPath("$.family[0].entitlements[0].endReason").value("END_OF_SCHOOLING"));

        long spouse = relative("SPOUSE", "王秀琴", null);
        entitle(spouse, "SURVIVOR_PENSION", "REMARRIAGE").andExpect(status().isOk());
        entitle(spouse, "MEDICAL_CARE", "DEATH").andExpect(status().isOk());
        call(post("/api/v1/samaritans/{id}/family/{r}/remarriage", samaritan, spouse), "{\"on\": \"" + today() + "\"}")
                .andExpect(jsonPath("$.family[1].entitlements[0].endReason").value("REMARRIAGE"))
                .andExpect(jsonPath("$.family[1].entitlements[1].active").value(true));
        call(post("/api/v1/samaritans/{id}/family/{r}/remarriage", samaritan, child), "{\"on\": \"" + today() + "\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void an_entitlement_until_18_needs_a_birth_date() throws Exception {
        registered();
        long parent = relative("PARENT", "施阿嬷", null);
        entitle(parent, "LIVING_ALLOWANCE", "AGE_18").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endCondition"));
        call(post("/api/v1/samaritans/{id}/family", samaritan), "{\"relation\": \"CHILD\", \"name\": \"\"}")
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/samaritans/{id}/family", samaritan).with(as("nanan-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"relation\": \"CHILD\", \"name\": \"某\"}"))
                .andExpect(status().isNotFound());
    }
}
