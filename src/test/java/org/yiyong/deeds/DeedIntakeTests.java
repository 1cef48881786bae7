package org.yiyong.deeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;
import org.yiyong.deeds.internal.Deed;

/** Registering, accepting and refusing deeds, within the data scope, with ID numbers kept encrypted. */
class DeedIntakeTests extends FullStackTest {

    /** A valid resident ID number of Jinjiang, born 1990-03-18. */
    private static final String ID = "350582199003181235";

    private static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private ResultActions register(String username, String region, LocalDateTime when, String actorName,
            String residentId, boolean notADuplicate) throws Exception {
        return mvc.perform(post("/api/v1/deeds").with(as(username)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"regionCode": "%s", "category": "RESCUE", "source": "NOMINATION",
                         "nominatorKind": "BENEFICIARY_PERSON", "occurredAt": "%s", "address": "晋江市安海镇安平桥下",
                         "title": "跳入河中救起落水儿童", "narrative": "傍晚一名儿童落水，%s 跳入河中将其救起。",
                         "participants": [{"role": "ACTOR", "name": "%s", "residentId": %s, "harm": "NONE"},
                                          {"role": "BENEFICIARY", "name": "%s"}],
                         "notADuplicate": %s}""".formatted(region, when, actorName, actorName,
                        residentId == null ? "null" : "\"" + residentId + "\"", unique("落水儿童"), notADuplicate)));
    }

    private long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private LocalDateTime daysAgo(int days) {
        return java.time.LocalDateTime.now(clock).minusDays(days).withSecond(0).withNano(0);
    }

    @Test
    void county_staff_register_a_nomination_numbered_by_region_and_year_with_the_id_number_encrypted()
            throws Exception {
        LocalDateTime when = daysAgo(3);
        String name = unique("施");
        long id = id(register("jinjiang-staff", "350582", when, name, withCheckDigit("35058219850612123"), false)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number", matchesPattern("350582-" + when.getYear() + "-\\d{4}")))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.participants[0].residentIdMasked").value("350582********" +
                        withCheckDigit("35058219850612123").substring(14)))
                .andExpect(jsonPath("$.timeline[0].kind").value("RECEIVED")));

        String stored = jdbc.sql("select resident_id from deed_participant where deed_id = :id and role = 'ACTOR'")
                .param("id", id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("350582198506");
        assertThat(auditedActions("jinjiang-staff", "Deed", id)).containsExactly("CREATE");
    }

    @Test
    void an_invalid_resident_id_is_refused_with_the_reason_next_to_the_field() throws Exception {
        register("jinjiang-staff", "350582", daysAgo(2), unique("王"), "350582199003181230", true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("participants[0].residentId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("校验码")));
        register("jinjiang-staff", "350582", daysAgo(2), unique("王"), withCheckDigit("35058219900230123"), true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("出生日期")));
    }

    @Test
    void jinjiang_staff_can_neither_see_nor_act_on_a_nanan_deed() throws Exception {
        long nanan = id(register("nanan-staff", "350583", daysAgo(5), unique("洪"), null, true)
                .andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/deeds/{id}", nanan).with(as("jinjiang-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/deeds/{id}", nanan).with(as("jinjiang-staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/deeds/{id}/accept", nanan).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        register("jinjiang-staff", "350583", daysAgo(5), unique("洪"), null, true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[0].message").value("您只能登记本人权限范围内的县（市、区）发生的案件。"));
        assertThat(auditedActions("jinjiang-staff", "Deed", nanan)).contains("ACCESS_DENIED");
    }

    @Test
    void a_person_in_another_deed_of_the_same_place_and_day_is_flagged_as_a_possible_duplicate() throws Exception {
        // in the early morning, when a time shifted to UTC would fall on the day before
        clock.setTo(LocalDateTime.of(2026, 11, 20, 5, 30));
        String name = unique("许");
        String residentId = withCheckDigit("35058219920101456");
        LocalDateTime when = daysAgo(10);
        String first = JsonPath.read(register("jinjiang-staff", "350582", when, name, residentId, false)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");

        register("jinjiang-staff", "350582", when.plusHours(20), unique("另一人"), residentId, false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(first)));
        register("jinjiang-staff", "350582", when.plusHours(20), unique("另一人"), residentId, true)
                .andExpect(status().isCreated());
    }

    @Test
    void the_time_of_the_act_is_stored_as_written_and_found_under_its_local_day() throws Exception {
        clock.setTo(LocalDateTime.of(2026, 11, 20, 5, 30));
        LocalDateTime act = LocalDateTime.of(2026, 11, 20, 5, 10);
        String name = unique("庄");
        long id = id(register("jinjiang-staff", "350582", act, name, null, true).andExpect(status().isCreated()));

        assertThat(jdbc.sql("select occurred_at from deed where id = :id").param("id", id)
                .query(LocalDateTime.class).single()).isEqualTo(act);
        mvc.perform(get("/api/v1/deeds/{id}", id).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.occurredAt").value("2026-11-20T05:10:00"));
        mvc.perform(get("/api/v1/deeds").param("q", name).param("occurredFrom", "2026-11-20")
                        .param("occurredTo", "2026-11-20").with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/deeds").param("q", name).param("occurredTo", "2026-11-19")
                        .with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void acceptance_starts_the_thirty_day_clock() throws Exception {
        long id = id(register("jinjiang-staff", "350582", LocalDateTime.of(2026, 2, 20, 9, 0), unique("蔡"), null,
                true));
        LocalDate on = LocalDate.of(2026, 3, 2);
        mvc.perform(post("/api/v1/deeds/{id}/accept", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"acceptedOn\": \"" + on + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decisionDue").value("2026-04-01"));
        mvc.perform(post("/api/v1/deeds/{id}/accept", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
    }

    @Test
    void an_acceptance_before_the_act_or_in_the_future_is_refused() throws Exception {
        long id = id(register("jinjiang-staff", "350582", LocalDateTime.of(2026, 2, 20, 9, 0), unique("邱"), null,
                true));
        mvc.perform(post("/api/v1/deeds/{id}/accept", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"acceptedOn\": \"2026-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("acceptedOn"));
        mvc.perform(post("/api/v1/deeds/{id}/accept", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"acceptedOn\": \"2999-01-01\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_late_filing_needs_a_recorded_approval_and_one_beyond_two_years_is_refused() throws Exception {
        long late = id(register("jinjiang-staff", "350582", daysAgo(430), unique("陈"), null, true));
        mvc.perform(post("/api/v1/deeds/{id}/accept", late).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lateFilingApproval"));
        mvc.perform(post("/api/v1/deeds/{id}/accept", late).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lateFilingApproval\": \"泉公见〔2026〕12号\"}"))
                .andExpect(status().isOk());

        long tooLate = id(register("jinjiang-staff", "350582", daysAgo(800), unique("林"), null, true));
        mvc.perform(post("/api/v1/deeds/{id}/accept", tooLate).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lateFilingApproval\": \"泉公见〔2026〕13号\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("不能受理")));
    }

    @Test
    void an_investigator_registers_but_does_not_accept() throws Exception {
        long id = id(register("investigator-jinjiang", "350582", daysAgo(4), unique("吴"), null, true)
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/deeds/{id}/accept", id).with(as("investigator-jinjiang"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void evidence_is_attached_to_the_deed_and_stays_within_its_scope() throws Exception {
        long id = id(register("jinjiang-staff", "350582", daysAgo(6), unique("郑"), null, true));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/files")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "现场照片.jpg", "image/jpeg", jpeg))
                        .param("ownerType", "Deed").param("ownerId", String.valueOf(id))
                        .param("returnTo", "/deeds/" + id)
                        .with(as("investigator-jinjiang")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/deeds/{id}", id).with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("现场照片.jpg")));
        long file = jdbc.sql("select id from attachment where owner_type = 'Deed' and owner_id = :id")
                .param("id", id).query(Long.class).single();
        mvc.perform(get("/files/{id}", file).with(as("nanan-staff"))).andExpect(status().isNotFound());
    }

    @Test
    void a_script_in_the_narrative_is_shown_as_text() throws Exception {
        long id = id(register("jinjiang-staff", "350582", daysAgo(1), "<script>alert(1)</script>", null, true));
        mvc.perform(get("/deeds/{id}", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>alert(1)"))));
    }

    @Test
    void the_intake_form_says_what_is_missing() throws Exception {
        mvc.perform(post("/deeds/new").with(as("jinjiang-staff")).with(csrf())
                        .param("regionCode", "350582").param("category", "RESCUE").param("source", "POLICE_REFERRAL")
                        .param("occurredAt", "2026-11-19T18:30").param("address", "").param("title", "救人")
                        .param("narrative", "经过").param("participants[0].role", "ACTOR")
                        .param("participants[0].name", "蔡某"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此项必须填写。")))
                .andExpect(content().string(containsString("有几处内容需要修改")));
        mvc.perform(post("/deeds/new").with(as("jinjiang-staff")).with(csrf())
                        .param("regionCode", "350582").param("occurredAt", "昨天傍晚")
                        .param("participants[0].role", "HERO"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("有几处内容需要修改")));
        mvc.perform(get("/deeds").with(as("jinjiang-staff"))).andExpect(status().isOk());
        mvc.perform(get("/deeds/new").with(as("jinjiang-staff"))).andExpect(status().isOk());
    }
}
