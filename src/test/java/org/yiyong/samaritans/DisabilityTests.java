package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyong.FullStackTest;
import org.yiyong.samaritans.internal.Disability;
import org.yiyong.samaritans.internal.DisabilityCase;
import org.yiyong.samaritans.internal.PensionPayment;
import org.yiyong.shared.ResidentId;

/**
 * Disability through the whole application: the 3-year window, grades, the posting counted in working
 * days on the holiday table, approval, re-assessment, the yearly pension from the standards, scope and audit.
 */
class DisabilityTests extends FullStackTest {

    private ResultActions call(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String body) throws Exception {
        return call("jinjiang-staff", request, body);
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** A Jinjiang samaritan entered from earlier records, with an ID number no other test uses. */
    private long samaritan() throws Exception {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000));
        String number = ResidentId.withCheckDigit("350582" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + ThreadLocalRandom.current().nextInt(100, 1000));
        return id(call(post("/api/v1/samaritans"), """
                {"regionCode": "350582", "name": "%s", "residentId": "%s",
                 "sourceDocument": "泉州市人民政府 2016 年表彰决定（泉政文〔2016〕87号）"}"""
                .formatted(unique("许"), number)).andExpect(status().isCreated()));
    }

    private ResultActions apply(long samaritan, String injuredOn, String appliedOn, String exception) throws Exception {
        return call(post("/api/v1/samaritans/{id}/disability-cases", samaritan), """
                {"injuredOn": %s, "appliedOn": "%s", "lateException": %s}""".formatted(
                injuredOn == null ? "null" : "\"" + injuredOn + "\"", appliedOn,
                exception == null ? "null" : "\"" + exception + "\""));
    }

    private ResultActions posting(long samaritan, long disabilityCase, String body) throws Exception {
        return call(post("/api/v1/samaritans/{id}/disability-cases/{c}/posting", samaritan, disabilityCase), body);
    }

    private ResultActions approve(long samaritan, long disabilityCase, String on) throws Exception {
        return call(post("/api/v1/samaritans/{id}/disability-cases/{c}/approval", samaritan, disabilityCase), """
                {"approvedOn": "%s", "approvedBy": "福建省退役军人事务厅", "certificateNumber": "闽因公残证字第 %s 号"}"""
                .formatted(on, unique("")));
    }

    /** Injured in October 2024, grade 7 posted in January 2025 and approved on 20 March 2025. */
    private long approvedGrade7(long samaritan) throws Exception {
        long disabilityCase = id(apply(samaritan, "2024-10-10", "2024-12-02", null).andExpect(status().isCreated()));
        posting(samaritan, disabilityCase, "{\"grade\": 7, \"postingStart\": \"2025-01-06\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.postingEnd").value("2025-01-14"));
        approve(samaritan, disabilityCase, "2025-03-20").andExpect(status().isOk());
        return disabilityCase;
    }

    @Test
    void an_application_exactly_3_years_after_the_injury_is_in_time_a_day_later_it_needs_an_exception()
            throws Exception {
        long inTime = samaritan();
        apply(inTime, "2023-03-01", "2026-03-01", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"));

        long late = samaritan();
        apply(late, "2023-03-01", "2026-03-02", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lateException"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("3 年")));
        apply(late, "2023-03-01", "2026-03-02", "   ").andExpect(status().isBadRequest());
        apply(late, "2023-03-01", "2026-03-02", "伤后在外省住院治疗两年多，出院后即申请")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lateException").value("伤后在外省住院治疗两年多，出院后即申请"));
        apply(late, "2023-03-01", "2026-03-02", null).andExpect(status().isConflict());
    }

    @Test
    void grades_run_from_1_to_10() throws Exception {
        long samaritan = samaritan();
        long disabilityCase = id(apply(samaritan, "2026-06-01", "2026-07-01", null));
        for (String grade : new String[] {"0", "11"}) {
            posting(samaritan, disabilityCase, "{\"grade\": " + grade + ", \"postingStart\": \"2026-11-02\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("grade"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("1 至 10 级")));
        }
        posting(samaritan, disabilityCase, "{\"grade\": 10, \"postingStart\": \"2026-11-02\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value(10));
    }

    @Test
    void the_posting_lasts_7_working_days_on_the_holiday_table_and_approval_waits_for_its_end() throws Exception {
        long samaritan = samaritan();
        long disabilityCase = id(apply(samaritan, "2026-08-01", "2026-09-01", null));
        // ten days across National Day hold only 3 working days (Sep 28–30)
        posting(samaritan, disabilityCase, "{\"grade\": 8, \"postingStart\": \"2026-09-28\", \"postingEnd\": \"2026-10-07\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postingEnd"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("只有 3 个工作日")));
        // without an end, it runs to the 7th working day: Oct 8, 9, Saturday 10 (worked in exchange), Monday 12
        posting(samaritan, disabilityCase, "{\"grade\": 8, \"postingStart\": \"2026-09-28\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.postingEnd").value("2026-10-12"));

        approve(samaritan, disabilityCase, "2026-10-09").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("approvedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2026-10-12")));
        approve(samaritan, disabilityCase, "2026-10-12").andExpect(status().isBadRequest());
        approve(samaritan, disabilityCase, "2026-10-13").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvedBy").value("福建省退役军人事务厅"))
                .andExpect(jsonPath("$.certificateNumber").value(containsString("闽因公残证字")));

        mvc.perform(get("/api/v1/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("DISABLED"))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'DISABILITY_POSTED')]").isNotEmpty())
                .andExpect(jsonPath("$.timeline[?(@.kind == 'DISABILITY_APPROVED')].detail")
                        .value(org.hamcrest.Matchers.hasItem(containsString("8级"))));
        assertThat(auditedActions("jinjiang-staff", "DisabilityCase", disabilityCase))
                .containsExactly("CREATE", "UPDATE", "UPDATE");
    }

    @Test
    void a_reassessment_comes_no_sooner_than_a_year_after_the_approval_and_replaces_the_grade() throws Exception {
        long samaritan = samaritan();
        long first = approvedGrade7(samaritan);

        apply(samaritan, null, "2026-03-19", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("appliedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2026-03-20")));
        long again = id(apply(samaritan, null, "2026-03-20", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.previousCaseId").value(first))
                .andExpect(jsonPath("$.injuredOn").value("2024-10-10")));
        posting(samaritan, again, "{\"grade\": 5, \"postingStart\": \"2026-04-13\"}").andExpect(status().isOk());
        approve(samaritan, again, "2026-05-20").andExpect(status().isOk());

        mvc.perform(get("/api/v1/samaritans/{id}/disability-cases", samaritan).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$[0].id").value(again))
                .andExpect(jsonPath("$[0].status").value("APPROVED"))
                .andExpect(jsonPath("$[1].status").value("SUPERSEDED"));
        assertThat(auditedActions("jinjiang-staff", "DisabilityCase", first)).containsExactly("CREATE", "UPDATE",
                "UPDATE", "UPDATE");
    }

    @Test
    void the_pension_line_uses_the_standard_of_its_year_and_grade_and_is_generated_once() throws Exception {
        long samaritan = samaritan();
        call(post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": 2026}").andExpect(status().isConflict());
        approvedGrade7(samaritan);

        long line = id(call(post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": 2026}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.grade").value(7))
                .andExpect(jsonPath("$.months").value(12))
                .andExpect(jsonPath("$.amount").value(30300.00))
                .andExpect(jsonPath("$.status").value("SCHEDULED")));
        call(post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": 2026}").andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(line));
        assertThat(jdbc.sql("select count(*) from pension_payment where samaritan_id = :id and pension_year = 2026")
                .param("id", samaritan).query(Long.class).single()).isEqualTo(1);

        // approved on 20 March 2025: April to December of 2025 at that year's standard of grade 7 (29,400)
        call(post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": 2025}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.months").value(9))
                .andExpect(jsonPath("$.amount").value(22050.00));
        call(post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": 2024}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));

        call(post("/api/v1/samaritans/{id}/pensions/2025/payment", samaritan),
                "{\"paidOn\": \"2025-12-20\", \"paidBy\": \"晋江市退役军人事务局\", \"reference\": \"晋退役军人〔2025〕抚字 23 号\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.paidBy").value("晋江市退役军人事务局"));
        call(post("/api/v1/samaritans/{id}/pensions/2025/payment", samaritan),
                "{\"paidOn\": \"2025-12-21\", \"paidBy\": \"晋江市退役军人事务局\"}").andExpect(status().isConflict());
        call(post("/api/v1/samaritans/{id}/pensions/2026/stop", samaritan), "{\"reason\": \"\"}")
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/v1/samaritans/{id}/pensions", samaritan).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$[0].year").value(2026))
                .andExpect(jsonPath("$[1].year").value(2025))
                .andExpect(jsonPath("$[1].status").value("PAID"));
        assertThat(auditedActions("jinjiang-staff", "PensionPayment", line)).containsExactly("CREATE");
        mvc.perform(get("/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("伤残抚恤金发放计划")))
                .andExpect(content().string(containsString("¥30,300.00")))
                .andExpect(content().string(containsString("7级伤残")))
                .andExpect(content().string(containsString("由晋江市退役军人事务局发放")));

        // the year's roll lists the line once, in the county, and adds it to what was owed and paid
        String roll = mvc.perform(get("/api/v1/pensions").param("year", "2025").param("region", "350582")
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<Object>>read(roll,
                "$.lines[?(@.samaritanId == %d)].amount".formatted(samaritan))).hasSize(1);
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(roll,
                "$.lines[?(@.samaritanId == %d)].status".formatted(samaritan))).containsExactly("PAID");
        java.math.BigDecimal paid = jdbc.sql("""
                select coalesce(sum(p.amount), 0) from pension_payment p join samaritan s on s.id = p.samaritan_id
                where p.pension_year = 2025 and p.status = 'PAID' and s.region_code = '350582'""")
                .query(java.math.BigDecimal.class).single();
        assertThat(new java.math.BigDecimal(com.jayway.jsonpath.JsonPath.read(roll, "$.paid").toString()))
                .isEqualByComparingTo(paid);
        // a page at a time: each line once, the totals those of all of them
        long lineCount = ((Number) com.jayway.jsonpath.JsonPath.read(roll, "$.lineCount")).longValue();
        java.util.List<Long> seen = new java.util.ArrayList<>();
        for (int page = 0; page < lineCount; page++) {
            String one = mvc.perform(get("/api/v1/pensions").param("year", "2025").param("region", "350582")
                            .param("page", String.valueOf(page)).param("size", "1").with(as("jinjiang-staff")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            com.jayway.jsonpath.JsonPath.<java.util.List<Number>>read(one, "$.lines[*].samaritanId")
                    .forEach(id -> seen.add(id.longValue()));
            assertThat(new java.math.BigDecimal(com.jayway.jsonpath.JsonPath.read(one, "$.paid").toString()))
                    .isEqualByComparingTo(paid);
        }
        assertThat(seen).hasSize((int) lineCount).doesNotHaveDuplicates()
                .contains(samaritan);
        mvc.perform(get("/api/v1/pensions").param("year", "2025").param("region", "350582").with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/pensions").param("year", "2026").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("30,300.00")));
    }

    @Test
    void a_year_without_a_standard_is_refused_with_a_message() throws Exception {
        long samaritan = samaritan();
        approvedGrade7(samaritan);
        int next = LocalDate.now(clock).getYear() + 1;
        boolean entered = jdbc.sql("select count(*) from pension_standard where pension_year = :y and grade = 7")
                .param("y", next).query(Long.class).single() > 0;
        if (!entered) {
            call(post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": " + next + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("标准还没有录入")));
        }
        call(post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": " + (next + 1) + "}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void staff_of_another_county_find_nothing() throws Exception {
        long samaritan = samaritan();
        long disabilityCase = approvedGrade7(samaritan);
        mvc.perform(get("/api/v1/samaritans/{id}/disability-cases", samaritan).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/samaritans/{id}/disability-cases/{c}", samaritan, disabilityCase)
                .with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/samaritans/{id}/pensions", samaritan).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        call("nanan-staff", post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": 2026}")
                .andExpect(status().isNotFound());
        call("nanan-staff", post("/api/v1/samaritans/{id}/disability-cases", samaritan),
                "{\"injuredOn\": \"2026-01-01\", \"appliedOn\": \"2026-02-01\"}").andExpect(status().isNotFound());
        mvc.perform(post("/samaritans/{id}/disability/pensions", samaritan).with(as("nanan-staff")).with(csrf())
                .param("year", "2026")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from pension_payment where samaritan_id = :id").param("id", samaritan)
                .query(Long.class).single()).isZero();
        // a case of another person is not found under this one
        long other = samaritan();
        mvc.perform(get("/api/v1/samaritans/{id}/disability-cases/{c}", other, disabilityCase)
                .with(as("jinjiang-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/samaritans/{id}/pensions", samaritan).with(as("leader")))
                .andExpect(status().isOk());
        call("leader", post("/api/v1/samaritans/{id}/pensions", samaritan), "{\"year\": 2026}")
                .andExpect(status().isForbidden());
    }

    @Test
    void the_profile_forms_come_back_with_a_clear_message() throws Exception {
        long samaritan = samaritan();
        mvc.perform(post("/samaritans/{id}/disability/cases", samaritan).with(as("jinjiang-staff")).with(csrf())
                        .param("injuredOn", "2020-01-10").param("appliedOn", "2026-01-10"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/samaritans/" + samaritan + "#disability"))
                .andExpect(flash().attribute("failure", "disability.application.window-passed"));
        mvc.perform(post("/samaritans/{id}/disability/cases", samaritan).with(as("jinjiang-staff")).with(csrf())
                        .param("injuredOn", "2025-01-10").param("appliedOn", "2025-06-10"))
                .andExpect(flash().attribute("success", "disability.applied"));
        mvc.perform(get("/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("伤残评定与抚恤金")))
                .andExpect(content().string(containsString("公示拟评等级")))
                .andExpect(content().string(containsString("2025-06-10")));
        mvc.perform(get("/samaritans/{id}", samaritan).with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("伤残评定与抚恤金")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("公示拟评等级"))));
    }
}
