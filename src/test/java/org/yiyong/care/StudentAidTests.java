package org.yiyong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyong.FullStackTest;
import org.yiyong.care.internal.StudentAidApplication;
import org.yiyong.care.internal.StudentAidReminders;
import org.yiyong.care.internal.StudentAidYear;

/**
 * Student aid rounds: the children in school listed for a school year with the rate of their stage for
 * that year (a child past the end of schooling is not), one application per child and year at the rate
 * in force, approved by someone other than its recorder, paid through the funds, and counted.
 */
class StudentAidTests extends FullStackTest {

    private long samaritan;
    private String household;

    private ResultActions call(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private StudentAidYear thisYear() {
        return StudentAidYear.of(LocalDate.now(clock));
    }

    private void registered() throws Exception {
        household = unique("苏");
        String body = call("jinjiang-staff", post("/api/v1/samaritans"), """
                {"regionCode": "350582", "name": "%s", "residentId": "%s", "sourceDocument": "2014 年泉州市表彰决定"}"""
                .formatted(household, uniqueResidentId("35058219760315")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        samaritan = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** A child of the household, in the given stage until the given day (no stage when null). */
    private long child(String name, String stage, LocalDate endsOn) throws Exception {
        String body = call("jinjiang-staff", post("/api/v1/samaritans/{id}/family", samaritan), """
                {"relation": "CHILD", "name": "%s"}""".formatted(name))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.family[?(@.name == '%s')].id".formatted(name));
        long relative = ids.get(0).longValue();
        if (stage != null) {
            call("jinjiang-staff", put("/api/v1/samaritans/{id}/family/{r}/schooling", samaritan, relative), """
                    {"school": "晋江市某校", "stage": "%s", "schoolingEndsOn": "%s"}""".formatted(stage, endsOn))
                    .andExpect(status().isOk());
        }
        return relative;
    }

    /** This household's children in a round: relative id to the listed child. */
    private Map<Long, Map<String, Object>> listed(StudentAidYear year) throws Exception {
        String body = mvc.perform(get("/api/v1/student-aid/rounds/{y}", year.label()).with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> children = JsonPath.read(body, "$.children[?(@.samaritanId == %d)]".formatted(samaritan));
        Map<Long, Map<String, Object>> byRelative = new java.util.HashMap<>();
        children.forEach(c -> byRelative.put(((Number) c.get("relativeId")).longValue(), c));
        return byRelative;
    }

    private ResultActions apply(String user, long relative, StudentAidYear year) throws Exception {
        return call(user, post("/api/v1/student-aid/applications"), """
                {"relativeId": %d, "schoolYear": "%s", "hardship": "父亲见义勇为受伤后失业，家庭无稳定收入",
                 "results": "上学年期末成绩年段前 10%%，获三好学生"}""".formatted(relative, year.label()));
    }

    private long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static BigDecimal amount(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }

    @Test
    void the_round_lists_children_in_school_at_the_rate_of_their_stage_and_not_a_child_past_schooling()
            throws Exception {
        registered();
        StudentAidYear year = thisYear();
        long student = child("苏明远", "UNIVERSITY", year.startsOn().plusYears(3));
        long pupil = child("苏小禾", "PRIMARY", year.startsOn().plusYears(5));
        long vocational = child("苏安然", "VOCATIONAL", year.endsOn());
        long graduated = child("苏已毕业", "SENIOR", year.startsOn().minusDays(70));
        long notInSchool = child("苏未入学", null, null);
        long preschool = child("苏幼幼", "PRESCHOOL", year.startsOn().plusYears(1));

        Map<Long, Map<String, Object>> round = listed(year);
        assertThat(round).containsOnlyKeys(student, pupil, vocational);
        assertThat(amount(round.get(student).get("rate"))).isEqualByComparingTo("6000.00");
        assertThat(amount(round.get(pupil).get("rate"))).isEqualByComparingTo("1500.00");
        assertThat(amount(round.get(vocational).get("rate"))).isEqualByComparingTo("3000.00");
        assertThat(round.get(student).get("stage")).isEqualTo("UNIVERSITY");
        assertThat(round.get(student).get("applicationId")).isNull();
        assertThat(round).doesNotContainKeys(graduated, notInSchool, preschool);

        // the year before, the child who has since left school was still in it
        assertThat(listed(year.previous())).containsKey(graduated);

        // past the end of schooling: no application either
        apply("jinjiang-staff", graduated, year).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relativeId"));
        apply("jinjiang-staff", preschool, year).andExpect(status().isBadRequest());

        // another county's staff do not see the household
        String nanan = mvc.perform(get("/api/v1/student-aid/rounds/{y}", year.label()).with(as("nanan-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(nanan, "$.children[?(@.samaritanId == %d)]".formatted(samaritan))).isEmpty();
        apply("nanan-staff", student, year).andExpect(status().isNotFound());

        mvc.perform(get("/student-aid").param("year", year.label()).with(as("city-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("苏明远")))
                .andExpect(content().string(containsString("¥6,000.00")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("苏已毕业"))));
    }

    @Test
    void an_application_is_approved_by_another_city_user_at_the_rate_of_the_year_and_paid_through_the_funds()
            throws Exception {
        registered();
        StudentAidYear year = thisYear();
        long student = child("苏文博", "UNIVERSITY", year.startsOn().plusYears(2));
        long pupil = child("苏文静", "JUNIOR", year.startsOn().plusYears(2));

        long application = id(apply("jinjiang-staff", student, year).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.amount").value(6000.0))
                .andExpect(jsonPath("$.schoolYear").value(year.label())));
        // once per child and school year
        apply("jinjiang-staff", student, year).andExpect(status().isConflict());
        assertThat(auditedActions("jinjiang-staff", "StudentAidApplication", application)).containsExactly("CREATE");

        mvc.perform(get("/api/v1/student-aid/applications/{id}", application).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
        call("jinjiang-staff", post("/api/v1/student-aid/applications/{id}/approval", application),
                "{\"decisionDocument\": \"晋见协〔2026〕8号\"}").andExpect(status().isForbidden());
        call("city-staff", post("/api/v1/student-aid/applications/{id}/approval", application), "{}")
                .andExpect(status().isBadRequest());
        call("city-staff", post("/api/v1/student-aid/applications/{id}/approval", application),
                "{\"decisionDocument\": \"泉见协〔2026〕40号\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.amount").value(6000.0))
                .andExpect(jsonPath("$.decidedBy").value("city-staff"));
        awaitEvents();

        Map<String, Object> order = jdbc.sql("""
                select id, amount, purpose, payee_samaritan_id, region_code, description, status from payment_order
                where source = 'CARE' and source_ref = :ref""").param("ref", "student-aid-" + application)
                .query().singleRow();
        assertThat((BigDecimal) order.get("amount")).isEqualByComparingTo("6000.00");
        assertThat(order.get("purpose")).isEqualTo("STUDENT_AID");
        assertThat(((Number) order.get("payee_samaritan_id")).longValue()).isEqualTo(samaritan);
        assertThat(order.get("region_code")).isEqualTo("350500");
        assertThat(order.get("description")).isEqualTo(year.label() + "学年助学金（大学）");
        long orderId = ((Number) order.get("id")).longValue();

        // four eyes: the recorder does not approve their own application
        long second = id(apply("city-staff", pupil, year).andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(2000.0)));
        call("city-staff", post("/api/v1/student-aid/applications/{id}/approval", second),
                "{\"decisionDocument\": \"泉见协〔2026〕40号\"}").andExpect(status().isConflict());
        call("city-police", post("/api/v1/student-aid/applications/approval", 0),
                "{\"ids\": [%d], \"decisionDocument\": \"泉见协〔2026〕40号\"}".formatted(second))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value("APPROVED"));
        awaitEvents();

        // paid by the funds: the application shows as paid, once
        // the payee's account, recorded on the order before review (no batch pays an order without one)
        call("city-staff", post("/api/v1/payment-orders/{id}/payment-method", orderId), """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "中国工商银行泉州分行", "payeeAccountNumber": "6222021408001234567"}""")
                .andExpect(status().isOk());
        call("finance-reviewer", post("/api/v1/payment-orders/{id}/approval", orderId), "{}").andExpect(status().isOk());
        call("cashier", post("/api/v1/payment-orders/batches"), "{\"orderIds\": [" + orderId + "]}")
                .andExpect(status().isCreated());
        call("cashier", post("/api/v1/payment-orders/{id}/payment", orderId),
                "{\"bankReference\": \"SA-" + application + "\"}").andExpect(status().isOk());
        awaitEvents();
        mvc.perform(get("/api/v1/student-aid/applications/{id}", application).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.paidOn").value(LocalDate.now(clock).toString()))
                .andExpect(jsonPath("$.paymentOrderNumber").isNotEmpty());

        // cumulative: person-times and amounts per person and per year
        String statistics = mvc.perform(get("/api/v1/student-aid/statistics").with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> people = JsonPath.read(statistics, "$.byPerson[?(@.samaritanId == %d)]"
                .formatted(samaritan));
        assertThat(people).hasSize(2);
        assertThat(people).allSatisfy(p -> assertThat(((Number) p.get("personTimes")).intValue()).isEqualTo(1));
        assertThat(people.stream().map(p -> amount(p.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("8000.00");
        List<Map<String, Object>> thisYear = JsonPath.read(statistics, "$.byYear[?(@.schoolYear == '%s')]"
                .formatted(year.label()));
        assertThat(((Number) thisYear.get(0).get("personTimes")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) thisYear.get(0).get("paidPersonTimes")).intValue()).isGreaterThanOrEqualTo(1);

        mvc.perform(get("/student-aid/applications/{id}", application).with(as("city-staff")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("苏文博")));
    }

    @Test
    void a_refused_application_is_not_approved_and_readers_cannot_change_anything() throws Exception {
        registered();
        StudentAidYear year = thisYear();
        long pupil = child("苏雨桐", "SENIOR", year.endsOn());
        long application = id(apply("jinjiang-staff", pupil, year).andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(3000.0)));
        call("city-staff", post("/api/v1/student-aid/applications/{id}/refusal", application), "{\"reason\": \"\"}")
                .andExpect(status().isBadRequest());
        call("city-staff", post("/api/v1/student-aid/applications/{id}/refusal", application),
                "{\"reason\": \"家庭经济状况经走访核实不属困难\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"));
        call("city-police", post("/api/v1/student-aid/applications/{id}/approval", application),
                "{\"decisionDocument\": \"泉见协〔2026〕41号\"}").andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from payment_order where source = 'CARE' and source_ref = :ref")
                .param("ref", "student-aid-" + application).query(Long.class).single()).isZero();

        mvc.perform(get("/api/v1/student-aid/applications").param("schoolYear", year.label()).with(as("leader")))
                .andExpect(status().isOk());
        apply("leader", pupil, year.next()).andExpect(status().isForbidden());
        call("jinjiang-staff", post("/api/v1/student-aid/rates"),
                "{\"stage\": \"PRIMARY\", \"schoolYear\": \"%s\", \"amount\": 1800}".formatted(year.next().label()))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_new_rate_applies_from_its_school_year_on_and_is_not_changed_once_used() throws Exception {
        registered();
        StudentAidYear year = thisYear();
        StudentAidYear next = year.next();
        long student = child("苏志远", "POSTGRADUATE", next.startsOn().plusYears(2));

        call("city-staff", post("/api/v1/student-aid/rates"),
                "{\"stage\": \"POSTGRADUATE\", \"schoolYear\": \"%s\", \"amount\": 8000.001}".formatted(next.label()))
                .andExpect(status().isBadRequest());
        call("city-staff", post("/api/v1/student-aid/rates"), """
                {"stage": "POSTGRADUATE", "schoolYear": "%s", "amount": 8000, "note": "市协会理事会决议提高研究生助学标准"}"""
                .formatted(next.label())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.effectiveFrom").value(next.startsOn().toString()));

        assertThat(amount(listed(year).get(student).get("rate"))).isEqualByComparingTo("7500.00");
        assertThat(amount(listed(next).get(student).get("rate"))).isEqualByComparingTo("8000.00");
        mvc.perform(get("/api/v1/student-aid/rates").param("schoolYear", year.label()).with(as("leader")))
                .andExpect(jsonPath("$[?(@.stage == 'POSTGRADUATE')].amount").value(7500.0));

        long thisYears = id(apply("jinjiang-staff", student, year).andExpect(status().isCreated()));
        long nextYears = id(apply("jinjiang-staff", student, next).andExpect(status().isCreated()));
        call("city-staff", post("/api/v1/student-aid/applications/approval"),
                "{\"ids\": [%d, %d], \"decisionDocument\": \"泉见协〔2026〕42号\"}".formatted(thisYears, nextYears))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].amount").value(7500.0))
                .andExpect(jsonPath("$[1].amount").value(8000.0));
        call("city-staff", post("/api/v1/student-aid/rates"),
                "{\"stage\": \"POSTGRADUATE\", \"schoolYear\": \"%s\", \"amount\": 9000}".formatted(next.label()))
                .andExpect(status().isConflict());
        awaitEvents();
        assertThat(jdbc.sql("select amount from payment_order where source = 'CARE' and source_ref = :ref")
                .param("ref", "student-aid-" + nextYears).query(BigDecimal.class).single())
                .isEqualByComparingTo("8000.00");
    }

    @Test
    void the_demo_round_has_huang_zhipeng_approved_at_the_university_rate() throws Exception {
        String body = mvc.perform(get("/api/v1/student-aid/rounds/{y}", thisYear().label()).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> huang = JsonPath.read(body, "$.children[?(@.name == '黄志鹏')]");
        assertThat(huang).hasSize(1);
        assertThat(huang.get(0).get("applicationStatus")).isIn("APPROVED", "PAID");
        assertThat(amount(huang.get(0).get("applicationAmount"))).isEqualByComparingTo("6000.00");
    }

    @org.springframework.beans.factory.annotation.Autowired
    StudentAidReminders reminders;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    @Test
    void applications_awaiting_approval_remind_the_city_and_the_api_is_documented() throws Exception {
        registered();
        StudentAidYear year = thisYear();
        long pupil = child("苏可欣", "PRIMARY", year.startsOn().plusYears(4));
        apply("jinjiang-staff", pupil, year).andExpect(status().isCreated());
        assertThat(reminders.reminders(user("city-police"))).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo("student-aid.awaiting-approval");
            assertThat(r.link()).contains("year=" + year.label());
        });
        assertThat(reminders.reminders(user("jinjiang-staff"))).isEmpty();

        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/student-aid/rounds/{schoolYear}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/student-aid/applications/{id}/approval']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/student-aid/rates']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/targeted-aid']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/targeted-aid/{id}/receipt']").exists());
    }

    private org.yiyong.identity.CurrentUser user(String username) {
        var details = accounts.loadUserByUsername(username);
        var holder = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .authenticated(details, null, details.getAuthorities()));
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            return org.yiyong.identity.SignedIn.user().orElseThrow();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(holder);
        }
    }
}
