package org.yiyong.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/** Pages: Chinese by default, English on request, safe headers, real counts on the workbench. */
class PageTests extends FullStackTest {

    @Test
    void pages_need_a_sign_in() throws Exception {
        mvc.perform(get("/organizations")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void the_login_page_is_chinese_by_default_and_english_on_request() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("用户名")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("User name")));
        mvc.perform(get("/login").cookie(new Cookie("YIYONG_LANG", "en")))
                .andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void authenticated_pages_carry_the_security_headers_and_are_not_cached() throws Exception {
        mvc.perform(get("/").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void the_workbench_shows_the_users_organization_region_roles_and_counts() throws Exception {
        long inJinjiang = jdbc.sql("select count(*) from organization where region_code = '350582' and active = true")
                .query(Long.class).single();
        mvc.perform(get("/").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作台")))
                .andExpect(content().string(containsString("晋江市见义勇为协会")))
                .andExpect(content().string(containsString("晋江市 (350582)")))
                .andExpect(content().string(containsString("县级工作人员")))
                .andExpect(content().string(containsString("id=\"count-organizations\">" + inJinjiang + "<")));
    }

    @Test
    void the_home_page_shows_each_role_what_it_works_on_and_no_cards_it_does_not_administer() throws Exception {
        for (String user : new String[] {"finance-reviewer", "cashier", "committee-1"}) {
            String page = mvc.perform(get("/").with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            org.assertj.core.api.Assertions.assertThat(page).as(user).contains("id=\"my-tasks\"")
                    .doesNotContain("id=\"count-organizations\"", "id=\"count-users\"", "id=\"count-regions\"",
                            "id=\"due-deeds\"");
        }
        String county = mvc.perform(get("/").with(as("jinjiang-staff"))).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(county).contains("id=\"due-deeds\"", "id=\"count-organizations\"")
                .doesNotContain("id=\"count-users\"");
        String admin = mvc.perform(get("/").with(as("sysadmin"))).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(admin).contains("id=\"count-users\"", "id=\"count-regions\"")
                .doesNotContain("id=\"due-deeds\"");
    }

    @Test
    void a_refused_form_names_the_field_its_message_is_about() throws Exception {
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/deeds").with(as("jinjiang-staff"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-11-01T10:00:00", "address": "晋江市安海镇", "title": "救起落水老人",
                                 "narrative": "派出所报告有人救起落水老人。",
                                 "participants": [{"role": "ACTOR", "name": "%s"}], "notADuplicate": true}"""
                                .formatted(unique("洪"))))
                .andReturn().getResponse().getContentAsString();
        long deed = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/deeds/{id}/accept", deed).param("acceptedOn", "2099-01-01").with(as("jinjiang-staff"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(get("/deeds/{id}", deed).with(as("jinjiang-staff"))
                        .cookie(refused.getResponse().getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).containsPattern("alert-danger[^>]*>受理日期：");
        // the page's parts are a touch away: every jump link has its target
        String jump = page.substring(page.indexOf("id=\"deed-jump\""), page.indexOf("</nav>", page.indexOf("id=\"deed-jump\"")));
        java.util.regex.Matcher target = java.util.regex.Pattern.compile("href=\"#([a-z-]+)\"").matcher(jump);
        int targets = 0;
        while (target.find()) {
            org.assertj.core.api.Assertions.assertThat(page).contains("id=\"" + target.group(1) + "\"");
            targets++;
        }
        org.assertj.core.api.Assertions.assertThat(targets).isEqualTo(4);
    }

    @Test
    void error_pages_show_no_stack_trace() throws Exception {
        mvc.perform(get("/organizations/999999999").with(as("city-staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("找不到页面或记录")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void error_pages_speak_the_users_language() throws Exception {
        mvc.perform(get("/organizations/999999999").with(as("city-staff")).cookie(new Cookie("YIYONG_LANG", "en")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not found")));
        mvc.perform(get("/audit").with(as("city-staff")).cookie(new Cookie("YIYONG_LANG", "en")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_region_tree_page_lists_the_functional_areas() throws Exception {
        mvc.perform(get("/regions").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("泉州台商投资区")))
                .andExpect(content().string(containsString("350583")));
    }
}
