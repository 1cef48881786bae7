package org.yiyong.honours;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An honour round: two reviewers, one recused for a conflict, through ranking to granted honours. */
class HonourRoundTests extends HonoursTestBase {

    @Test
    void a_round_runs_from_candidates_to_granted_honours_with_a_recused_reviewer() throws Exception {
        // far from the other tests' confirmations, so the window holds only this test's
        clock.advance(Duration.ofDays(1000));
        LocalDate from = clock.today();
        long[] first = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        long[] second = confirmed("nanan-police", "350583", "NA-PS-ST");

        call("city-staff", "/api/v1/honour-rounds", """
                {"name": "第二十五次表彰", "windowFrom": "%s", "windowTo": "%s",
                 "criteria": {"危险程度": 50, "社会影响": 30}, "members": ["committee-1", "committee-2"]}"""
                .formatted(from, from.plusDays(30))).andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/honour-rounds", """
                {"name": "第二十五次表彰", "windowFrom": "%s", "windowTo": "%s",
                 "criteria": {"危险程度": 50, "社会影响": 50}, "members": ["committee-1", "jinjiang-staff"]}"""
                .formatted(from, from.plusDays(30))).andExpect(status().isBadRequest());
        String opened = call("city-staff", "/api/v1/honour-rounds", """
                {"name": "泉州市第二十五次见义勇为模范表彰大会", "windowFrom": "%s", "windowTo": "%s",
                 "criteria": {"危险程度": 50, "社会影响": 30, "行为后果": 20}, "members": ["committee-1", "committee-2"]}"""
                .formatted(from, from.plusDays(30))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long round = ((Number) JsonPath.read(opened, "$.id")).longValue();
        List<Integer> criteria = JsonPath.read(opened, "$.criteria[*].id");
        String base = "/api/v1/honour-rounds/" + round;

        call("city-staff", base + "/review", "{}").andExpect(status().isConflict());
        String drawn = call("city-staff", base + "/candidates", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates", hasSize(2))).andReturn().getResponse().getContentAsString();
        long a = ((Number) ((List<?>) JsonPath.read(drawn, "$.candidates[?(@.samaritanId == %d)].id"
                .formatted(first[0]))).get(0)).longValue();
        long b = ((Number) ((List<?>) JsonPath.read(drawn, "$.candidates[?(@.samaritanId == %d)].id"
                .formatted(second[0]))).get(0)).longValue();
        call("city-staff", base + "/review", "{}").andExpect(status().isOk());

        String scores = "{\"%d\": %%d, \"%d\": %%d, \"%d\": %%d}".formatted(criteria.get(0), criteria.get(1),
                criteria.get(2));
        call("committee-2", base + "/candidates/" + b + "/conflict", "{\"reason\": \"系本人表弟\"}")
                .andExpect(status().isOk());
        call("committee-2", base + "/candidates/" + b + "/scores", scores.formatted(90, 90, 90))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("利益冲突")));
        call("jinjiang-staff", base + "/candidates/" + a + "/scores", scores.formatted(90, 90, 90))
                .andExpect(status().isForbidden());
        call("committee-1", base + "/candidates/" + a + "/scores", scores.formatted(101, 80, 80))
                .andExpect(status().isBadRequest());
        call("committee-1", base + "/candidates/" + a + "/scores", scores.formatted(80, 70, 60)).andExpect(status().isOk());
        call("city-staff", base + "/ranking", "{}").andExpect(status().isConflict());
        call("committee-2", base + "/candidates/" + a + "/scores", scores.formatted(90, 80, 70)).andExpect(status().isOk());
        call("committee-1", base + "/candidates/" + b + "/scores", scores.formatted(95, 90, 90)).andExpect(status().isOk());

        // a: (80·50 + 70·30 + 60·20)/100 = 73, (90·50 + 80·30 + 70·20)/100 = 83 → 78.00; b: only committee-1, (95·50 + 90·30 + 90·20)/100 = 92.50
        call("city-staff", base + "/ranking", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RANKED"))
                .andExpect(jsonPath("$.candidates[0].id").value(b))
                .andExpect(jsonPath("$.candidates[0].score").value(92.50))
                .andExpect(jsonPath("$.candidates[1].score").value(78.00))
                .andExpect(jsonPath("$.candidates[0].recused[0]").value("committee-2"));

        call("city-staff", base + "/candidates/" + b + "/title", "{\"titleCode\": \"CITY_ACTIVIST\"}")
                .andExpect(status().isBadRequest());
        call("city-staff", base + "/candidates/" + b + "/title", "{\"titleCode\": \"CITY_MODEL\"}").andExpect(status().isOk());
        call("city-staff", base + "/candidates/" + a + "/title", "{\"titleCode\": \"CITY_ADVANCED\"}").andExpect(status().isOk());
        call("city-staff", base + "/approval", "{\"documentNumber\": \"泉政文〔2029〕8号\"}").andExpect(status().isOk());
        String granted = call("city-staff", base + "/grant", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(granted, "$.candidates[1].honourId")).longValue();
        mvc.perform(get("/api/v1/honours/{id}", honour).with(as("city-staff")))
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.mode").value("ROUND"))
                .andExpect(jsonPath("$.rewardAmount").value(20000.00))
                .andExpect(jsonPath("$.certificateNumber").value(matchesPattern("泉见证〔\\d{4}〕\\d{4}号")));
        call("city-staff", base + "/grant", "{}").andExpect(status().isConflict());
    }

    @Test
    void a_round_honours_a_group_with_shared_reward_and_a_nominated_unit_and_station() throws Exception {
        clock.advance(Duration.ofDays(2000));
        LocalDate from = clock.today();
        long[] together = confirmedTogether("jinjiang-police", "350582", "JJ-PS-QY", 3);
        long deed = together[3];

        String opened = call("city-staff", "/api/v1/honour-rounds", """
                {"name": "泉州市第二十六次见义勇为模范表彰大会", "windowFrom": "%s", "windowTo": "%s",
                 "criteria": {"综合评价": 100}, "members": ["committee-1", "committee-2"]}"""
                .formatted(from, from.plusDays(30))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long round = ((Number) JsonPath.read(opened, "$.id")).longValue();
        int criterion = JsonPath.read(opened, "$.criteria[0].id");
        String base = "/api/v1/honour-rounds/" + round;

        // three persons and their group
        String drawn = call("city-staff", base + "/candidates", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates", hasSize(4)))
                .andExpect(jsonPath("$.candidates[?(@.recipient == 'GROUP')].name").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.endsWith("群体"))))
                .andReturn().getResponse().getContentAsString();
        call("city-staff", base + "/candidates", "{}").andExpect(jsonPath("$.candidates", hasSize(4)));
        long group = ((Number) ((List<?>) JsonPath.read(drawn, "$.candidates[?(@.recipient == 'GROUP')].id")).get(0))
                .longValue();

        long association = organizationId("JJ-ASSOC");
        long station = organizationId("JJ-WS-QY");
        call("city-staff", base + "/nominations", "{\"organizationId\": " + organizationId("JJ-PS-QY") + "}")
                .andExpect(status().isBadRequest());
        call("city-staff", base + "/nominations", "{}").andExpect(status().isBadRequest());
        call("city-staff", base + "/nominations", "{\"organizationId\": " + association + "}").andExpect(status().isOk());
        call("city-staff", base + "/nominations", "{\"organizationId\": " + association + "}")
                .andExpect(status().isConflict());
        String nominated = call("city-staff", base + "/nominations", "{\"organizationId\": " + station + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.candidates", hasSize(6)))
                .andReturn().getResponse().getContentAsString();
        long unit = ((Number) ((List<?>) JsonPath.read(nominated, "$.candidates[?(@.organizationId == %d)].id"
                .formatted(association))).get(0)).longValue();
        long ws = ((Number) ((List<?>) JsonPath.read(nominated, "$.candidates[?(@.organizationId == %d)].id"
                .formatted(station))).get(0)).longValue();
        List<Integer> all = JsonPath.read(nominated, "$.candidates[*].id");

        call("city-staff", base + "/review", "{}").andExpect(status().isOk());
        for (Integer candidate : all) {
            for (String member : List.of("committee-1", "committee-2")) {
                call(member, base + "/candidates/" + candidate + "/scores", "{\"%d\": 80}".formatted(criterion))
                        .andExpect(status().isOk());
            }
        }
        call("city-staff", base + "/ranking", "{}").andExpect(status().isOk());
        // a person's title is not a group's, nor a unit's
        call("city-staff", base + "/candidates/" + group + "/title", "{\"titleCode\": \"CITY_ADVANCED\"}")
                .andExpect(status().isBadRequest());
        call("city-staff", base + "/candidates/" + unit + "/title", "{\"titleCode\": \"CITY_ADVANCED_STATION\"}")
                .andExpect(status().isBadRequest());
        call("city-staff", base + "/candidates/" + group + "/title", "{\"titleCode\": \"CITY_ADVANCED_GROUP\"}")
                .andExpect(status().isOk());
        call("city-staff", base + "/candidates/" + unit + "/title", "{\"titleCode\": \"CITY_ADVANCED_UNIT\"}")
                .andExpect(status().isOk());
        call("city-staff", base + "/candidates/" + ws + "/title", "{\"titleCode\": \"CITY_ADVANCED_STATION\"}")
                .andExpect(status().isOk());
        call("city-staff", base + "/approval", "{\"documentNumber\": \"泉见工委〔2031〕3号\"}").andExpect(status().isOk());
        String granted = call("city-staff", base + "/grant", "{}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long groupHonour = ((Number) ((List<?>) JsonPath.read(granted, "$.candidates[?(@.id == %d)].honourId"
                .formatted(group))).get(0)).longValue();
        long unitHonour = ((Number) ((List<?>) JsonPath.read(granted, "$.candidates[?(@.id == %d)].honourId"
                .formatted(unit))).get(0)).longValue();

        // the group's ¥20,000 shared by three to the cent: 6,666.68 + 6,666.66 + 6,666.66
        mvc.perform(get("/api/v1/honours/{id}", groupHonour).with(as("city-staff")))
                .andExpect(jsonPath("$.recipient").value("GROUP"))
                .andExpect(jsonPath("$.samaritanId").doesNotExist())
                .andExpect(jsonPath("$.memberIds", hasSize(3)))
                .andExpect(jsonPath("$.rewardAmount").value(20000.00))
                .andExpect(jsonPath("$.rewards", hasSize(3)))
                .andExpect(jsonPath("$.rewards[0].amount").value(6666.68))
                .andExpect(jsonPath("$.rewards[1].amount").value(6666.66))
                .andExpect(jsonPath("$.rewards[2].amount").value(6666.66));
        // a unit's title carries no money
        mvc.perform(get("/api/v1/honours/{id}", unitHonour).with(as("city-staff")))
                .andExpect(jsonPath("$.recipient").value("UNIT"))
                .andExpect(jsonPath("$.recipientName").value("晋江市见义勇为协会"))
                .andExpect(jsonPath("$.rewards", hasSize(0)));
        // each member's profile lists the group honour; the group's certificate names the group and its members
        mvc.perform(get("/samaritans/{id}", together[1]).with(as("city-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("泉州市见义勇为先进群体")));
        byte[] pdf = mvc.perform(get("/honours/{id}/certificate", groupHonour).with(as("city-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf);
        String firstName = jdbc.sql("select name from samaritan where id = :id").param("id", together[0])
                .query(String.class).single();
        org.assertj.core.api.Assertions.assertThat(text).contains("泉州市见义勇为先进群体").contains(firstName)
                .contains("群体");
        // no member of the deed is missed any more
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select count(*) from honour_member m join honour h on h.id = m.honour_id
                where h.deed_id = :deed and h.status = 'GRANTED'""").param("deed", deed).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void a_county_runs_its_own_round_over_its_own_confirmations_with_county_titles_paid_by_its_fund()
            throws Exception {
        clock.advance(Duration.ofDays(3000));
        LocalDate from = clock.today();
        long[] jinjiang = confirmed("jinjiang-police", "350582", "JJ-PS-QY");
        long[] nanan = confirmed("nanan-police", "350583", "NA-PS-ST");
        String round = """
                {"name": "晋江市见义勇为先进个人评选", "windowFrom": "%s", "windowTo": "%s", "regionCode": "%s",
                 "criteria": {"综合评价": 100}, "members": ["committee-1", "committee-2"]}""";

        call("jinjiang-staff", "/api/v1/honour-rounds", round.formatted(from, from.plusDays(30), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        call("jinjiang-staff", "/api/v1/honour-rounds", round.formatted(from, from.plusDays(30), "350583"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        String opened = call("jinjiang-staff", "/api/v1/honour-rounds", round.formatted(from, from.plusDays(30),
                "350582")).andExpect(status().isCreated()).andExpect(jsonPath("$.regionCode").value("350582"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(opened, "$.id")).longValue();
        int criterion = JsonPath.read(opened, "$.criteria[0].id");
        String base = "/api/v1/honour-rounds/" + id;

        // another county neither sees nor runs it; the city sees it
        mvc.perform(get(base).with(as("nanan-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/honour-rounds").with(as("nanan-staff")))
                .andExpect(jsonPath("$[?(@.id == %d)]".formatted(id)).isEmpty());
        mvc.perform(get(base).with(as("city-staff"))).andExpect(status().isOk());
        String page = mvc.perform(get("/honour-rounds").with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).contains("晋江市见义勇为先进个人评选", "id=\"round-region\"")
                .doesNotContain("<option value=\"350500\"");
        mvc.perform(get("/honour-rounds/{id}", id).with(as("jinjiang-staff"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("表彰范围：晋江市")));

        // only the county's own confirmation is drawn
        String drawn = call("jinjiang-staff", base + "/candidates", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates", hasSize(1)))
                .andExpect(jsonPath("$.candidates[0].samaritanId").value(jinjiang[0]))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(drawn).doesNotContain("\"samaritanId\":" + nanan[0] + ",");
        long candidate = ((Number) JsonPath.read(drawn, "$.candidates[0].id")).longValue();
        call("jinjiang-staff", base + "/nominations", "{\"organizationId\": " + organizationId("NA-ASSOC") + "}")
                .andExpect(status().isBadRequest());
        call("jinjiang-staff", base + "/review", "{}").andExpect(status().isOk());
        for (String member : List.of("committee-1", "committee-2")) {
            call(member, base + "/candidates/" + candidate + "/scores", "{\"%d\": 85}".formatted(criterion))
                    .andExpect(status().isOk());
        }
        call("jinjiang-staff", base + "/ranking", "{}").andExpect(status().isOk());
        call("jinjiang-staff", base + "/candidates/" + candidate + "/title", "{\"titleCode\": \"CITY_ADVANCED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("titleCode"));
        call("jinjiang-staff", base + "/candidates/" + candidate + "/title", "{\"titleCode\": \"COUNTY_ADVANCED\"}")
                .andExpect(status().isOk());
        call("jinjiang-staff", base + "/approval", "{\"documentNumber\": \"晋见工委〔2034〕3号\"}")
                .andExpect(status().isOk());
        String granted = call("jinjiang-staff", base + "/grant", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED")).andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(granted, "$.candidates[0].honourId")).longValue();
        mvc.perform(get("/api/v1/honours/{id}", honour).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.titleCode").value("COUNTY_ADVANCED"))
                .andExpect(jsonPath("$.rewardAmount").value(5000.00));
        awaitEvents();
        long request = jdbc.sql("select id from reward_payment_request where honour_id = :h and kind = 'PAYMENT'")
                .param("h", honour).query(Long.class).single();
        String payer = jdbc.sql("select region_code from payment_order where source = 'HONOURS' and source_ref = :ref")
                .param("ref", "reward-" + request).query(String.class).single();
        org.assertj.core.api.Assertions.assertThat(payer).as("a county title is paid by the county's fund")
                .isEqualTo("350582");
    }
}
