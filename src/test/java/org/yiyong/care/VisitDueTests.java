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

    private void policy(String category, int months) throws Exception {
        mvc.perform(put("/api/v1/visits/policies/" + category).with(as("city-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\": " + months + "}"))
                .andExpect(status().isOk());
        awaitEvents(); // every household worked out again after the change, in the background
    }

    private void visit(long household, LocalDate on, boolean hardship) throws Exception {
        call("jinjiang-staff", "/api/v1/visits", """
                {"samaritanId": %d, "visitedOn": "%s", "visitors": "许志强", "met": "本人", "livingConditions": "平稳",
                 "hardship": %s, "problems": []}""".formatted(household, on, hardship)).andExpect(status().isCreated());
    }

    @Test
    void a_policy_changed_moves_every_kept_date() throws Exception {
        long household = register(unique("庄"));
        LocalDate visited = LocalDate.now(clock).minusDays(5);
        visit(household, visited, false);
        int before = schedule.policies().get(org.yiyong.care.internal.HouseholdCategory.DEFAULT);
        try {
            policy("DEFAULT", 7);
            assertThat(kept(household)).isEqualTo(visited.plusMonths(7));
        } finally {
            policy("DEFAULT", before);
        }
        assertThat(kept(household)).isEqualTo(visited.plusMonths(before));
    }

    @Test
    void what_the_changes_kept_is_what_a_rebuild_from_scratch_works_out() throws Exception {
        // households kept change by change: registered, visited in hardship, bereaved with a survivor, one lost
        long plain = register(unique("庄"));
        long hardship = register(unique("庄"));
        visit(hardship, LocalDate.now(clock).minusDays(20), true);
        long bereaved = register(unique("庄"));
        call("jinjiang-staff", "/api/v1/samaritans/" + bereaved + "/family",
                "{\"relation\": \"CHILD\", \"name\": \"" + unique("林") + "\"}").andExpect(status().isCreated());
        call("jinjiang-staff", "/api/v1/samaritans/" + bereaved + "/death", """
                {"diedOn": "%s", "determination": "DEATH_ON_DUTY", "documentNumber": "晋政〔2026〕11号"}"""
                .formatted(LocalDate.now(clock).minusDays(1))).andExpect(status().isCreated());
        long lost = register(unique("庄"));
        call("jinjiang-staff", "/api/v1/samaritans/" + lost + "/lost-contact", "{\"note\": \"搬离\"}")
                .andExpect(status().isOk());
        awaitEvents();
        List<Long> ours = List.of(plain, hardship, bereaved, lost);
        String mine = "select samaritan_id, region_code, name, due_on from visit_due where samaritan_id in (:ids)"
                + " order by samaritan_id";
        List<Map<String, Object>> kept = jdbc.sql(mine).param("ids", ours).query().listOfRows();
        assertThat(kept).hasSize(3);

        // lost, then worked out from scratch; a date written by hand and a row of no one are put right too
        jdbc.sql("delete from visit_due where samaritan_id in (:ids)").param("ids", List.of(plain, bereaved)).update();
        jdbc.sql("update visit_due set due_on = :wrong where samaritan_id = :id").param("wrong", LocalDate.of(2001, 1, 1))
                .param("id", hardship).update();
        long nobody = jdbc.sql("select max(samaritan_id) from visit_due").query(Long.class).single() + 1_000_000;
        jdbc.sql("insert into visit_due (samaritan_id, region_code, name, due_on) values (:id, '350582', '无此人', :on)")
                .param("id", nobody).param("on", LocalDate.of(2001, 1, 1)).update();
        // as after a rebuild stopped half-way: the next start does it again until one has finished
        jdbc.sql("delete from visit_due_rebuilt").update();
        assertThat(schedule.rebuilt()).isFalse();
        schedule.rebuild();
        assertThat(schedule.rebuilt()).isTrue();
        assertThat(jdbc.sql(mine).param("ids", ours).query().listOfRows()).isEqualTo(kept);
        assertThat(kept(nobody)).isNull();
    }
}
