package org.yiyong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.test.context.support.WithMockUser;
import org.yiyong.FullStackTest;
import org.yiyong.audit.internal.AuditSearch;

/** Only the audit administrator reads the trail; nobody changes it. */
class AuditTrailTests extends FullStackTest {

    @Autowired
    AuditSearch search;

    @Test
    void the_auditor_reads_the_trail() throws Exception {
        mvc.perform(get("/api/v1/audit-entries").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(get("/audit").with(as("auditor"))).andExpect(status().isOk());
    }

    @Test
    void the_system_administrator_and_city_staff_may_not_read_it() throws Exception {
        for (String username : new String[] {"sysadmin", "city-staff", "secadmin"}) {
            mvc.perform(get("/api/v1/audit-entries").with(as(username))).andExpect(status().isForbidden());
            mvc.perform(get("/audit").with(as(username))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'sysadmin' and action = 'ACCESS_DENIED'"
                + " and detail like '%/api/v1/audit-entries%'").query(Long.class).single()).isPositive();
    }

    @Test
    void the_api_offers_no_way_to_delete_an_entry() throws Exception {
        mvc.perform(delete("/api/v1/audit-entries/1").with(as("auditor")).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_entry() {
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone-else'").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_hash_chain_is_intact_even_after_a_user_name_longer_than_its_column() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                .param("username", "x".repeat(300)).param("password", "nothing").with(csrf()));

        mvc.perform(get("/api/v1/audit-entries/chain").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstBrokenEntry").doesNotExist())
                .andExpect(jsonPath("$.entriesChecked").isNumber());
    }

    @Test
    @WithMockUser(roles = "AUDIT_ADMIN")
    void the_chain_check_walks_every_entry() {
        AuditSearch.ChainCheck check = search.verifyChain();
        assertThat(check.entriesChecked()).isEqualTo(
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single());
        assertThat(check.intact()).isTrue();
    }
}
