package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;
import org.yiyong.Statements;

/**
 * The main pages run a number of SQL statements that does not grow with what they show: a deed with three actors
 * takes as many as a deed with one, a person with four relatives and an account as many as one with a relative, and a
 * list of a full page no more than its budget — a statement per row (N + 1) would break each. Counted on the
 * request's thread, session, security and rendering included.
 */
class PageStatementsTests extends FullStackTest {

    private int statements(String user, String path) throws Exception {
        // the first request of a page warms what is cached once (titles, regions, messages), then it is counted
        mvc.perform(get(path).with(as(user))).andExpect(status().isOk());
        return Statements.counted(() -> mvc.perform(get(path).with(as(user))).andExpect(status().isOk()));
    }

    private void relative(long person, String relation, String name) throws Exception {
        mvc.perform(post("/api/v1/samaritans/" + person + "/family").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relation\": \"%s\", \"name\": \"%s\"}".formatted(relation, name)))
                .andExpect(status().isCreated());
    }

    private ConfirmedDeeds deeds() {
        return new ConfirmedDeeds(mvc, jdbc, clock, this::as);
    }

    @Test
    void a_deeds_page_takes_as_many_statements_with_three_actors_as_with_one() throws Exception {
        long[] one = deeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 1);
        long[] three = deeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 3);
        int alone = statements("jinjiang-staff", "/deeds/" + one[1]);
        int many = statements("jinjiang-staff", "/deeds/" + three[3]);
        assertThat(many).as("deed page, three actors against one").isEqualTo(alone);
        assertThat(alone).as("deed page").isLessThanOrEqualTo(20);
    }

    @Test
    void a_persons_profile_takes_as_many_statements_with_a_large_family_as_with_one_relative() throws Exception {
        long[] first = deeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 1);
        long[] second = deeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 1);
        relative(first[0], "SPOUSE", "林美玲");
        int alone = statements("jinjiang-staff", "/samaritans/" + first[0]);
        long person = second[0];
        for (String[] relative : new String[][] {{"SPOUSE", "王淑贞"}, {"CHILD", "陈思远"}, {"CHILD", "陈思琪"},
                {"PARENT", "陈国栋"}}) {
            relative(person, relative[0], relative[1]);
        }
        mvc.perform(put("/api/v1/samaritans/{id}/bank-account", person).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankName\": \"晋江农商银行\", \"accountNumber\": \"6230661234567890\"}"))
                .andExpect(status().isOk());
        int family = statements("jinjiang-staff", "/samaritans/" + person);
        assertThat(family).as("profile, four relatives and an account against one relative").isEqualTo(alone);
        assertThat(alone).as("profile").isLessThanOrEqualTo(30);
    }

    private void granted(long person, long deed, String title) throws Exception {
        String body = mvc.perform(post("/api/v1/honours").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"samaritanId\": %d, \"deedId\": %d, \"titleCode\": \"%s\", \"reason\": \"一事一奖\"}"
                                .formatted(person, deed, title)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/honours/" + honour + "/approval").with(as("city-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/honours/" + honour + "/grant").with(as("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"documentNumber\": \"晋见协〔2026〕9号\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void a_persons_profile_takes_as_many_statements_with_two_honours_as_with_one() throws Exception {
        long[] first = deeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 1);
        long[] second = deeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 1);
        granted(first[0], first[1], "COUNTY_COMMENDATION");
        granted(second[0], second[1], "COUNTY_COMMENDATION");
        granted(second[0], second[1], "CITY_ACTIVIST");
        awaitEvents();
        int one = statements("jinjiang-staff", "/samaritans/" + first[0]);
        int two = statements("jinjiang-staff", "/samaritans/" + second[0]);
        assertThat(two).as("profile, two honours with their rewards against one").isEqualTo(one);
    }

    @Test
    void a_full_page_of_each_main_list_stays_within_its_budget() throws Exception {
        // a list reads its page and its count, whatever the number of rows: a statement per row would pass these
        assertThat(statements("city-staff", "/deeds")).as("deeds").isLessThanOrEqualTo(8);
        assertThat(statements("city-staff", "/samaritans")).as("samaritans").isLessThanOrEqualTo(8);
        assertThat(statements("city-staff", "/honours")).as("honours").isLessThanOrEqualTo(10);
        assertThat(statements("finance-reviewer", "/payment-orders")).as("payment orders").isLessThanOrEqualTo(12);
        assertThat(statements("city-staff", "/visits")).as("visit schedule").isLessThanOrEqualTo(12);
        assertThat(statements("auditor", "/audit")).as("audit search").isLessThanOrEqualTo(8);
        assertThat(statements("city-staff", "/guarantees")).as("guarantees").isLessThanOrEqualTo(10);
        assertThat(statements("city-staff", "/")).as("workbench").isLessThanOrEqualTo(30);
    }
}
