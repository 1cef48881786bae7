package org.yiyong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yiyong.FullStackTest;
import org.yiyong.organization.internal.Organization;

/** A county user sees their county only; everything else answers 404 and the attempt is audited. */
class DataScopeTests extends FullStackTest {

    @Test
    void me_names_the_users_organization_region_and_roles() throws Exception {
        mvc.perform(get("/api/v1/me").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("jinjiang-staff"))
                .andExpect(jsonPath("$.organization.name").value("晋江市见义勇为协会"))
                .andExpect(jsonPath("$.region.code").value("350582"))
                .andExpect(jsonPath("$.region.name").value("晋江市"))
                .andExpect(jsonPath("$.roles[0]").value("COUNTY_STAFF"))
                .andExpect(jsonPath("$.scopeRegionCodes").value(org.hamcrest.Matchers.contains("350582")));
    }

    @Test
    void a_nanan_organization_is_not_found_for_jinjiang_staff_and_the_attempt_is_audited() throws Exception {
        long nanan = organizationId("NA-ASSOC");

        mvc.perform(get("/api/v1/organizations/{id}", nanan).with(as("jinjiang-staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));

        assertThat(auditedActions("jinjiang-staff", "Organization", nanan)).contains("ACCESS_DENIED");
    }

    @Test
    void the_organization_page_outside_the_scope_is_the_404_page() throws Exception {
        mvc.perform(get("/organizations/{id}", organizationId("NA-PSB")).with(as("jinjiang-staff")))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
    }

    @Test
    void the_name_of_a_parent_outside_the_scope_is_not_shown_and_editing_keeps_the_parent() throws Exception {
        long jinjiang = organizationId("JJ-ASSOC");
        mvc.perform(get("/api/v1/organizations/{id}", jinjiang).with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentName").doesNotExist());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/v1/organizations/{id}", jinjiang).with(as("jinjiang-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "晋江市见义勇为协会", "shortName": "晋江市协会", "type": "ASSOCIATION",
                                 "regionCode": "350582", "parentId": %d, "address": "晋江市青阳街道崇德路",
                                 "phone": "0595-85661110"}""".formatted(organizationId("QZ-ASSOC"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/organizations/{id}", jinjiang).with(as("city-staff")))
                .andExpect(jsonPath("$.parentName").value("泉州市见义勇为协会"));
    }

    @Test
    void an_access_token_opens_the_api_but_not_the_pages() throws Exception {
        mvc.perform(get("/tasks").header("Authorization", "Bearer yy_whatever"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void a_city_user_sees_every_county() throws Exception {
        mvc.perform(get("/api/v1/organizations/{id}", organizationId("NA-ASSOC")).with(as("city-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionName").value("南安市"));
    }

    @Test
    void the_list_of_a_county_user_holds_their_county_only() throws Exception {
        mvc.perform(get("/api/v1/organizations").param("size", "200").with(as("jinjiang-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].regionCode", everyItem(is("350582"))))
                .andExpect(jsonPath("$.items[?(@.code == 'JJ-PS-QY')]").isNotEmpty());
    }

    @Test
    void the_region_tree_holds_quanzhous_twelve_counties_and_two_functional_areas() throws Exception {
        mvc.perform(get("/api/v1/regions").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("350000"))
                .andExpect(jsonPath("$[0].children[0].code").value("350500"))
                .andExpect(jsonPath("$[0].children[0].children.length()").value(14))
                .andExpect(jsonPath("$[0].children[0].children[?(@.code == '350582')].name").value("晋江市"))
                .andExpect(jsonPath("$[0].children[0].children[?(@.level == 'FUNCTIONAL_AREA')].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("泉州台商投资区", "泉州经济技术开发区")));
    }
}
