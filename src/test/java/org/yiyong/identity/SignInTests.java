package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.yiyong.FullStackTest;
import org.yiyong.identity.internal.IdentityProperties;
import org.yiyong.identity.internal.UserAccount;
import org.yiyong.identity.internal.UserAccounts;

/** Sign-in, lockout after failures, forced change of an initial password, sign-out. */
class SignInTests extends FullStackTest {

    private static final String PASSWORD = "Quanzhou#2026";

    @Autowired
    UserAccounts accounts;

    @Autowired
    PasswordEncoder encoder;

    private String newUser(boolean mustChangePassword) {
        String username = unique("user").toLowerCase();
        long organization = organizationId("JJ-ASSOC");
        UserAccount account = new UserAccount(username, "测试用户", encoder.encode(PASSWORD), organization, "350582",
                mustChangePassword, Instant.now());
        account.assignRoles(EnumSet.of(Role.COUNTY_STAFF));
        accounts.save(account);
        return username;
    }

    private static final AtomicInteger HOSTS = new AtomicInteger();

    /** Each test signs in from an address of its own, so that the per-address throttle counts only its tries. */
    private final String address = freshAddress();

    private static String freshAddress() {
        int host = HOSTS.incrementAndGet();
        return "10.66." + (host / 250) + "." + (host % 250 + 1);
    }

    private MvcResult signIn(String username, String password) throws Exception {
        return signIn(username, password, address);
    }

