package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yiyong.FullStackTest;

/**
 * Each person keeps their own mobile and e-mail and chooses where the morning digest goes; a number that is
 * not a mobile, an address that is not one, or a channel chosen without its address is refused at its field,
 * with nothing saved; every change is on the audit trail.
 */
class ContactTests extends FullStackTest {

    private Map<String, Object> contactOf(String username) {
        return jdbc.sql("select mobile, email, digest_by_email, digest_by_sms from user_account where username = :u")
                .param("u", username).query().singleRow();
    }

    @Test
    void a_person_keeps_their_contact_on_their_account_page() throws Exception {
        String me = staffOf("JJ-ASSOC", "COUNTY_STAFF");
        assertThat(mvc.perform(get("/account/contact").with(as(me))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("手机号码", "电子邮箱", "每日待办摘要同时发送到");
        mvc.perform(post("/account/contact").with(as(me)).with(csrf()).param("mobile", "139 0595 1234")
                .param("email", "xuzhiqiang@jjjyyw.org.cn").param("digestBySms", "true"))
                .andExpect(redirectedUrl("/account/contact"));
        assertThat(contactOf(me)).containsEntry("mobile", "13905951234")
                .containsEntry("email", "xuzhiqiang@jjjyyw.org.cn").containsEntry("digest_by_sms", true)
                .containsEntry("digest_by_email", false);
        assertThat(auditedActions(me, "UserAccount", jdbc.sql("select id from user_account where username = :u")
                .param("u", me).query(Long.class).single())).contains("UPDATE");
    }

    @Test
    void what_is_not_a_mobile_or_an_address_is_refused_at_its_field_with_nothing_saved() throws Exception {
        String me = staffOf("JJ-ASSOC", "COUNTY_STAFF");
        String page = mvc.perform(post("/account/contact").with(as(me)).with(csrf()).param("mobile", "0595-22180110")
                .param("email", "").param("digestBySms", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("请填写 11 位手机号码").contains("is-invalid");
        page = mvc.perform(post("/account/contact").with(as(me)).with(csrf()).param("mobile", "")
                .param("email", "xu@").param("digestByEmail", "true")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("电子邮箱格式不正确");
        page = mvc.perform(post("/account/contact").with(as(me)).with(csrf()).param("mobile", "")
                .param("email", "").param("digestByEmail", "true")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("要用电子邮箱接收摘要，请先填写电子邮箱");
        assertThat(contactOf(me)).containsEntry("mobile", null).containsEntry("email", null)
                .containsEntry("digest_by_email", false).containsEntry("digest_by_sms", false);
    }

    @Test
    void the_api_reads_and_changes_the_callers_own_contact() throws Exception {
        String me = staffOf("NA-ASSOC", "COUNTY_STAFF");
        mvc.perform(put("/api/v1/me/contact").with(as(me)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"13805951111\",\"email\":\"lin@najyyw.org.cn\",\"digestByEmail\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mobile").value("13805951111"));
        mvc.perform(get("/api/v1/me/contact").with(as(me))).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("lin@najyyw.org.cn"))
                .andExpect(jsonPath("$.digestByEmail").value(true)).andExpect(jsonPath("$.digestBySms").value(false));
        mvc.perform(put("/api/v1/me/contact").with(as(me)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"12345\",\"digestBySms\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("mobile"));
        assertThat(contactOf(me)).containsEntry("mobile", "13805951111");
    }
}
