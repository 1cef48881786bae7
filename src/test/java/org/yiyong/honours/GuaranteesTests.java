package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Missed, late and wrong awards are found in a county, and nothing is listed when all is in order. */
class GuaranteesTests extends HonoursTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private org.yiyong.honours.internal.AwardsAwaited awaited;

    private List<String> kinds() throws Exception {
        String body = mvc.perform(get("/api/v1/guarantees").with(as("nanan-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$[*].kind");
    }

    /** The figure on the workbench's card of award issues (which the page loads after itself). */
    private int workbenchCount() throws Exception {
        assertThat(mvc.perform(get("/").with(as("nanan-staff"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("the page asks for the figure once shown").contains("hx-get=\"/workbench/award-issues\"");
        String page = mvc.perform(get("/workbench/award-issues").with(as("nanan-staff"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("id=\"count-award-issues\">(\\d+)<")
                .matcher(page);
        assertThat(count.find()).as("the card of award issues").isTrue();
        return Integer.parseInt(count.group(1));
    }

    @Test
    void missed_late_and_wrong_awards_are_found_and_leave_when_fixed_or_put_aside() throws Exception {
        assertThat(kinds()).as("南安 starts with everything in order").isEmpty();
        mvc.perform(get("/guarantees").with(as("nanan-staff"))).andExpect(content().string(containsString("全部正常")));

        long[] confirmed = confirmed("nanan-police", "350583", "NA-PS-ST");
        assertThat(kinds()).isEmpty();
        clock.advance(Duration.ofDays(61));
        assertThat(kinds()).containsExactly("MISSED");

        // honoured as a member of a group for the deed (by the province: no reward standard of ours): not missed
        jdbc.sql("""
                insert into honour (title_id, region_code, mode, status, reason, proposed_by, proposed_on, decided_on,
                                    recipient, recipient_name, deed_id)
                select min(id), '350583', 'UPWARD', 'GRANTED', '省级群体表彰', 'city-staff', :on, :on, 'GROUP', :name, :deed
                from title""").param("on", java.time.LocalDate.now(clock))
                .param("name", "南安见义勇为群体" + confirmed[1]).param("deed", confirmed[1]).update();
        long group = jdbc.sql("select id from honour where recipient_name = :name")
                .param("name", "南安见义勇为群体" + confirmed[1]).query(Long.class).single();
        jdbc.sql("insert into honour_member (honour_id, samaritan_id) values (:h, :s)").param("h", group)
                .param("s", confirmed[0]).update();
        assertThat(kinds()).as("a member of a group honoured for the deed").isEmpty();
        jdbc.sql("delete from honour_member where honour_id = :h").param("h", group).update();
        jdbc.sql("delete from honour where id = :h").param("h", group).update();
        assertThat(kinds()).containsExactly("MISSED");

        String body = call("nanan-staff", "/api/v1/honours", """
                {"samaritanId": %d, "deedId": %d, "titleCode": "CITY_ACTIVIST", "reason": "一案一奖"}"""
                .formatted(confirmed[0], confirmed[1])).andReturn().getResponse().getContentAsString();
        long honour = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(kinds()).as("a proposal is not a decision yet").containsExactly("MISSED");
        call("city-staff", "/api/v1/honours/" + honour + "/approval", "{}").andExpect(status().isOk());
        call("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"泉见协〔2026〕40号\"}")
                .andExpect(status().isOk());
        assertThat(kinds()).isEmpty();

        clock.advance(Duration.ofDays(31));
        assertThat(kinds()).containsExactly("LATE");
        assertThat(workbenchCount()).as("the workbench counts what the list shows").isEqualTo(1);
        mvc.perform(get("/guarantees").with(as("nanan-staff"))).andExpect(content().string(containsString("guarantee-LATE")));
        call("nanan-staff", "/api/v1/guarantees/resolutions", """
                {"kind": "LATE", "subject": "honour-%d", "reason": ""}""".formatted(honour))
                .andExpect(status().isBadRequest());
        call("nanan-staff", "/api/v1/guarantees/resolutions", """
                {"kind": "LATE", "subject": "honour-%d", "reason": "本人委托慈善基金会代领，已线下发放"}""".formatted(honour))
                .andExpect(status().isNoContent());
        assertThat(kinds()).isEmpty();
        assertThat(workbenchCount()).as("an item put aside is not counted").isZero();

        jdbc.sql("update honour set reward_amount = 4000 where id = :id").param("id", honour).update();
        assertThat(kinds()).containsExactly("WRONG_AMOUNT");
        assertThat(mvc.perform(get("/api/v1/guarantees").with(as("nanan-staff"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("¥4000.00 ≠ ¥5000.00");
        jdbc.sql("update honour set reward_amount = 5000 where id = :id").param("id", honour).update();
        assertThat(kinds()).isEmpty();

        long model = jdbc.sql("select id from title where code = 'CITY_MODEL'").query(Long.class).single();
        jdbc.sql("""
                insert into honour (title_id, samaritan_id, deed_id, deed_number, region_code, mode, status, reason,
                                    proposed_by, proposed_on, decided_on, reward_amount)
                select :title, samaritan_id, deed_id, deed_number, region_code, 'ROUND', 'GRANTED', '年度表彰',
                       'city-staff', decided_on, decided_on, 30000 from honour where id = :id""")
                .param("title", model).param("id", honour).update();
        assertThat(kinds()).contains("DOUBLE");
        call("city-staff", "/api/v1/guarantees/resolutions", """
                {"kind": "MISSED", "subject": "confirmation-0", "reason": "不存在"}""")
                .andExpect(status().isNotFound());
    }

    @Test
    void an_amount_is_held_to_the_standard_in_force_on_the_day_of_the_decision() throws Exception {
        long[] confirmed = confirmed("nanan-police", "350583", "NA-PS-ST");
        long advanced = jdbc.sql("select id from title where code = 'CITY_ADVANCED'").query(Long.class).single();
        assertThat(jdbc.sql("select amount from reward_standard where title_id = :t order by effective_from")
                .param("t", advanced).query(java.math.BigDecimal.class).list())
                .as("raised from 10,000 to 20,000 yuan in 2023").extracting(java.math.BigDecimal::intValue)
                .containsExactly(10000, 20000);
        jdbc.sql("""
                insert into honour (title_id, samaritan_id, deed_id, region_code, mode, status, reason, proposed_by,
                                    proposed_on, decided_on, reward_amount)
                values (:title, :samaritan, :deed, '350583', 'INSTANT', 'GRANTED', '一案一奖', 'city-staff',
                        date '2022-12-01', date '2022-12-31', 10000)""")
                .param("title", advanced).param("samaritan", confirmed[0]).param("deed", confirmed[1]).update();
        assertThat(kinds()).as("the last day of the old standard").isEmpty();

        jdbc.sql("update honour set decided_on = date '2023-01-01' where deed_id = :deed").param("deed", confirmed[1])
                .update();
        assertThat(kinds()).as("the first day of the new one").containsExactly("WRONG_AMOUNT");
        assertThat(mvc.perform(get("/guarantees").with(as("nanan-staff"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("¥10000.00 ≠ ¥20000.00");

        jdbc.sql("update honour set reward_amount = 20000 where deed_id = :deed").param("deed", confirmed[1]).update();
        assertThat(kinds()).isEmpty();
        jdbc.sql("update honour set decided_on = date '2022-12-31' where deed_id = :deed").param("deed", confirmed[1])
                .update();
        assertThat(kinds()).as("the new amount before the new standard").containsExactly("WRONG_AMOUNT");
        try {
            jdbc.sql("update honour set decided_on = date '1999-12-31' where deed_id = :deed")
                    .param("deed", confirmed[1]).update();
            assertThat(mvc.perform(get("/api/v1/guarantees").with(as("nanan-staff"))).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .as("before any standard: there is none to hold it to").contains("¥20000.00 ≠ 无标准");
        } finally {
            // 南安 left in order for the other tests
            jdbc.sql("update honour set decided_on = date '2023-01-01' where deed_id = :deed")
                    .param("deed", confirmed[1]).update();
        }
        assertThat(kinds()).isEmpty();
    }

    @Test
    void a_long_list_names_the_longest_waiting_and_says_how_many_there_are_in_all() throws Exception {
        long deed = jdbc.sql("select min(id) from deed").query(Long.class).single();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        int many = 205;
        long missedBefore = kinds().stream().filter("MISSED"::equals).count();
        int countBefore = workbenchCount();
        try {
            for (int i = 0; i < many; i++) {
                long id = 900_000_000L + i;
                jdbc.sql("""
                        insert into samaritan (id, number, region_code, name, status, source, created_by, created_at,
                                               updated_at)
                        values (:id, :number, '350583', :name, 'ACTIVE', 'DEED', 'test', :at, :at)""")
                        .param("id", id).param("number", "GT-" + i).param("name", "久等" + i)
                        .param("at", java.time.OffsetDateTime.now(clock)).update();
                jdbc.sql("""
                        insert into samaritan_deed (id, samaritan_id, deed_id, participant_id, deed_number, region_code,
                                                    category, occurred_on, harm, confirmed_on)
                        values (:id, :id, :deed, :id, :number, '350583', 'RESCUE', :on, 'NONE', :on)""")
                        .param("id", id).param("deed", deed).param("number", "GT-D-" + i)
                        .param("on", today.minusDays(100 + (many - i))).update();
            }
            // written by hand, around the registry's records: heard at the nightly pass
            assertThat(kinds().stream().filter("MISSED"::equals).count()).isEqualTo(missedBefore);
            awaited.rebuild();
            String page = mvc.perform(get("/guarantees").with(as("nanan-staff"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("id=\"guarantee-more-MISSED\"").contains("共 " + (missedBefore + many) + " 项")
                    .contains("/samaritans/900000000\"").as("the longest waiting is listed")
                    .doesNotContain("/samaritans/" + (900_000_000L + many - 1) + "\"");
            assertThat(workbenchCount()).isEqualTo(countBefore + many);
        } finally {
            jdbc.sql("delete from samaritan_deed where id >= 900000000 and id < 900001000").update();
            jdbc.sql("delete from samaritan where id >= 900000000 and id < 900001000").update();
            awaited.rebuild();
        }
    }
}
