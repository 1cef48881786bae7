package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.samaritans.internal.Samaritan;
import org.yiyong.shared.ResidentId;

/** The registry: people from confirmations and from earlier records, their protected numbers and scope. */
class SamaritanRegistryTests extends FullStackTest {

    private ResultActions register(String user, String name, String residentId) throws Exception {
        return mvc.perform(post("/api/v1/samaritans").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"regionCode": "350582", "name": "%s", "residentId": "%s",
                         "sourceDocument": "晋江市见义勇为协会 2015 年表彰名册第 12 页", "phone": "13805951234",
                         "address": "晋江市青阳街道"}""".formatted(name, residentId)));
    }

    private long registered(String name, String residentId) throws Exception {
        String body = register("jinjiang-staff", name, residentId).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The registry hears of a confirmation after the decision has committed, on another thread. */
    private void awaitRegistration(int participantId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            long registered = jdbc.sql("select count(*) from samaritan_deed where participant_id = :participant")
                    .param("participant", participantId).query(Long.class).single();
            if (registered > 0) {
                return;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void bad_id_numbers_are_told_apart() throws Exception {
        String valid = ResidentId.withCheckDigit("35058219800101" + "731");
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        register("jinjiang-staff", unique("林"), valid.substring(0, 17) + wrongCheck)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("residentId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("校验码")));
        register("jinjiang-staff", unique("林"), ResidentId.withCheckDigit("35058219800231" + "731"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("出生日期")));
        register("jinjiang-staff", unique("林"), "35058219800101731")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("18")));
    }

    @Test
    void the_id_number_is_stored_encrypted_and_found_by_its_exact_value() throws Exception {
        String number = ResidentId.withCheckDigit("35058219761203" + "512");
        String name = unique("郭");
        long id = registered(name, number);

        String stored = jdbc.sql("select resident_id from samaritan where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).doesNotContain(number).doesNotContain(number.substring(6, 14));
        assertThat(jdbc.sql("select resident_id_masked from samaritan where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("350582********" + number.substring(14));

        mvc.perform(get("/api/v1/samaritans").param("q", number).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value(name))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/api/v1/samaritans").param("q", number).with(as("nanan-staff")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/samaritans/{id}", id).with(as("nanan-staff"))).andExpect(status().isNotFound());

        register("jinjiang-staff", unique("郭"), number).andExpect(status().isConflict());
    }

    @Test
    void the_full_number_is_shown_only_with_a_reason_and_on_the_audit_trail() throws Exception {
        String number = ResidentId.withCheckDigit("35058219850808" + "214");
        long id = registered(unique("蔡"), number);
        mvc.perform(post("/api/v1/samaritans/{id}/unmasked", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\": \"RESIDENT_ID\", \"reason\": \"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/samaritans/{id}/unmasked", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\": \"RESIDENT_ID\", \"reason\": \"办理春节慰问金发放，核对身份\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(number));
        assertThat(auditedActions("jinjiang-staff", "Samaritan", id)).contains("SENSITIVE_VIEWED");

        mvc.perform(put("/api/v1/samaritans/{id}/bank-account", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankName\": \"农村信用社\", \"accountNumber\": \"6222 1234\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/samaritans/{id}/bank-account", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankName\": \"晋江农商银行\", \"accountNumber\": \"6222 0214 0001 2345 678\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bankAccountMasked").value("6222 **** **** 5678"));
        assertThat(jdbc.sql("select bank_account from samaritan where id = :id").param("id", id).query(String.class)
                .single()).doesNotContain("62220214000123");
        mvc.perform(get("/api/v1/samaritans").param("q", "6222021400012345678").with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void lost_contact_is_traced_until_found() throws Exception {
        long id = registered(unique("黄"), ResidentId.withCheckDigit("35058219700315" + "111"));
        mvc.perform(post("/api/v1/samaritans/{id}/lost-contact", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"电话停机，原住址已拆迁\"}"))
                .andExpect(jsonPath("$.lostContact").value(true));
        mvc.perform(get("/api/v1/samaritans").param("lostContact", "true").with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
        mvc.perform(post("/api/v1/samaritans/{id}/tracings", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"走访原村委会，无果\", \"found\": false}"))
                .andExpect(jsonPath("$.lostContact").value(true));
        mvc.perform(post("/api/v1/samaritans/{id}/tracings", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"经派出所协查找到，已更新电话\", \"found\": true}"))
                .andExpect(jsonPath("$.lostContact").value(false))
                .andExpect(jsonPath("$.tracings.length()").value(2));
    }

    @Test
    void a_confirmed_actor_is_registered_once_with_the_deed() throws Exception {
        String name = unique("庄");
        String number = ResidentId.withCheckDigit("35058219900909" + "333");
        String body = mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-05-01T10:00:00", "address": "晋江市深沪镇", "title": "%s",
                                 "narrative": "救起落水者", "participants": [
                                  {"role": "ACTOR", "name": "%s", "residentId": "%s", "harm": "INJURED"}],
                                 "notADuplicate": true}""".formatted(unique("救人"), name, number)))
                .andReturn().getResponse().getContentAsString();
        long deed = ((Number) JsonPath.read(body, "$.id")).longValue();
        List<Integer> actors = JsonPath.read(body, "$.participants[*].id");
        String[][] steps = {
            {"accept", "{\"acceptedOn\": \"2026-05-03\"}"},
            {"investigation", "{\"organizationId\": " + organizationId("JJ-PS-QY") + ", \"investigators\": \"民警\"}"},
            {"investigation/report", "{\"summary\": \"查实\", \"recommendations\": [{\"participantId\": " + actors.get(0)
                    + ", \"outcome\": \"CONFIRM\"}]}"},
            {"review/proposal", "{\"proposals\": [{\"participantId\": " + actors.get(0) + ", \"outcome\": \"CONFIRM\"}]}"},
            {"notice", "{}"}};
        for (String[] step : steps) {
            mvc.perform(post("/api/v1/deeds/{id}/" + step[0], deed).with(as("jinjiang-police"))
                    .contentType(MediaType.APPLICATION_JSON).content(step[1])).andExpect(status().isOk());
        }
        clock.advance(Duration.ofDays(7));
        mvc.perform(post("/api/v1/deeds/{id}/notice/close", deed).with(as("jinjiang-police"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/deeds/{id}/decision", deed).with(as("jinjiang-police"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcomes\": [{\"participantId\": " + actors.get(0) + ", \"outcome\": \"CONFIRMED\"}]}"))
                .andExpect(status().isOk());
        awaitEvents();

        awaitRegistration(actors.get(0));
        String found = mvc.perform(get("/api/v1/samaritans").param("q", number).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("INJURED"))
                .andExpect(jsonPath("$.items[0].deeds").value(1))
                .andReturn().getResponse().getContentAsString();
        long samaritan = ((Number) JsonPath.read(found, "$.items[0].id")).longValue();
        mvc.perform(get("/api/v1/samaritans/{id}", samaritan).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.source").value("DEED"))
                .andExpect(jsonPath("$.deeds[0].decisionNumber").value(containsString("晋公见确")));
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null "
                + "and serialized_event like :deed").param("deed", "%\"participantId\":" + actors.get(0) + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_person_registered_in_another_county_is_refused_without_naming_the_record() throws Exception {
        String number = uniqueResidentId("35058319790615");
        String body = mvc.perform(post("/api/v1/samaritans").with(as("nanan-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"regionCode": "350583", "name": "%s", "residentId": "%s",
                                 "sourceDocument": "南安市见义勇为协会 2012 年表彰名册"}""".formatted(unique("洪"), number)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String nananNumber = JsonPath.read(body, "$.number");
        long nananId = ((Number) JsonPath.read(body, "$.id")).longValue();

        mvc.perform(post("/api/v1/samaritans").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350583", "name": "%s", "residentId": "%s",
                                 "sourceDocument": "南安市见义勇为协会 2012 年表彰名册"}""".formatted(unique("洪"),
                                uniqueResidentId("35058319790615"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[0].message").value("您只能登记本人权限范围内的县（市、区）的见义勇为人员。"));

        register("jinjiang-staff", unique("洪"), number)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("其他县")))
                .andExpect(jsonPath("$.detail").value(containsString("市见义勇为协会")))
                .andExpect(jsonPath("$.detail").value(not(containsString(nananNumber))))
                .andExpect(jsonPath("$.detail").value(not(containsString("350583"))));
        assertThat(auditedActions("jinjiang-staff", "Samaritan", nananId)).contains("ACCESS_DENIED");

        // Within one's own scope the record may be named: it can be opened anyway.
        mvc.perform(post("/api/v1/samaritans").with(as("nanan-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350583", "name": "%s", "residentId": "%s",
                                 "sourceDocument": "南安市见义勇为协会 2012 年表彰名册"}""".formatted(unique("洪"), number)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(nananNumber)));
        mvc.perform(post("/api/v1/samaritans").with(as("city-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "name": "%s", "residentId": "%s",
                                 "sourceDocument": "泉州市见义勇为协会档案"}""".formatted(unique("洪"), number)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(nananNumber)));
    }

    @Test
    void a_search_of_two_characters_finds_them_anywhere_in_a_name_and_only_in_that_order() throws Exception {
        // two characters no other record of the demo or the tests holds, as a whole name and inside one
        long whole = registered("隽彧", uniqueResidentId("35058219800101"));
        long inside = registered("上官隽彧", uniqueResidentId("35058219800101"));
        registered("彧隽", uniqueResidentId("35058219800101"));
        String found = mvc.perform(get("/api/v1/samaritans").param("q", "隽彧").param("size", "50")
                        .with(as("jinjiang-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<Integer> ids = JsonPath.read(found, "$.items[*].id");
        assertThat(ids.stream().map(Integer::longValue).toList()).containsExactlyInAnyOrder(whole, inside);
        mvc.perform(get("/api/v1/samaritans").param("q", "隽彧").with(as("nanan-staff")))
                .andExpect(jsonPath("$.total").value(0));
    }
}
