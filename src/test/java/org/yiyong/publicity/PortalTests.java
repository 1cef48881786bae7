package org.yiyong.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.yiyong.FullStackTest;

/**
 * The portal is for visitors: every page answers without signing in, sets no cookie and makes no session (so it
 * works with cookies refused), and can be cached — public for a minute, with an ETag that turns a repeat visit
 * into a 304. What answers one person's question is never stored. Staff still reach the sign-in page.
 */
class PortalTests extends FullStackTest {

    private static final String[] PAGES = {"/public", "/public/honour-roll", "/public/stories", "/public/news",
            "/public/laws", "/public/accounts", "/public/notices", "/public/leads/new", "/public/certificates",
            "/public/feed.xml", "/sitemap.xml", "/robots.txt", "/api/v1/public/articles", "/api/v1/public/honour-roll"};

    @Test
    void every_page_answers_a_visitor_without_a_session_or_a_cookie_and_can_be_cached() throws Exception {
        for (String page : PAGES) {
            MvcResult result = mvc.perform(get(page)).andReturn();
            MockHttpServletResponse response = result.getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(response.getHeaders("Set-Cookie")).as(page).isEmpty();
            assertThat(result.getRequest().getSession(false)).as(page).isNull();
            assertThat(response.getHeader("Cache-Control")).as(page).contains("public").contains("max-age=");
        }
    }

    @Test
    void a_page_seen_before_is_answered_304_by_its_etag() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/public/honour-roll")).andReturn().getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/public/honour-roll").header("If-None-Match", etag)).andExpect(status().isNotModified());
    }

    @Test
    void a_visitor_at_the_root_gets_the_portal_and_staff_still_sign_in_at_login() throws Exception {
        MvcResult root = mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("/public"))
                .andReturn();
        assertThat(root.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(mvc.perform(get("/public")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("见义勇为，人人可为", "提供见义勇为线索", "0595-22135110", "href=\"/login\"");
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/").with(as("jinjiang-staff"))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/public").with(as("jinjiang-staff"))).andReturn().getResponse()
                .getHeader("Cache-Control")).as("a signed-in page is never shared").isEqualTo("private, no-cache");
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection());
    }

    @Test
    void a_visitor_who_takes_a_wrong_turn_stays_in_the_portal() throws Exception {
        for (String missing : new String[] {"/public/articles/987654321", "/public/accounts/987654321",
                "/public/honour-roll/987654321"}) {
            MockHttpServletResponse response = mvc.perform(get(missing)).andExpect(status().isNotFound()).andReturn()
                    .getResponse();
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(missing)
                    .contains("跳到正文", "返回首页", "data-status=\"404\"").doesNotContain("返回工作台");
            assertThat(response.getHeaders("Set-Cookie")).as(missing).isEmpty();
        }
        assertThat(mvc.perform(get("/public/articles/987654321").with(as("jinjiang-staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("返回工作台");
    }

    @Test
    void a_lead_sent_without_cookies_gets_its_code_and_a_lookup_is_never_stored() throws Exception {
        MockHttpServletResponse sent = mvc.perform(multipart("/public/leads/new")
                        .param("narrative", "在晋江市安海镇，有人跳进河里救起落水的老人。").param("regionCode", "350582")
                        .param("address", "晋江市安海镇西垵村").param("occurredOn", clock.today().toString())
                        .with(request -> {
                            request.setRemoteAddr("10.91.0." + (System.nanoTime() % 200 + 1));
                            return request;
                        }))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(sent.getContentAsString(StandardCharsets.UTF_8)).contains("请抄下或截图保存");
        assertThat(sent.getHeaders("Set-Cookie")).isEmpty();
        assertThat(sent.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(mvc.perform(get("/public/leads/status").param("code", "XS-2222-2222")).andReturn().getResponse()
                .getHeader("Cache-Control")).contains("no-store");
    }
}
