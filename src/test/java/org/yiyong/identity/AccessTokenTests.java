package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yiyong.FullStackTest;

/** A personal access token stands for its user until it is revoked, and is shown only once. */
class AccessTokenTests extends FullStackTest {

    @Test
    void a_token_calls_the_api_as_its_user_until_revoked() throws Exception {
        MvcResult issued = mvc.perform(post("/account/tokens").with(as("nanan-staff")).with(csrf())
                        .param("name", "南安统计脚本").param("validDays", "30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("issuedToken"))
                .andReturn();
        String token = (String) issued.getFlashMap().get("issuedToken");
        assertThat(token).startsWith("yy_");
        assertThat(jdbc.sql("select count(*) from access_token where token_hash = :t").param("t", token)
                .query(Long.class).single()).as("the token itself is never stored").isZero();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("nanan-staff"))
                .andExpect(jsonPath("$.region.name").value("南安市"));

        mvc.perform(post("/api/v1/organizations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + unique("南安市水头镇某村工作站") + "\", \"type\": \"WORK_STATION\","
                                + " \"regionCode\": \"350583\"}"))
                .andExpect(status().isCreated());

        long id = jdbc.sql("select id from access_token where token_prefix = :p").param("p", token.substring(0, 8))
                .query(Long.class).single();
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(as("nanan-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("访问令牌无效、已过期或已撤销。"));
    }

    @Test
    void another_user_cannot_revoke_my_token() throws Exception {
        MvcResult issued = mvc.perform(post("/account/tokens").with(as("nanan-staff")).with(csrf())
                .param("name", "只属于我").param("validDays", "7")).andReturn();
        String token = (String) issued.getFlashMap().get("issuedToken");
        long id = jdbc.sql("select id from access_token where token_prefix = :p").param("p", token.substring(0, 8))
                .query(Long.class).single();

        mvc.perform(post("/account/tokens/{id}/revoke", id).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void an_unknown_token_is_refused() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer yy_not-a-real-token"))
                .andExpect(status().isUnauthorized());
    }
}
