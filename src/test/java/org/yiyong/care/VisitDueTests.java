package org.yiyong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.care.internal.VisitSchedule;

/**
 * The due dates the visit schedule keeps ({@code visit_due}) follow what happens to a household: a visit, a death
 * in the registry, contact lost and found again, a policy changed; and a rebuild from scratch finds what they hold.
 */
class VisitDueTests extends FullStackTest {

    @Autowired
    VisitSchedule schedule;

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long register(String name) throws Exception {
        String body = call("jinjiang-staff", "/api/v1/samaritans", """
                {"regionCode": "350582", "name": "%s", "residentId": "%s", "sourceDocument": "2015 年泉州市表彰决定"}"""
                .formatted(name, uniqueResidentId("35058219700303")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        awaitEvents();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The due date kept for the household, or null when it has none. */
    private LocalDate kept(long samaritan) {
        return jdbc.sql("select due_on from visit_due where samaritan_id = :id").param("id", samaritan)
                .query(LocalDate.class).optional().orElse(null);
    }

    /** The household's lines on the schedule's pages (ALL), searched by its name. */
    private List<Map<String, Object>> listed(long samaritan, String name) throws Exception {
        String page = mvc.perform(get("/api/v1/visits").param("filter", "ALL").param("q", name)
                .with(as("jinjiang-staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(page, "$.items[?(@.samaritanId == %d)]".formatted(samaritan));
    }

    private LocalDate registeredOn(long samaritan) {
        return jdbc.sql("select created_at from samaritan where id = :id").param("id", samaritan)
                .query(java.time.OffsetDateTime.class).single().atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    @Test
    void a_visit_and_a_death_move_the_kept_date_and_losing_contact_takes_the_household_off() throws Exception {
        String name = unique("庄");
        long household = register(name);
        LocalDate today = LocalDate.now(clock);
        assertThat(kept(household)).as("registered: due a month later").isEqualTo(registeredOn(household).plusMonths(1));
        assertThat(listed(household, name)).hasSize(1);

        LocalDate visited = today.minusDays(10);
        call("jinjiang-staff", "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "许志强", "met": "本人", "livingConditions": "平稳",
                 "hardship": false, "problems": []}""".formatted(household, visited)).andExpect(status().isCreated());
        assertThat(kept(household)).as("a year after the visit").isEqualTo(visited.plusMonths(12));

        // a relative survives, so the household stays — now bereaved, visited every quarter by default
        call("jinjiang-staff", "/api/v1/samaritans/" + household + "/family",
                "{\"relation\": \"SPOUSE\", \"name\": \"" + unique("林") + "\"}").andExpect(status().isCreated());
        call("jinjiang-staff", "/api/v1/samaritans/" + household + "/death", """
                {"diedOn": "%s", "determination": "DEATH_ON_DUTY", "documentNumber": "晋政〔2026〕9号"}"""
                .formatted(today.minusDays(2))).andExpect(status().isCreated());
        awaitEvents(); // the registry's change reaches the schedule when the schedule hears of it
        int bereaved = schedule.policies().get(org.yiyong.care.internal.HouseholdCategory.BEREAVED);
        assertThat(kept(household)).isEqualTo(visited.plusMonths(Math.min(12, bereaved)));
        assertThat(listed(household, name)).extracting(line -> line.get("due"))
                .containsExactly(visited.plusMonths(Math.min(12, bereaved)).toString());

        call("jinjiang-staff", "/api/v1/samaritans/" + household + "/lost-contact", "{\"note\": \"电话停机\"}")
                .andExpect(status().isOk());
        awaitEvents();
        assertThat(kept(household)).as("traced, not scheduled").isNull();
        assertThat(listed(household, name)).isEmpty();

        call("jinjiang-staff", "/api/v1/samaritans/" + household + "/tracings", """
                {"tracedOn": "%s", "note": "经社区找到", "found": true}""".formatted(today)).andExpect(status().isOk());
        awaitEvents();
        assertThat(kept(household)).isEqualTo(visited.plusMonths(Math.min(12, bereaved)));
        assertThat(listed(household, name)).hasSize(1);
    }

    @Test
    void a_policy_changed_moves_every_kept_date_and_a_rebuild_finds_what_the_changes_kept() throws Exception {
        long household = register(unique("庄"));
        LocalDate visited = LocalDate.now(clock).minusDays(5);
        call("jinjiang-staff", "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "许志强", "met": "本人", "livingConditions": "平稳",
                 "hardship": false, "problems": []}""".formatted(household, visited)).andExpect(status().isCreated());
        int before = schedule.policies().get(org.yiyong.care.internal.HouseholdCategory.DEFAULT);
        try {
            mvc.perform(put("/api/v1/visits/policies/DEFAULT").with(as("city-staff"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\": 7}"))
                    .andExpect(status().isOk());
            assertThat(kept(household)).isEqualTo(visited.plusMonths(7));
        } finally {
            mvc.perform(put("/api/v1/visits/policies/DEFAULT").with(as("city-staff"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\": " + before + "}"))
                    .andExpect(status().isOk());
        }
        assertThat(kept(household)).isEqualTo(visited.plusMonths(before));

        // what the changes kept is what a rebuild works out; a date written by hand, and a row of no one, are put right
        List<Map<String, Object>> keptBefore = jdbc.sql("select * from visit_due order by samaritan_id")
                .query().listOfRows();
        jdbc.sql("update visit_due set due_on = :wrong where samaritan_id = :id").param("wrong", LocalDate.of(2001, 1, 1))
                .param("id", household).update();
        jdbc.sql("insert into visit_due (samaritan_id, region_code, name, due_on) values (:id, '350582', '无此人', :on)")
                .param("id", keptBefore.stream().mapToLong(row -> ((Number) row.get("samaritan_id")).longValue()).max()
                        .orElse(0) + 1_000_000)
                .param("on", LocalDate.of(2001, 1, 1)).update();
        schedule.rebuild();
        List<Map<String, Object>> rebuilt = jdbc.sql("select * from visit_due order by samaritan_id")
                .query().listOfRows();
        // other tests may register people meanwhile in this database: compare the households both readings hold
        assertThat(rebuilt).filteredOn(row -> keptBefore.stream()
                .anyMatch(old -> old.get("samaritan_id").equals(row.get("samaritan_id"))))
                .containsExactlyElementsOf(keptBefore);
        assertThat(kept(household)).isEqualTo(visited.plusMonths(before));
        assertThat(rebuilt).noneMatch(row -> "无此人".equals(row.get("name")));
    }
}
