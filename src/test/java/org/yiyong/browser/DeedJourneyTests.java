package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A county staff member registers a nomination and the bureau accepts it. */
class DeedJourneyTests extends BrowserTest {

    private static Browser browser;

    @BeforeAll
    static void launch() throws Exception {
        browser = Browser.launch();
        Files.createDirectories(Browser.SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void jinjiang_staff_register_a_nomination_and_accept_it() {
        String actor = "蔡" + Long.toString(System.nanoTime(), 36);
        java.time.LocalDateTime when = java.time.LocalDateTime.now(clock)
                .minusDays(2).withHour(18).withMinute(30).withSecond(0).withNano(0);
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("用户名").fill("jinjiang-staff");
            page.getByLabel("密码").fill("Yiyong@2024");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("案件").setExact(true)).click();
            page.locator("#new-deed").click();
            page.locator("#regionCode").selectOption("350582");
            page.locator("#occurredAt").fill(when.toString());
            page.locator("#category").selectOption("RESCUE");
            page.locator("#source").selectOption("NOMINATION");
            page.locator("#nominatorKind").selectOption("WITNESS");
            page.getByLabel("详细地点").fill("晋江市安海镇安平桥东侧水域");
            page.getByLabel("事由（一句话概括）").fill("跳入河中救起落水老人");
            page.locator("#narrative").fill("前天傍晚，一名老人失足落水，路过的村民" + actor + "跳入河中将其救上岸。");
            page.locator("#participants0\\.name").fill(actor);
            page.locator("#participants0\\.residentId").fill("350582199003181230");
            page.locator("#register").click();

            assertThat(page.locator("#participants0\\.residentId")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
            assertThat(page.getByText("校验码")).isVisible();
            page.locator("#participants0\\.residentId").fill("");
            page.locator("#register").click();

            assertThat(page.locator("#deed-status")).hasText("已登记");
            assertThat(page.locator("#deed-number")).containsText("350582-" + when.getYear() + "-");
            page.locator("#accept").click();
            assertThat(page.locator("#deed-status")).hasText("已受理");
            assertThat(page.locator("#deed-due")).containsText("前作出决定");
            assertThat(page.locator("#deed-timeline")).containsText("受理");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("deed.png"))
                    .setFullPage(true));
        }
    }
}
