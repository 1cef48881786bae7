package org.yiyong.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.TestClock;

/**
 * The whole application on a real port with the test clock, for a real browser. Every browser test
 * shares this one application context (LeadUploadLimitTests too).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    /** For the records a journey starts from, made through the API rather than found in the demo data. */
    @Autowired
    MockMvc mvc;

    @Autowired
    private UserDetailsService accounts;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    /** An API request signed in as a demo user. */
    RequestPostProcessor apiUser(String username) {
        return SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername(username));
    }

    ConfirmedDeeds confirmedDeeds() {
        return new ConfirmedDeeds(mvc, jdbc, clock, this::apiUser);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the sign-in form as a demo user (every demo user has the same password). */
    void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill("Yiyong@2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
    }
}
