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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/** The visit schedule by household category, visits that open assistance cases, and a hardship grant paid. */
class VisitTests extends FullStackTest {

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long register(String user, String region) throws Exception {
        String body = call(user, "/api/v1/samaritans", """
                {"regionCode": "%s", "name": "%s", "residentId": "%s", "sourceDocument": "2015 年泉州市表彰决定"}"""
                .formatted(region, unique("庄"), uniqueResidentId(region + "19700303")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        awaitEvents(); // on the schedule once care has heard of the new household
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String visit(String user, long samaritan, LocalDate on, boolean hardship, String problems) throws Exception {
        return call(user, "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "许志强、庄文彬", "met": "本人及妻子",
                 "livingConditions": "住房老旧，妻子务农", "hardship": %s, "problems": %s}"""
                .formatted(samaritan, on, hardship, problems)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
    }

    /** The household's line on a page of the schedule, found by its (unique) name. */
    private List<Object> scheduled(String user, String filter, long samaritan) throws Exception {
        return JsonPath.read(schedule(user, filter, samaritan), "$.items[?(@.samaritanId == %d)]".formatted(samaritan));
    }

    private String schedule(String user, String filter, long samaritan) throws Exception {
        return mvc.perform(get("/api/v1/visits").param("filter", filter).param("q", nameOf(samaritan)).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String nameOf(long samaritan) {
        return jdbc.sql("select name from samaritan where id = :id").param("id", samaritan).query(String.class).single();
    }

    @Test
    void a_household_in_hardship_is_visited_quarterly_and_overdue_when_a_quarter_passes() throws Exception {
        long household = register("jinjiang-staff", "350582");
        LocalDate today = LocalDate.now(clock);
        assertThat(scheduled("jinjiang-staff", "OVERDUE", household)).as("due a month after registration").isEmpty();
        assertThat(scheduled("jinjiang-staff", "DUE_SOON", household)).hasSize(1);

        visit("jinjiang-staff", household, today, false, "[]");
        String all = schedule("jinjiang-staff", "ALL", household);
        assertThat(JsonPath.<List<Integer>>read(all, "$.items[?(@.samaritanId == %d)].intervalMonths".formatted(household)))
                .containsExactly(12);

        visit("jinjiang-staff", household, today, true, "[]");
        all = schedule("jinjiang-staff", "ALL", household);
        assertThat(JsonPath.<List<Integer>>read(all, "$.items[?(@.samaritanId == %d)].intervalMonths".formatted(household)))
                .containsExactly(3);
        assertThat(JsonPath.<List<String>>read(all, "$.items[?(@.samaritanId == %d)].due".formatted(household)))
                .containsExactly(today.plusMonths(3).toString());
        assertThat(JsonPath.<List<List<String>>>read(all, "$.items[?(@.samaritanId == %d)].categories"
                .formatted(household)).get(0)).contains("HARDSHIP");

        clock.advance(Duration.ofDays(80));
        assertThat(scheduled("jinjiang-staff", "OVERDUE", household)).isEmpty();
        assertThat(scheduled("jinjiang-staff", "DUE_SOON", household)).hasSize(1);
        clock.advance(Duration.ofDays(15));
        assertThat(scheduled("jinjiang-staff", "OVERDUE", household)).hasSize(1);
        assertThat(scheduled("nanan-staff", "ALL", household)).as("another county's schedule").isEmpty();
        mvc.perform(get("/visits").param("filter", "OVERDUE").param("q", nameOf(household)).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("due-" + household)))
                .andExpect(content().string(containsString("共 1 户")));
        mvc.perform(get("/tasks").with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-kind=\"care.visit-overdue\"")))
                .andExpect(content().string(containsString("走访逾期")));

        // the policy is data: a city decision to visit hardship households every two months
        mvc.perform(put("/api/v1/visits/policies/HARDSHIP").with(as("jinjiang-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\": 2}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/visits/policies/HARDSHIP").with(as("city-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\": 0}"))
                .andExpect(status().isBadRequest());
        try {
            mvc.perform(put("/api/v1/visits/policies/HARDSHIP").with(as("city-staff"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\": 2}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.HARDSHIP").value(2));
            clock.reset();
            assertThat(JsonPath.<List<String>>read(schedule("jinjiang-staff", "ALL", household),
                    "$.items[?(@.samaritanId == %d)].due".formatted(household))).containsExactly(today.plusMonths(2).toString());
        } finally {
            // through the policy itself, so that every kept due date follows it back
            mvc.perform(put("/api/v1/visits/policies/HARDSHIP").with(as("city-staff"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\": 3}"))
                    .andExpect(status().isOk());
            awaitEvents();
        }
    }

    @Test
    void a_visit_on_the_last_day_of_a_long_month_is_next_due_on_the_last_day_of_a_shorter_one() throws Exception {
        long household = register("jinjiang-staff", "350582");
        // the latest 31st, three months or more ago, whose quarter ends in a month of fewer days
        LocalDate month = LocalDate.now(clock).minusMonths(3).withDayOfMonth(1);
        while (month.lengthOfMonth() != 31 || month.withDayOfMonth(31).plusMonths(3).getDayOfMonth() == 31) {
            month = month.minusMonths(1);
        }
        LocalDate visited = month.withDayOfMonth(31);
        visit("jinjiang-staff", household, visited, true, "[]");

        // computed by the database as LocalDate.plusMonths does: 31 August + 3 months = 30 November
        assertThat(JsonPath.<List<String>>read(schedule("jinjiang-staff", "ALL", household),
                "$.items[?(@.samaritanId == %d)].due".formatted(household)))
                .containsExactly(visited.plusMonths(3).toString());
        assertThat(scheduled("jinjiang-staff", "OVERDUE", household))
                .hasSize(visited.plusMonths(3).isBefore(LocalDate.now(clock)) ? 1 : 0);
        // a page past the end has no households, and still says how many there are
        String past = mvc.perform(get("/api/v1/visits").param("filter", "ALL").param("q", nameOf(household))
                .param("page", "3").with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(past, "$.items")).isEmpty();
        assertThat(JsonPath.<Integer>read(past, "$.total")).isEqualTo(1);
    }

    @Test
    void each_problem_found_opens_a_case_followed_to_a_hardship_grant_paid_by_the_funds() throws Exception {
        long household = register("jinjiang-staff", "350582");
        LocalDate today = LocalDate.now(clock);
        call("jinjiang-staff", "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "许志强", "met": "本人",
                 "livingConditions": "", "problems": []}""".formatted(household, today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("livingConditions"));
        call("jinjiang-staff", "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "许志强", "met": "本人",
                 "livingConditions": "尚可", "problems": [{"description": "孩子上学远"}]}""".formatted(household, today))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from visit where samaritan_id = :s").param("s", household)
                .query(Long.class).single()).as("nothing half-saved").isZero();
        call("nanan-staff", "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "洪美玲", "met": "本人",
                 "livingConditions": "尚可", "problems": []}""".formatted(household, today))
                .andExpect(status().isNotFound());

        String body = visit("jinjiang-staff", household, today, true, """
                [{"kind": "HARDSHIP_GRANT", "description": "妻子住院，家中无收入"},
                 {"kind": "EMPLOYMENT", "description": "本人伤愈后希望再就业"}]""");
        long visitId = ((Number) JsonPath.read(body, "$.id")).longValue();
        List<Integer> cases = JsonPath.read(mvc.perform(get("/api/v1/assistance-cases").with(as("jinjiang-staff")))
                .andReturn().getResponse().getContentAsString(), "$.items[?(@.samaritanId == %d)].id".formatted(household));
        assertThat(cases).hasSize(2);
        long grantCase = jdbc.sql("select id from assistance_case where visit_id = :v and kind = 'HARDSHIP_GRANT'")
                .param("v", visitId).query(Long.class).single();
        long jobCase = jdbc.sql("select id from assistance_case where visit_id = :v and kind = 'EMPLOYMENT'")
                .param("v", visitId).query(Long.class).single();

        call("jinjiang-staff", "/api/v1/assistance-cases/" + jobCase + "/grant", "{\"amount\": 3000}")
                .andExpect(status().isConflict());
        call("jinjiang-staff", "/api/v1/assistance-cases/" + jobCase + "/notes", "{\"note\": \"已推荐至晋江市人社局就业服务中心\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        call("jinjiang-staff", "/api/v1/assistance-cases/" + jobCase + "/solution", "{\"outcome\": \"已在本地鞋企就业\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SOLVED"));
        call("jinjiang-staff", "/api/v1/assistance-cases/" + jobCase + "/notes", "{\"note\": \"再记\"}")
                .andExpect(status().isConflict());

        call("jinjiang-staff", "/api/v1/assistance-cases/" + grantCase + "/grant", "{\"amount\": 3000.001}")
                .andExpect(status().isBadRequest());
        call("jinjiang-staff", "/api/v1/assistance-cases/" + grantCase + "/grant",
                "{\"amount\": 3000, \"decisionDocument\": \"晋见协〔2026〕70号\"}").andExpect(status().isOk());
        call("jinjiang-staff", "/api/v1/assistance-cases/" + grantCase + "/grant", "{\"amount\": 3000}")
                .andExpect(status().isConflict());
        awaitEvents();
        long order = jdbc.sql("select id from payment_order where source = 'CARE' and source_ref = :ref")
                .param("ref", "assistance-" + grantCase).query(Long.class).single();
        // the payee's account, recorded on the order before review (no batch pays an order without one)
        call("jinjiang-staff", "/api/v1/payment-orders/" + order + "/payment-method", """
                {"paymentMethod": "BANK_TRANSFER", "payeeBankName": "晋江农商银行", "payeeAccountNumber": "6231234500007001"}""")
                .andExpect(status().isOk());
        call("jinjiang-finance", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value("HARDSHIP")).andExpect(jsonPath("$.regionCode").value("350582"));
        call("jinjiang-cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());
        call("jinjiang-cashier", "/api/v1/payment-orders/" + order + "/payment", "{\"bankReference\": \"JJ-BF-1\"}")
                .andExpect(status().isOk());
        awaitEvents();
        mvc.perform(get("/api/v1/assistance-cases/{id}", grantCase).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.grantPaidOn").value(today.toString()));
        mvc.perform(get("/samaritans/{id}", household).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("妻子住院，家中无收入")));
        mvc.perform(get("/api/v1/assistance-cases/{id}", grantCase).with(as("nanan-staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_reminders_kept_for_a_home_page_are_read_again_once_a_visit_is_recorded() throws Exception {
        long household = register("jinjiang-staff", "350582");
        long station = jdbc.sql("select organization_id from user_account where username = 'anhai-station'")
                .query(Long.class).single();
        call("jinjiang-staff", "/api/v1/visits/assignments", """
                {"samaritanId": %d, "organizationId": %d}""".formatted(household, station))
                .andExpect(status().is2xxSuccessful());
        String link = "/visits/new?samaritanId=" + household;
        assertThat(tasks("anhai-station")).as("a household new on the registry is due within a month").contains(link);
        assertThat(tasks("anhai-station")).as("read again from what was kept").contains(link);

        visit("jinjiang-staff", household, LocalDate.now(clock), false, "[]");

        assertThat(tasks("anhai-station")).as("visited today: next due in a year").doesNotContain(link);
    }

    private String tasks(String user) throws Exception {
        return mvc.perform(get("/api/v1/tasks").with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
