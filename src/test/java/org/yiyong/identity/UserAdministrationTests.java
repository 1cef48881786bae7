package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiyong.FullStackTest;
import org.yiyong.identity.internal.UserAccount;
import org.yiyong.identity.internal.UserAccounts;

/** The three administrators are kept apart: accounts, roles and the audit trail each have one keeper. */
class UserAdministrationTests extends FullStackTest {

    @Autowired
    UserAccounts accounts;

    private UserAccount createUser() throws Exception {
        String username = unique("huian-staff").toLowerCase();
        mvc.perform(post("/users/new").with(as("sysadmin")).with(csrf())
                        .param("username", username).param("displayName", "陈美华")
                        .param("organizationId", String.valueOf(organizationId("HA-ASSOC")))
                        .param("initialPassword", "Huian@2026ok"))
                .andExpect(status().is3xxRedirection());
        return accounts.findByUsername(username).orElseThrow();
    }

    @Test
    void the_system_administrator_creates_an_account_that_must_change_its_password() throws Exception {
        UserAccount created = createUser();
        assertThat(created.isPasswordChangeRequired()).isTrue();
        assertThat(created.getRegionCode()).isEqualTo("350521");
        assertThat(created.getRoles()).isEmpty();
        assertThat(auditedActions("sysadmin", "UserAccount", created.getId())).containsExactly("CREATE");
    }

    @Test
    void only_the_security_administrator_assigns_roles() throws Exception {
        UserAccount created = createUser();
        mvc.perform(post("/users/{id}/roles", created.getId()).with(as("sysadmin")).with(csrf())
                        .param("roles", "COUNTY_STAFF").param("version", String.valueOf(created.getVersion())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/users/{id}/roles", created.getId()).with(as("secadmin")).with(csrf())
                        .param("roles", "COUNTY_STAFF").param("version", String.valueOf(created.getVersion())))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findById(created.getId()).orElseThrow().getRoles()).containsExactly(Role.COUNTY_STAFF);
        assertThat(auditedActions("secadmin", "UserAccount", created.getId())).containsExactly("ROLES_CHANGED");
    }

    @Test
    void two_administrator_roles_are_never_given_to_one_person() throws Exception {
        UserAccount created = createUser();
        mvc.perform(post("/users/{id}/roles", created.getId()).with(as("secadmin")).with(csrf())
                        .param("roles", "SYSTEM_ADMIN", "AUDIT_ADMIN")
                        .param("version", String.valueOf(created.getVersion())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("三员分立")));
        assertThat(accounts.findById(created.getId()).orElseThrow().getRoles()).isEmpty();
    }

    @Test
    void an_administrator_role_is_never_combined_with_a_business_role() throws Exception {
        UserAccount created = createUser();
        for (String[] roles : new String[][] {{"SECURITY_ADMIN", "CITY_STAFF"}, {"AUDIT_ADMIN", "FINANCE_REVIEWER"}}) {
            mvc.perform(post("/users/{id}/roles", created.getId()).with(as("secadmin")).with(csrf())
                            .param("roles", roles).param("version", String.valueOf(created.getVersion())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("不能兼任业务角色")));
        }
        assertThat(accounts.findById(created.getId()).orElseThrow().getRoles()).isEmpty();
        assertThat(auditedActions("secadmin", "UserAccount", created.getId())).doesNotContain("ROLES_CHANGED");
    }

    @Test
    void a_weak_initial_password_is_refused_with_a_clear_message() throws Exception {
        mvc.perform(post("/users/new").with(as("sysadmin")).with(csrf())
                        .param("username", unique("weak").toLowerCase()).param("displayName", "王五")
                        .param("organizationId", String.valueOf(organizationId("HA-ASSOC")))
                        .param("initialPassword", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码太短：至少需要 10 位。")));
    }

    @Test
    void a_password_too_long_to_hash_is_refused_on_creation_and_on_reset() throws Exception {
        String tooLong = "Huian@2026" + "惠安县见义勇为协会".repeat(3);
        mvc.perform(post("/users/new").with(as("sysadmin")).with(csrf())
                        .param("username", unique("long").toLowerCase()).param("displayName", "王五")
                        .param("organizationId", String.valueOf(organizationId("HA-ASSOC")))
                        .param("initialPassword", tooLong))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码太长")));

        UserAccount created = createUser();
        mvc.perform(post("/users/{id}/password", created.getId()).with(as("sysadmin")).with(csrf())
                        .param("newPassword", tooLong))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "password.too-long"));
        assertThat(auditedActions("sysadmin", "UserAccount", created.getId())).doesNotContain("PASSWORD_CHANGED");
    }

    @Test
    void the_system_administrator_cannot_reset_the_auditors_password_but_a_security_administrator_can()
            throws Exception {
        long auditor = accounts.findByUsername("auditor").orElseThrow().getId();
        mvc.perform(post("/users/{id}/password", auditor).with(as("sysadmin")).with(csrf())
                        .param("newPassword", "Taken@Over2026"))
                .andExpect(status().isForbidden());
        assertThat(auditedActions("sysadmin", "UserAccount", auditor)).doesNotContain("PASSWORD_CHANGED");

        UserAccount created = createUser();
        mvc.perform(post("/users/{id}/roles", created.getId()).with(as("secadmin")).with(csrf())
                        .param("roles", "AUDIT_ADMIN").param("version", String.valueOf(created.getVersion())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/users/{id}/password", created.getId()).with(as("secadmin")).with(csrf())
                        .param("newPassword", "Reset@Audit2026"))
                .andExpect(status().is3xxRedirection());
        assertThat(auditedActions("secadmin", "UserAccount", created.getId())).contains("PASSWORD_CHANGED");
    }

    @Test
    void the_account_page_offers_each_administrator_their_own_tools() throws Exception {
        long jinjiang = accounts.findByUsername("jinjiang-staff").orElseThrow().getId();
        long auditor = accounts.findByUsername("auditor").orElseThrow().getId();
        mvc.perform(get("/users/{id}", jinjiang).with(as("sysadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("重置密码")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("保存角色"))));
        mvc.perform(get("/users/{id}", jinjiang).with(as("secadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("保存角色")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("重置密码"))));
        mvc.perform(get("/users/{id}", auditor).with(as("secadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("重置密码")));
        mvc.perform(get("/users").param("q", "jinjiang").with(as("sysadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jinjiang-staff")));
    }

    @Test
    void business_users_cannot_open_account_administration() throws Exception {
        mvc.perform(get("/users").with(as("city-staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/users").with(as("auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/users").with(as("secadmin"))).andExpect(status().isOk());
    }
}
