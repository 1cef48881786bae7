package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;
import org.yiyong.deeds.internal.ParticipantMessages;

/**
 * A person of a deed who agreed and left a mobile number is told by SMS when the deed is accepted and when
 * it is decided, once each; nobody else is, and consent without a mobile number is refused at the phone.
 */
class ParticipantMessagesTests extends FullStackTest {

    @Autowired
    ParticipantMessages participants;

    private static String mobile() {
        return "137" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    private String newDeed(String consenting, String other) {
        return """
                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                 "occurredAt": "%sT10:00:00", "address": "晋江市安海镇", "title": "%s", "narrative": "派出所报告有人救人。",
                 "participants": [{"role": "ACTOR", "name": "%s", "phone": "%s", "smsConsent": true},
                                  {"role": "BENEFICIARY", "name": "%s", "phone": "%s"}], "notADuplicate": true}"""
                .formatted(clock.today().minusDays(2), unique("救人"), unique("洪"), consenting, unique("王"), other);
    }

    private List<String> sentTo(String phone) {
        return jdbc.sql("select subject from outbound_message where address = :a order by id").param("a", phone)
                .query(String.class).list();
    }

    @Test
    void consent_without_a_mobile_number_is_refused_at_the_phone() throws Exception {
        mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                .content(newDeed("0595-22180110", "13900000000"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("participants[0].phone"))
                .andExpect(jsonPath("$.errors[0].message").value("要短信告知，请填写 11 位手机号码。"));
    }

    @Test
    void the_intake_form_marks_the_phone_of_a_person_who_agreed_without_a_mobile() throws Exception {
        String page = mvc.perform(post("/deeds/new")
                        .with(as("jinjiang-staff"))
                        .with(csrf())
                        .param("regionCode", "350582").param("category", "RESCUE").param("source", "POLICE_REFERRAL")
                        .param("occurredAt", clock.today().minusDays(1) + "T18:30").param("address", "晋江市安海镇")
                        .param("title", unique("救人")).param("narrative", "经过").param("participants[0].role", "ACTOR")
                        .param("participants[0].name", "蔡某").param("participants[0].phone", "0595-22180110")
                        .param("participants[0].smsConsent", "true").param("notADuplicate", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("要短信告知，请填写 11 位手机号码。", "本人同意短信告知受理和认定结果");
    }

    @Test
    void the_person_who_agreed_is_told_of_acceptance_and_decision_once_each() throws Exception {
        String agreed = mobile();
        String notAsked = mobile();
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(newDeed(agreed, notAsked)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long deed = ((Number) JsonPath.read(body, "$.id")).longValue();
        String number = JsonPath.read(body, "$.number");
        participants.followUp();
        assertThat(sentTo(agreed)).as("registered, not yet accepted").isEmpty();
        mvc.perform(post("/api/v1/deeds/{id}/accept", deed).with(as("jinjiang-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"acceptedOn\": \"%s\"}".formatted(clock.today())))
                .andExpect(status().isOk());
        participants.followUp();
        participants.followUp();
        assertThat(sentTo(agreed)).containsExactly("事迹已受理");
        assertThat(jdbc.sql("select body from outbound_message where address = :a").param("a", agreed)
                .query(String.class).single()).contains("案件编号 " + number);
        assertThat(sentTo(notAsked)).isEmpty();

        // a deed decided: its consenting person hears of the acceptance and the decision, then is left alone
        long decided = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", "350582",
                "JJ-PS-QY", 1)[1];
        String later = mobile();
        jdbc.sql("""
                update deed_participant set phone = :phone, sms_consent = true, sms_followed = true
                where deed_id = :deed and role = 'ACTOR'""").param("phone", later).param("deed", decided).update();
        participants.followUp();
        participants.followUp();
        assertThat(sentTo(later)).containsExactly("事迹已受理", "认定决定已作出");
        assertThat(jdbc.sql("select body from outbound_message where address = :a and subject = '认定决定已作出'")
                .param("a", later).query(String.class).single()).contains("15 日内申请复核");
        assertThat(jdbc.sql("select sms_followed from deed_participant where deed_id = :deed and role = 'ACTOR'")
                .param("deed", decided).query(Boolean.class).single()).isFalse();
    }
}
