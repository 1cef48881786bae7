package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/**
 * A page shows only links its reader may follow: from the main pages of each role, and the record pages
 * they link to, no link to a record page answers 403 or 404 to that reader.
 */
class FollowableLinksTests extends FullStackTest {

    private static final Pattern RECORD = Pattern.compile("href=\"(/[a-z-]+/\\d+)(?:[#?][^\"]*)?\"");

    private List<String> refused(String user, List<String> start) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        List<String> pages = new ArrayList<>(start);
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < pages.size() && i < 80; i++) {
            String page = pages.get(i);
            var response = mvc.perform(get(page).with(as(user))).andReturn().getResponse();
            if (response.getStatus() == 403 || response.getStatus() == 404) {
                refused.add(page + " → " + response.getStatus());
                continue;
            }
            if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).startsWith("text/html")) {
                continue;
            }
            Matcher link = RECORD.matcher(response.getContentAsString());
            while (link.find()) {
                if (seen.add(link.group(1)) && i < 20) {
                    pages.add(link.group(1));
                }
            }
        }
        return refused.stream().map(entry -> entry).toList();
    }

    @Test
    void the_finance_roles_and_the_committee_are_shown_no_link_they_cannot_follow() throws Exception {
        assertThat(refused("finance-reviewer", List.of("/", "/tasks", "/payment-orders", "/payment-orders/batches",
                "/funds", "/donations"))).isEmpty();
        assertThat(refused("cashier", List.of("/", "/tasks", "/payment-orders", "/payment-orders/batches")))
                .isEmpty();
        // a round with a candidate of this test's own, for the panel member to read
        new org.yiyong.ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", "350582", "JJ-PS-QY", 1);
        String opened = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/honour-rounds").with(as("city-staff"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                                {"name": "%s", "windowFrom": "%s", "windowTo": "%s", "criteria": {"综合评价": 100},
                                 "members": ["committee-1", "committee-2"]}"""
                                .formatted(unique("链接检查表彰"), clock.today().minusDays(1), clock.today())))
                .andReturn().getResponse().getContentAsString();
        long round = ((Number) com.jayway.jsonpath.JsonPath.read(opened, "$.id")).longValue();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/honour-rounds/{id}/candidates", round).with(as("city-staff"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}"));
        assertThat(jdbc.sql("select count(*) from round_candidate where round_id = :r").param("r", round)
                .query(Long.class).single()).isPositive();
        List<String> committee = List.of("/", "/tasks", "/honour-rounds", "/deeds", "/honour-rounds/" + round);
        assertThat(refused("committee-1", committee)).isEmpty();
    }

    @Test
    void county_staff_are_shown_no_link_they_cannot_follow() throws Exception {
        assertThat(refused("jinjiang-staff", List.of("/", "/tasks", "/organizations", "/deeds", "/samaritans",
                "/honours", "/payment-orders"))).isEmpty();
    }
}
