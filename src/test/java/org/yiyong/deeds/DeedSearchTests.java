package org.yiyong.deeds;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.yiyong.FullStackTest;

/** The deed list by text (including people's names), dates of the act, status and overdue, within the scope. */
class DeedSearchTests extends FullStackTest {

    private static final String ROBBERY = "徒手制服持刀抢劫嫌疑人";

    @Autowired
    private DeedQueries deedQueries;

    @Test
    void a_persons_name_finds_the_deed_within_the_scope_only() throws Exception {
        mvc.perform(get("/api/v1/deeds").param("q", "施建成").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title").value(hasItem(ROBBERY)));
        mvc.perform(get("/api/v1/deeds").param("q", "施建成").with(as("nanan-staff")))
                .andExpect(jsonPath("$.total").value(0));
    }

    private String deedWith(String title, String address, String actor) throws Exception {
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-06-01T10:00:00", "address": "%s", "title": "%s", "narrative": "救人",
                                 "participants": [{"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                                .formatted(address, title, actor)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.number");
    }

    private void finds(String q, String number, boolean found) throws Exception {
        mvc.perform(get("/api/v1/deeds").param("q", q).param("size", "200").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number").value(found ? hasItem(number) : not(hasItem(number))));
    }

    @Test
    void two_characters_find_a_deed_by_its_title_address_or_actor_within_the_scope_only() throws Exception {
        // two characters make no trigram: on PostgreSQL they are found through the pairs of characters (V71)
        String number = deedWith(unique("勇救鸬鹚"), unique("蟳埔村"), "麴骞");
        DeedQueries queries = AopTestUtils.getTargetObject(deedQueries);
        Object frequent = ReflectionTestUtils.getField(queries, "frequentPair");
        try {
            // a rare pair through the indexes, then as a frequent one would be, along the list
            for (int frequentPair : new int[] {(Integer) frequent, 0}) {
                ReflectionTestUtils.setField(queries, "frequentPair", frequentPair);
                finds("鸬鹚", number, true);
                finds("蟳埔", number, true);
                finds("麴骞", number, true);
                finds("鹚鸬", number, false);
                mvc.perform(get("/api/v1/deeds").param("q", "麴骞").with(as("nanan-staff")))
                        .andExpect(jsonPath("$.items[*].number").value(not(hasItem(number))));
            }
        } finally {
            ReflectionTestUtils.setField(queries, "frequentPair", frequent);
        }
    }

    @Test
    void overdue_keeps_only_the_deeds_past_their_decision_date() throws Exception {
        mvc.perform(get("/api/v1/deeds").param("overdue", "true").with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.items[*].title").value(hasItem(ROBBERY)))
                .andExpect(jsonPath("$.items[*].status").value(everyItem(not("DECIDED"))))
                .andExpect(jsonPath("$.items[*].title").value(not(hasItem("合力救起被离岸流卷走的游客"))));
    }

    @Test
    void the_dates_of_the_act_bound_the_list() throws Exception {
        LocalDate today = clock.today();
        // the demo robbery happened 47 days before the first start
        mvc.perform(get("/api/v1/deeds").param("q", "施建成").param("occurredFrom", today.minusDays(48).toString())
                        .param("occurredTo", today.minusDays(46).toString()).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.items[*].title").value(hasItem(ROBBERY)));
        mvc.perform(get("/api/v1/deeds").param("q", "施建成").param("occurredFrom", today.minusDays(10).toString())
                        .with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/deeds").param("occurredFrom", "not-a-date").with(as("jinjiang-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/deeds").param("overdue", "true").param("q", "施建成").with(as("jinjiang-staff")))
                .andExpect(status().isOk());
    }
}
