package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jinjiang staff find the demo's disabled samaritan in the registry and see his grade, pension and family. */
class DisabledSamaritanTests extends BrowserTest {

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

    private void signIn(Page page) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("用户名").fill("jinjiang-staff");
        page.getByLabel("密码").fill("Yiyong@2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        // the workbench has loaded before anything on it (the phone's menu button) is touched
        assertThat(page.locator("main h1, main h2").first()).isVisible();
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    }

    private void openFromTheRegistry(Page page) {
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("见义勇为人员").setExact(true)))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("见义勇为人员").setExact(true)).click();
        page.locator("#q").fill("蔡文龙");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        Locator row = page.locator("#samaritan-rows tbody tr").filter(new Locator.FilterOptions().setHasText("蔡文龙"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("伤残");
        row.getByRole(AriaRole.LINK).click();
    }

    @Test
    void jinjiang_staff_see_the_grade_the_pension_schedule_and_the_family() {
        int thisYear = clock.today().getYear();
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            signIn(page);
            openFromTheRegistry(page);

            assertThat(page.locator("#samaritan-name")).hasText("蔡文龙");
            assertThat(page.locator("#samaritan-status")).hasText("伤残");
            assertThat(page.locator("#disability-grade")).hasText("6级伤残");
            assertThat(page.locator("#disability-certificate")).containsText("闽因公残证字第 0350617 号");
            assertThat(page.locator("#disability")).containsText("已重新评定");
            assertThat(page.locator("#disability")).containsText("福建省退役军人事务厅");

            Locator schedule = page.locator("#pension-schedule");
            assertThat(schedule).isVisible();
            assertThat(page.locator("#pension-" + thisYear)).containsText("待发放");
            assertThat(page.locator("#pension-" + (thisYear - 1))).containsText("已发放");
            assertThat(page.locator("#pension-" + (thisYear - 1))).containsText("晋江市退役军人事务局");

            Locator family = page.locator(".relative");
            assertThat(family.filter(new Locator.FilterOptions().setHasText("王雅芬"))).containsText("配偶");
            Locator child = family.filter(new Locator.FilterOptions().setHasText("蔡子涵"));
            assertThat(child).containsText("子女");
            assertThat(child).containsText("初中");
            assertThat(child).containsText("至年满18周岁");
            assertThat(child).containsText("至毕业离校");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("samaritan-profile.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void the_profile_reads_on_a_phone() {
        try (BrowserContext context = browser.newContext(true)) {
            Page page = context.newPage();
            signIn(page);
            // the menu opens once the deferred Bootstrap script has run, after the signed-in page has loaded
            page.locator("#nav-tasks").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            page.waitForLoadState();
            page.locator(".navbar-toggler").click();
            openFromTheRegistry(page);

            assertThat(page.locator("#disability-grade")).hasText("6级伤残");
            assertThat(page.locator("#pension-schedule")).isVisible();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(overflow).isEqualTo(false);
            page.locator("#disability").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Browser.SCREENSHOTS.resolve("samaritan-disability-phone.png")));
        }
    }
}