    private MvcResult signIn(String username, String password, String from) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(from);
                            return request;
                        }))
                .andReturn();
    }

    @Test
    void a_demo_user_signs_in_and_is_audited() throws Exception {
        MvcResult result = signIn("jinjiang-staff", "Yiyong@2024");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'jinjiang-staff' and action = 'LOGIN'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void six_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused() throws Exception {
        String username = newUser(false);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(signIn(username, "wrong-password-" + attempt).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error=bad");
        }
        assertThat(signIn(username, "wrong-password-5").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=bad");
        assertThat(signIn(username, "wrong-password-6").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=bad");

        assertThat(signIn(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");

        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("或账户因连续输错 5 次已被锁定 15 分钟")));
        long id = accounts.findByUsername(username).orElseThrow().getId();
        assertThat(auditedActions(username, "UserAccount", id)).contains("LOGIN_FAILED", "ACCOUNT_LOCKED");
        assertThat(accounts.findByUsername(username).orElseThrow().isLocked(clock.instant())).isTrue();
    }

    @Test
    void the_security_administrator_unlocks_an_account() throws Exception {
        String username = newUser(false);
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "wrong-password");
        }
        long id = accounts.findByUsername(username).orElseThrow().getId();
        mvc.perform(post("/users/{id}/unlock", id).with(as("secadmin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(signIn(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void a_user_with_an_initial_password_must_change_it_before_anything_else() throws Exception {
        String username = newUser(true);
        MvcResult login = signIn(username, PASSWORD);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        Cookie session = login.getResponse().getCookie("SESSION");

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isForbidden());

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码太短")));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "Jinjiang#2026x")
                        .param("confirmPassword", "Jinjiang#2026x"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accounts.findByUsername(username).orElseThrow().isPasswordChangeRequired()).isFalse();
    }

    @Test
    void a_change_of_roles_ends_the_users_open_session() throws Exception {
        String username = newUser(false);
        Cookie session = signIn(username, PASSWORD).getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        UserAccount account = accounts.findByUsername(username).orElseThrow();
        mvc.perform(post("/users/{id}/roles", account.getId()).with(as("secadmin")).with(csrf())
                        .param("roles", "LEADER").param("version", String.valueOf(account.getVersion())))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/tasks").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void deactivating_an_organization_signs_its_people_out() throws Exception {
        String station = mvc.perform(post("/api/v1/organizations").with(as("jinjiang-staff"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"%s\", \"type\": \"WORK_STATION\", \"regionCode\": \"350582\"}"
                                .formatted(unique("晋江市磁灶镇工作站"))))
                .andReturn().getResponse().getContentAsString();
        long stationId = ((Number) com.jayway.jsonpath.JsonPath.read(station, "$.id")).longValue();
        String username = unique("station").toLowerCase();
        UserAccount account = new UserAccount(username, "站员", encoder.encode(PASSWORD), stationId, "350582", false,
                Instant.now());
        account.assignRoles(EnumSet.of(Role.STATION_STAFF));
        accounts.save(account);
        Cookie session = signIn(username, PASSWORD).getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/organizations/{id}/deactivate", stationId).with(as("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/tasks").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(signIn(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error=disabled");
    }

    @Test
    void a_right_password_arriving_after_the_account_was_locked_is_refused(@Autowired
            org.yiyong.identity.internal.SignInRecorder recorder) {
        String username = newUser(false);
        for (int attempt = 1; attempt <= 5; attempt++) {
            recorder.failed(username, org.yiyong.identity.internal.SignInRecorder.Refusal.BAD_CREDENTIALS);
        }
        assertThat(recorder.succeeded(username)).isFalse();
        assertThat(accounts.findByUsername(username).orElseThrow().getFailedAttempts()).isEqualTo(5);
    }

    @Test
    void signing_out_is_audited() throws Exception {
        String username = newUser(false);
        Cookie session = signIn(username, PASSWORD).getResponse().getCookie("SESSION");
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = :u and action = 'LOGOUT'")
                .param("u", username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_new_password_longer_than_bcrypt_can_hash_is_refused_with_the_limit_in_characters() throws Exception {
        String username = newUser(false);
        Cookie session = signIn(username, PASSWORD).getResponse().getCookie("SESSION");
        String tooLong = "Aa1" + "泉州市见义勇为协会工作人员".repeat(2) + "泉州";
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", tooLong)
                        .param("confirmPassword", tooLong))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码太长：最多 72 个字母、数字或符号")))
                .andExpect(content().string(containsString("纯汉字最多 24 个")));
        assertThat(encoder.matches(PASSWORD, accounts.findByUsername(username).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    private String issueToken(Cookie session) throws Exception {
        return (String) mvc.perform(post("/account/tokens").cookie(session).with(csrf())
                        .param("name", unique("统计脚本")).param("validDays", "30"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("issuedToken");
    }

    @Test
    void changing_ones_password_ends_the_other_sessions_and_revokes_the_tokens_but_keeps_this_session()
            throws Exception {
        String username = newUser(false);
        Cookie here = signIn(username, PASSWORD).getResponse().getCookie("SESSION");
        Cookie elsewhere = signIn(username, PASSWORD).getResponse().getCookie("SESSION");
        String token = issueToken(here);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        mvc.perform(get("/account/password").cookie(here))
                .andExpect(content().string(containsString("其他浏览器或设备上的登录将全部退出")));
        MvcResult changed = mvc.perform(post("/account/password").cookie(here).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "Jinjiang#2026x")
                        .param("confirmPassword", "Jinjiang#2026x"))
                .andExpect(redirectedUrl("/"))
                .andReturn();

        mvc.perform(get("/").cookie(here).flashAttrs(changed.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("其他浏览器或设备上的登录（1 个）已退出，当前登录继续有效")))
                .andExpect(content().string(containsString("API 访问令牌（1 个）已撤销")));
        mvc.perform(get("/tasks").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        long id = accounts.findByUsername(username).orElseThrow().getId();
        assertThat(jdbc.sql("""
                select detail from audit_entry where entity_type = 'UserAccount' and entity_id = :id
                  and action = 'PASSWORD_CHANGED'""").param("id", String.valueOf(id)).query(String.class).single())
                .contains("other sessions ended: 1", "access tokens revoked: 1");
    }

    @Test
    void a_user_who_asks_keeps_their_tokens_through_a_password_change() throws Exception {
        String username = newUser(false);
        Cookie here = signIn(username, PASSWORD).getResponse().getCookie("SESSION");
        String token = issueToken(here);

        MvcResult changed = mvc.perform(post("/account/password").cookie(here).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "Jinjiang#2026x")
                        .param("confirmPassword", "Jinjiang#2026x").param("keepTokens", "true"))
                .andExpect(redirectedUrl("/"))
                .andReturn();

        assertThat(changed.getFlashMap().get("success")).isEqualTo("password.changed.tokens-kept");
        mvc.perform(get("/").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void an_unknown_name_is_answered_exactly_as_a_locked_account_so_the_form_confirms_no_name() throws Exception {
        String locked = newUser(false);
        String unknown = unique("nobody").toLowerCase();
        for (int attempt = 1; attempt <= 6; attempt++) {
            String lockedAnswer = signIn(locked, "wrong-password-" + attempt).getResponse().getRedirectedUrl();
            String unknownAnswer = signIn(unknown, "wrong-password-" + attempt).getResponse().getRedirectedUrl();
            assertThat(unknownAnswer).isEqualTo(lockedAnswer).isEqualTo("/login?error=bad");
        }
        assertThat(signIn(locked, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
    }

    @Test
    void a_disabled_account_is_named_only_to_someone_who_knows_its_password() throws Exception {
        String username = newUser(false);
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        account.setEnabled(false);
        accounts.save(account);
        assertThat(signIn(username, "wrong-password").getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
        assertThat(signIn(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error=disabled");
    }

    @Test
    void an_address_past_its_failed_sign_ins_may_not_try_again_and_so_cannot_lock_account_after_account(
            @Autowired IdentityProperties properties) throws Exception {
        for (int attempt = 0; attempt < properties.maxFailedLoginsPerAddress(); attempt++) {
            assertThat(signIn(unique("guess").toLowerCase(), "wrong-password").getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error=bad");
        }
        String victim = newUser(false);
        assertThat(signIn(victim, "wrong-password").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=throttled");
        assertThat(signIn(victim, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error=throttled");
        assertThat(accounts.findByUsername(victim).orElseThrow().getFailedAttempts())
                .as("refused before the password is checked, so it counts against no account").isZero();
        mvc.perform(get("/login").param("error", "throttled"))
                .andExpect(content().string(containsString("登录失败次数过多，请 10 分钟后再试")));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ACCESS_DENIED' and detail like :d")
                .param("d", "sign-in throttled:%from " + address + " %").query(Long.class).single()).isEqualTo(1);

        assertThat(signIn(victim, PASSWORD, freshAddress()).getResponse().getRedirectedUrl())
                .as("another address signs in").isEqualTo("/");
        clock.advance(properties.addressWindow());
        assertThat(signIn(victim, PASSWORD).getResponse().getRedirectedUrl()).as("after the window").isEqualTo("/");
    }
}
