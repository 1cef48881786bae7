package org.yiyong.deeds;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/** The deed list by text (including people's names), dates of the act, status and overdue, within the scope. */
class DeedSearchTests extends FullStackTest {

    private static final String ROBBERY = "徒手制服持刀抢劫嫌疑人";

    @Test
    void a_persons_name_finds_the_deed_within_the_scope_only() throws Exception {
        mvc.perform(get("/api/v1/deeds").param("q", "施建成").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title").value(hasItem(ROBBERY)));
        mvc.perform(get("/api/v1/deeds").param("q", "施建成").with(as("nanan-staff")))
                .andExpect(jsonPath("$.total").value(0));
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
