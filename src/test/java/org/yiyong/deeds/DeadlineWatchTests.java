package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.yiyong.FullStackTest;
import org.yiyong.shared.DataScope;

/** Overdue and due-soon deeds per county, and on the workbench. */
class DeadlineWatchTests extends FullStackTest {

    @Autowired
    DeadlineWatch watch;

    private String acceptedDeed(String username, String region, int acceptedDaysAgo) throws Exception {
        LocalDate today = clock.today();
        LocalDateTime when = today.minusDays(acceptedDaysAgo + 3L).atTime(9, 0);
        String body = mvc.perform(post("/api/v1/deeds").with(as(username)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "%s", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "%s", "address": "某地", "title": "%s", "narrative": "经过",
                                 "participants": [{"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                                .formatted(region, when, unique("救人"), unique("某"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/deeds/{id}/accept", id).with(as(username)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"acceptedOn\": \"" + today.minusDays(acceptedDaysAgo) + "\"}"))
                .andExpect(status().isOk());
        return JsonPath.read(body, "$.number");
    }

    private List<String> dueNumbers(DataScope scope) {
        return watch.dueSoonOrOverdue(scope).stream().map(DeadlineWatch.DueDeed::number).toList();
    }

    @Test
    void an_overdue_deed_shows_for_its_county_and_the_city_but_not_for_another_county() throws Exception {
        String overdue = acceptedDeed("jinjiang-staff", "350582", 45);
        String dueSoon = acceptedDeed("jinjiang-staff", "350582", 26);
        String notYet = acceptedDeed("jinjiang-staff", "350582", 2);

        assertThat(dueNumbers(DataScope.of(List.of("350582")))).contains(overdue, dueSoon).doesNotContain(notYet);
        assertThat(dueNumbers(DataScope.of(List.of("350583")))).doesNotContain(overdue, dueSoon);
        assertThat(watch.dueSoonOrOverdue(DataScope.of(List.of("350582"))).stream()
                .filter(due -> due.number().equals(overdue)).findFirst().orElseThrow().overdue()).isTrue();

        mvc.perform(get("/").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(overdue)))
                .andExpect(content().string(containsString("已超期")));
        mvc.perform(get("/").with(as("nanan-staff")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(overdue))));
    }
}
