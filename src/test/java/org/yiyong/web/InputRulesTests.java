package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyong.FullStackTest;

/**
 * The rules every text, date and amount keeps, whichever form or API call brings it: no control
 * characters, dates between 1900 and 2100, amounts the money columns can hold. A value that breaks
 * one is refused at its field with a message, and nothing is saved.
 */
class InputRulesTests extends FullStackTest {

    private static final String NUL = "\\u0000";

    private ResultActions json(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions refusedAt(ResultActions answer, String field, String message) throws Exception {
        return answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
    }

    private long registered(String name) throws Exception {
        String body = json("jinjiang-staff", post("/api/v1/samaritans"), """
                {"regionCode": "350582", "name": "%s", "residentId": "%s", "sourceDocument": "2012 年表彰名册"}"""
                .formatted(name, uniqueResidentId("35058219700101")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String deedBody(String beneficiary) {
        return """
                {"regionCode": "350582", "category": "RESCUE", "source": "NOMINATION",
                 "nominatorKind": "BENEFICIARY_PERSON", "occurredAt": "%s", "address": "晋江市安海镇安平桥下",
                 "title": "跳入河中救起落水儿童", "narrative": "傍晚一名儿童落水，有人跳入河中将其救起。",
                 "participants": [{"role": "ACTOR", "name": "%s", "harm": "NONE"},
                                  {"role": "BENEFICIARY", "name": "%s"}],
                 "notADuplicate": true}""".formatted(
                clock.nowToTheMinute().minusDays(3), unique("施"),
                beneficiary);
    }

    /** A deed of this test's own; the refusals below come before anything looks at its state. */
    private long deed() throws Exception {
        String body = json("jinjiang-staff", post("/api/v1/deeds"), deedBody(unique("落水儿童")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void a_refused_value_deep_in_a_body_is_named_by_its_path() throws Exception {
        String beneficiary = unique("落水儿童");
        refusedAt(json("jinjiang-staff", post("/api/v1/deeds"), deedBody(beneficiary + "\\u0000")),
                "participants[1].name", "控制字符");
        assertThat(jdbc.sql("select count(*) from deed_participant where name like :name")
                .param("name", beneficiary + "%").query(Long.class).single()).isZero();
    }

    @Test
    void control_characters_in_any_text_of_a_json_body_are_refused_at_the_field_and_nothing_is_saved()
            throws Exception {
        long id = registered(unique("林"));

        refusedAt(json("jinjiang-staff", put("/api/v1/samaritans/{id}/contact", id),
                "{\"phone\": \"13800138000\", \"address\": \"晋江市青阳街道" + NUL + "1号\"}"),
                "address", "控制字符");
        refusedAt(json("jinjiang-staff", post("/api/v1/samaritans/{id}/lost-contact", id),
                "{\"note\": \"电话停机\\u0007\"}"), "note", "控制字符");
        refusedAt(json("jinjiang-staff", post("/api/v1/samaritans/{id}/tracings", id),
                "{\"tracedOn\": \"2026-01-05\", \"note\": \"走访" + NUL + "\", \"found\": true}"), "note", "控制字符");
        refusedAt(json("jinjiang-staff", post("/api/v1/samaritans/{id}/hospital-stays", id),
                "{\"hospital\": \"晋江市医院" + NUL + "\", \"admittedOn\": \"2026-03-01\"}"), "hospital", "控制字符");
        long deed = deed();
        refusedAt(json("committee-1", post("/api/v1/deeds/{id}/review/opinions", deed),
                "{\"opinion\": \"同意" + NUL + "\"}"), "opinion", "控制字符");

        assertThat(jdbc.sql("select count(*) from samaritan where id = :id and (address is not null or lost_contact)")
                .param("id", id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from hospital_stay where samaritan_id = :id").param("id", id)
                .query(Long.class).single()).isZero();

        // tab and line breaks belong to multi-line text
        json("jinjiang-staff", put("/api/v1/samaritans/{id}/contact", id),
                "{\"address\": \"晋江市青阳街道\\t1号\\r\\n2幢\"}").andExpect(status().isOk());
    }

    @Test
    void dates_far_outside_reason_are_refused_at_the_field() throws Exception {
        long deed = deed();
        for (String day : new String[] {"9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"}) {
            refusedAt(json("investigator-jinjiang", post("/api/v1/deeds/{id}/investigation/records", deed),
                    "{\"kind\": \"INTERVIEW\", \"recordedOn\": \"" + day + "\", \"summary\": \"询问笔录\"}"),
                    "recordedOn", "1900-01-01 至 2100-12-31");
        }

        long title = jdbc.sql("select id from title where code = 'COUNTY_COMMENDATION'").query(Long.class).single();
        long standards = jdbc.sql("select count(*) from reward_standard").query(Long.class).single();
        refusedAt(json("city-staff", post("/api/v1/titles/{id}/standards", title),
                "{\"effectiveFrom\": \"0001-01-01\", \"amount\": 6000}"), "effectiveFrom", "日期超出合理范围");
        refusedAt(json("city-staff", post("/api/v1/campaigns/standards"),
                "{\"category\": \"DISABLED\", \"effectiveFrom\": \"0001-01-01\", \"amount\": 800}"),
                "effectiveFrom", "日期超出合理范围");
        refusedAt(json("sysadmin", post("/api/v1/calendar-days"),
                "{\"date\": \"0001-01-01\", \"kind\": \"HOLIDAY\", \"name\": \"元年\"}"), "date", "日期超出合理范围");
        assertThat(jdbc.sql("select count(*) from reward_standard").query(Long.class).single()).isEqualTo(standards);
        assertThat(jdbc.sql("select count(*) from calendar_day where calendar_date < date '1900-01-01'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void amounts_beyond_the_money_columns_are_a_field_error_not_a_conflict() throws Exception {
        refusedAt(json("city-staff", put("/api/v1/death-parameters/2024"),
                "{\"urbanDisposableIncome\": 100000000000, \"platoonOfficerMonthlySalary\": 9000}"),
                "urbanDisposableIncome", "9999999999.99");
        String before = jdbc.sql("select cast(urban_disposable_income as varchar(30)) from death_parameter"
                + " where param_year = 2024").query(String.class).optional().orElse(null);
        refusedAt(json("city-staff", put("/api/v1/death-parameters/2024"), "{}"), "urbanDisposableIncome", "必须填写");
        assertThat(jdbc.sql("select cast(urban_disposable_income as varchar(30)) from death_parameter"
                + " where param_year = 2024").query(String.class).optional().orElse(null)).isEqualTo(before);

        long id = registered(unique("黄"));
        String stay = json("jinjiang-staff", post("/api/v1/samaritans/{id}/hospital-stays", id),
                "{\"hospital\": \"晋江市医院\", \"admittedOn\": \"2026-03-01\", \"dischargedOn\": \"2026-03-05\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long stayId = ((Number) JsonPath.read(stay, "$.id")).longValue();
        refusedAt(json("jinjiang-staff", post("/api/v1/samaritans/{id}/hospital-stays/{stay}/expenses", id, stayId),
                "{\"amount\": 1e20, \"payer\": \"EMPLOYER\"}"), "amount", "不能超过");
        assertThat(jdbc.sql("select count(*) from medical_expense where stay_id = :stay")
                .param("stay", stayId).query(Long.class).single()).isZero();
    }

    @Test
    void query_parameters_keep_the_same_rules() throws Exception {
        refusedAt(mvc.perform(get("/api/v1/samaritans").param("q", "林\u0000").with(as("city-staff"))), "q",
                "控制字符");
    }

    @Test
    void a_form_post_with_a_control_character_or_a_date_out_of_range_is_refused_with_the_message() throws Exception {
        String name = unique("郑");
        mvc.perform(post("/samaritans/new").with(as("jinjiang-staff")).with(csrf())
                        .param("regionCode", "350582").param("name", name)
                        .param("residentId", uniqueResidentId("35058219700101"))
                        .param("sourceDocument", "2012 年表彰名册").param("address", "青阳\u0000街道"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("控制字符")));
        assertThat(jdbc.sql("select count(*) from samaritan where name = :name").param("name", name)
                .query(Long.class).single()).isZero();

        long title = jdbc.sql("select id from title where code = 'COUNTY_COMMENDATION'").query(Long.class).single();
        long standards = jdbc.sql("select count(*) from reward_standard").query(Long.class).single();
        mvc.perform(post("/titles/{id}/standards", title).with(as("city-staff")).with(csrf())
                        .param("effectiveFrom", "0001-01-01").param("amount", "6000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("日期超出合理范围")));
        assertThat(jdbc.sql("select count(*) from reward_standard").query(Long.class).single()).isEqualTo(standards);

        mvc.perform(post("/calendar").with(as("sysadmin")).with(csrf())
                        .param("date", "0001-01-01").param("kind", "HOLIDAY").param("name", "元年"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("日期超出合理范围")));
    }
}
