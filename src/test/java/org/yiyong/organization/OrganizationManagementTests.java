package org.yiyong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yiyong.FullStackTest;
import org.yiyong.organization.internal.Organization;

/** Creating, changing and deactivating organizations, within the data scope, with every change audited. */
class OrganizationManagementTests extends FullStackTest {

    private long create(String username, String name, String regionCode) throws Exception {
        String body = mvc.perform(post("/api/v1/organizations").with(as(username))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "type": "WORK_STATION", "regionCode": "%s", "parentId": %d,
                                 "address": "晋江市安海镇", "phone": "0595-85701234"}"""
                                .formatted(name, regionCode, organizationId("JJ-ASSOC"))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void county_staff_create_a_work_station_in_their_county_and_it_is_audited() throws Exception {
        String name = unique("晋江市安海镇星塔社区见义勇为工作室");
        long id = create("jinjiang-staff", name, "350582");

        mvc.perform(get("/api/v1/organizations/{id}", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.parentName").value("晋江市见义勇为协会"))
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.startsWith("ORG-350582-")));
        assertThat(auditedActions("jinjiang-staff", "Organization", id)).containsExactly("CREATE");
        assertThat(jdbc.sql("select changes from audit_entry where entity_type = 'Organization' and entity_id = :id")
                .param("id", String.valueOf(id)).query(String.class).single()).contains(name);
    }

    @Test
    void county_staff_cannot_create_an_organization_in_another_county() throws Exception {
        mvc.perform(post("/api/v1/organizations").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"南安市某工作站\", \"type\": \"WORK_STATION\", \"regionCode\": \"350583\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    }

    @Test
    void put_changes_the_details_and_active_false_deactivates_with_before_and_after_in_the_trail() throws Exception {
        long id = create("jinjiang-staff", unique("晋江市陈埭镇工作站"), "350582");
        String renamed = unique("晋江市陈埭镇见义勇为工作站");

        mvc.perform(put("/api/v1/organizations/{id}", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "type": "WORK_STATION", "regionCode": "350582", "active": false,
                                 "version": 0}""".formatted(renamed)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(renamed))
                .andExpect(jsonPath("$.active").value(false));

        String changes = jdbc.sql("""
                select changes from audit_entry
                where entity_type = 'Organization' and entity_id = :id and action = 'UPDATE'""")
                .param("id", String.valueOf(id)).query(String.class).single();
        assertThat(changes).contains("\"field\":\"name\"").contains(renamed).contains("\"field\":\"active\"");
    }

    @Test
    void a_stale_version_is_refused_with_409_and_nothing_changes() throws Exception {
        String name = unique("晋江市青阳街道工作站");
        long id = create("jinjiang-staff", name, "350582");
        mvc.perform(put("/api/v1/organizations/{id}", id).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"改名\", \"type\": \"WORK_STATION\", \"regionCode\": \"350582\","
                                + " \"version\": 7}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/organizations/{id}", id).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.name").value(name));
    }

    @Test
    void a_leader_reads_but_cannot_create() throws Exception {
        mvc.perform(get("/api/v1/organizations").with(as("leader"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/organizations").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"某单位\", \"type\": \"MEMBER_UNIT\", \"regionCode\": \"350500\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_organization_cannot_become_its_own_grandparent() throws Exception {
        long parent = create("jinjiang-staff", unique("上级工作站"), "350582");
        String child = mvc.perform(post("/api/v1/organizations").with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"%s\", \"type\": \"WORK_STATION\", \"regionCode\": \"350582\", \"parentId\": %d}"
                                .formatted(unique("下级工作室"), parent)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long childId = ((Number) JsonPath.read(child, "$.id")).longValue();

        mvc.perform(put("/api/v1/organizations/{id}", parent).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"上级\", \"type\": \"WORK_STATION\", \"regionCode\": \"350582\", \"parentId\": %d}"
                                .formatted(childId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void the_form_shows_what_is_wrong_in_chinese_next_to_the_field() throws Exception {
        mvc.perform(post("/organizations/new").with(as("jinjiang-staff")).with(csrf())
                        .param("name", "").param("type", "WORK_STATION").param("regionCode", "350582"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此项必须填写。")))
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void the_ui_deactivates_an_organization() throws Exception {
        long id = create("jinjiang-staff", unique("晋江市即将撤并的工作站"), "350582");
        mvc.perform(post("/organizations/{id}/deactivate", id).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/organizations/{id}", id).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已停用")));
        mvc.perform(post("/organizations/{id}/deactivate", id).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该机构已经停用。")));
        assertThat(auditedActions("jinjiang-staff", "Organization", id)).containsExactly("CREATE", "DEACTIVATE");
    }
}
