package org.yiyong.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.leads.internal.ReporterMessages;

/**
 * A reporter is told by SMS only when they agreed and left a mobile number; what they are told is the
 * step their lead reached, once, with the tracking page to follow it.
 */
class ReporterMessagesTests extends LeadTestSupport {

    @Autowired
    ReporterMessages reporters;

    private static String mobile() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    private Map<String, String> lead(String phone, boolean consent) {
        Map<String, String> fields = new HashMap<>(jinjiangLead("有人在安平桥下救起落水儿童。"));
        fields.put("reporterPhone", phone);
        if (consent) {
            fields.put("smsConsent", "true");
        }
        return fields;
    }

    private List<Map<String, Object>> sentTo(String phone) {
        return jdbc.sql("select subject, body, event_key from outbound_message where address = :a order by id")
                .param("a", phone).query().listOfRows();
    }

    @Test
    void consent_needs_a_mobile_number_and_without_one_nothing_is_saved() throws Exception {
        long before = count("lead");
        String page = submit(freshAddress(), lead("0595-22180110", true)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("要接收短信告知，请填写 11 位手机号码。");
        assertThat(count("lead")).isEqualTo(before);
        String refused = submit(freshAddress(), lead("", true)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).contains("要接收短信告知，请填写 11 位手机号码。");
        assertThat(count("lead")).isEqualTo(before);
    }

    @Test
    void a_lead_not_taken_up_is_told_once_with_the_reason_and_then_no_longer_followed() throws Exception {
        String phone = mobile();
        String code = trackingCode(submit(freshAddress(), lead(phone, true)).andExpect(status().isOk()));
        long id = leadId(code);
        reporters.followUp();
        assertThat(sentTo(phone)).as("nothing decided yet").isEmpty();
        mvc.perform(post("/leads/{id}/rejection", id).with(as("jinjiang-staff")).with(csrf())
                .param("reason", "经核实，事发地在外省，已转告当地")).andExpect(status().is3xxRedirection());
        reporters.followUp();
        reporters.followUp();
        List<Map<String, Object>> sent = sentTo(phone);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("subject")).isEqualTo("线索未被采纳");
        assertThat(sent.get(0).get("body").toString()).contains("查询码 " + code, "经核实，事发地在外省，已转告当地",
                "http://localhost:8080/public/leads/status?code=" + code);
        assertThat(jdbc.sql("select sms_followed from lead where id = :id").param("id", id).query(Boolean.class)
                .single()).isFalse();
    }

    @Test
    void a_reporter_who_did_not_agree_is_not_written_to() throws Exception {
        String phone = mobile();
        long id = leadId(trackingCode(submit(freshAddress(), lead(phone, false)).andExpect(status().isOk())));
        mvc.perform(post("/leads/{id}/rejection", id).with(as("jinjiang-staff")).with(csrf())
                .param("reason", "重复线索")).andExpect(status().is3xxRedirection());
        reporters.followUp();
        assertThat(sentTo(phone)).isEmpty();
    }
}
