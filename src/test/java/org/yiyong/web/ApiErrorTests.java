package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.FullStackTest;

/** Bad requests get 400 problem+json naming what is wrong, never a 500, and nothing is saved. */
class ApiErrorTests extends FullStackTest {

    private ResultActions postOrganization(String body) throws Exception {
        return mvc.perform(post("/api/v1/organizations").with(as("jinjiang-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long organizations() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    @Test
    void malformed_json_is_a_400_problem() throws Exception {
        long before = organizations();
        postOrganization("{\"name\": \"晋江市某工作站\", ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("请求内容不是有效的 JSON。"));
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_problem_naming_the_field() throws Exception {
        postOrganization("""
                {"name": "晋江市某工作站", "type": "WORK_STATION", "regionCode": "350582", "parentId": "第一"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        postOrganization("""
                {"name": "晋江市某工作站", "type": "SPACESHIP", "regionCode": "350582"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void a_missing_required_field_is_a_400_problem_naming_the_field() throws Exception {
        long before = organizations();
        postOrganization("""
                {"type": "WORK_STATION", "regionCode": "350582"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void a_null_person_in_a_deed_is_a_400_problem() throws Exception {
        mvc.perform(post("/api/v1/deeds").with(as("jinjiang-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode": "350582", "category": "RESCUE", "source": "POLICE_REFERRAL",
                                 "occurredAt": "2026-02-20T08:00:00", "address": "晋江", "title": "救人",
                                 "narrative": "经过", "participants": [null]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void an_empty_body_is_a_400_problem() throws Exception {
        postOrganization("").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_path_variable_of_the_wrong_type_is_a_400_problem() throws Exception {
        mvc.perform(get("/api/v1/organizations/abc").with(as("jinjiang-staff")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void the_api_without_a_session_or_token_is_401_problem_json() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void the_openapi_document_describes_the_api() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organizations']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists());
    }

    @Test
    void a_body_of_a_content_type_the_operation_does_not_take_is_a_415_problem() throws Exception {
        mvc.perform(post("/api/v1/attachments").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("不支持这种内容类型；这个地址接受的是 multipart/form-data。"));
    }

    @Test
    void an_address_the_firewall_refuses_is_a_400_problem() throws Exception {
        mvc.perform(post(java.net.URI.create("/api/v1/organizations/1%00")).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("请求地址里有不允许的字符，请核对后再试。"));
    }
}
