package org.yiyong.honours;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/** Instant commendation from the samaritan's profile: proposed, approved by another, granted, certificate. */
class HonourPagesTests extends FullStackTest {

    @Test
    void the_profile_leads_from_proposal_to_certificate() throws Exception {
        awaitEvents();
        Map<String, Object> who = jdbc.sql("""
                select s.id as samaritan, d.deed_id as deed from samaritan s join samaritan_deed d on d.samaritan_id = s.id
                where s.name = '蔡志勇'""").query().singleRow();
        String profile = "/samaritans/" + who.get("samaritan");
        mvc.perform(post("/honours").with(as("city-staff")).with(csrf())
                        .param("samaritanId", who.get("samaritan").toString()).param("deedId", who.get("deed").toString())
                        .param("titleCode", "CITY_ACTIVIST").param("reason", ""))
                .andExpect(flash().attribute("failure", "validation.required"));
        mvc.perform(post("/honours").with(as("city-staff")).with(csrf())
                        .param("samaritanId", who.get("samaritan").toString()).param("deedId", who.get("deed").toString())
                        .param("titleCode", "CITY_ACTIVIST").param("reason", "协助抓获入室盗窃嫌疑人"))
                .andExpect(flash().attribute("success", "honour.proposed"))
                .andExpect(header().string("Location", profile));
        long id = jdbc.sql("select h.id from honour h join title t on t.id = h.title_id "
                        + "where h.samaritan_id = :s and t.code = 'CITY_ACTIVIST'")
                .param("s", who.get("samaritan")).query(Long.class).single();
        mvc.perform(get(profile).with(as("city-staff")))
                .andExpect(content().string(containsString("泉州市见义勇为积极分子")))
                .andExpect(content().string(containsString("已提出")));
        mvc.perform(post("/honours/{id}/approval", id).with(as("city-police")).with(csrf()))
                .andExpect(flash().attribute("success", "honour.approved"));
        mvc.perform(post("/honours/{id}/grant", id).with(as("city-police")).with(csrf())
                        .param("documentNumber", "泉见协〔2026〕20号"))
                .andExpect(flash().attribute("success", "honour.granted"));
        mvc.perform(get(profile).with(as("city-staff")))
                .andExpect(content().string(containsString("¥5,000.00")))
                .andExpect(content().string(containsString("/honours/" + id + "/certificate")));
        mvc.perform(get("/honours/{id}/certificate", id).with(as("city-staff")))
                .andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void the_title_page_shows_the_standards_over_time_and_city_staff_add_one() throws Exception {
        mvc.perform(get("/titles").with(as("jinjiang-staff")))
                .andExpect(content().string(containsString("泉州市见义勇为先进个人")))
                .andExpect(content().string(containsString("¥20,000.00")))
                .andExpect(content().string(containsString("¥10,000.00")));
        long id = jdbc.sql("select id from title where code = 'PROVINCIAL_ADVANCED'").query(Long.class).single();
        mvc.perform(post("/titles/{id}/standards", id).with(as("city-staff")).with(csrf())
                        .param("effectiveFrom", "2025-01-01").param("amount", "abc"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is4xxClientError());
        mvc.perform(post("/titles/{id}/standards", id).with(as("city-staff")).with(csrf())
                        .param("effectiveFrom", "2025-01-01").param("amount", "30000").param("note", "省工委会 2025 年标准"))
                .andExpect(flash().attribute("success", "honour.standard.added"));
        mvc.perform(post("/titles/{id}/standards", id).with(as("jinjiang-staff")).with(csrf())
                        .param("effectiveFrom", "2025-06-01").param("amount", "1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }
}
