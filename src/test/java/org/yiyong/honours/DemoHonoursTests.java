package org.yiyong.honours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.FullStackTest;
import org.yiyong.honours.internal.ExamBonus;

/** The demo registry's earlier honours are on record, paid, and count for the exam bonus. */
class DemoHonoursTests extends FullStackTest {

    @Autowired
    ExamBonus examBonus;

    @Test
    void the_demo_model_holds_his_honour_paid_and_his_child_gets_three_points() throws Exception {
        Map<String, Object> honour = jdbc.sql("""
                select h.samaritan_id, h.status, h.reward_amount, r.status as paid from honour h
                join samaritan s on s.id = h.samaritan_id join title t on t.id = h.title_id
                join reward_payment_request r on r.honour_id = h.id
                where s.name = '蔡文龙' and t.code = 'CITY_MODEL'""").query().singleRow();
        assertThat(honour.get("status")).isEqualTo("GRANTED");
        assertThat(honour.get("paid")).isEqualTo("SETTLED");
        long samaritan = ((Number) honour.get("samaritan_id")).longValue();
        assertThat(examBonus.points(samaritan)).isEqualTo(3);
        mvc.perform(get("/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("泉州市见义勇为模范")))
                .andExpect(content().string(containsString("子女中考可加 3 分")));
        // his child's certificate of the year the demo started, in the register with its three points
        assertThat(jdbc.sql("""
                select count(*) from exam_bonus_certificate
                where samaritan_id = :s and child_name = '蔡子涵' and points = 3""")
                .param("s", samaritan).query(Long.class).single()).isEqualTo(1);
    }
}
