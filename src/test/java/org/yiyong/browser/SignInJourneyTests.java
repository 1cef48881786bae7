package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a county staff member does on their first morning: sign in, look around, hit a wall, sign out. */
class SignInJourneyTests extends BrowserTest {

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
    void jinjiang_staff_sees_their_workbench_cannot_open_a_nanan_organization_and_signs_out() {
        long nanan = jdbc.sql("select id from organization where code = 'NA-ASSOC'").query(Long.class).single();
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            signIn(page, "jinjiang-staff");

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("工作台").setExact(true))).isVisible();
            assertThat(page.locator("#my-region")).containsText("晋江市");
            assertThat(page.locator("#my-organization")).hasText("晋江市见义勇为协会");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("workbench.png"))
                    .setFullPage(true));

            page.navigate(url("/organizations/" + nanan));
            assertThat(page.locator("#error-page")).hasAttribute("data-status", "404");
            assertThat(page.getByText("找不到页面或记录")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("not-found.png")));

            page.locator("#yy-user-menu").click();
            page.locator("#logout").click();
            assertThat(page.getByText("您已安全退出。")).isVisible();

            // signed out, the root is the public portal again, and a staff page asks to sign in
            page.navigate(url("/"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("见义勇为，人人可为")))
                    .isVisible();
            page.navigate(url("/tasks"));
            assertThat(page).hasURL(url("/login"));
        }
    }

    @Test
    void the_workbench_works_on_a_phone() {
        try (BrowserContext context = browser.newContext(true)) {
            Page page = context.newPage();
            signIn(page, "city-staff");
            assertThat(page.locator("#my-region")).containsText("泉州市");
            // the menu opens once the deferred Bootstrap script has run, after the page has loaded
            page.waitForLoadState();
            page.locator(".navbar-toggler").click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("组织机构").setExact(true))).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("workbench-phone.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void city_staff_find_create_and_deactivate_a_work_station_through_the_forms() {
        String name = "洛江区河市镇见义勇为工作站" + Long.toString(System.nanoTime(), 36);
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            signIn(page, "city-staff");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("组织机构").setExact(true)).click();
            page.waitForURL(url("/organizations"));
            page.locator("#q").fill("晋江市公安局");
            assertThat(page.locator("#organization-rows")).containsText("晋江市公安局青阳派出所");
            assertThat(page.locator("#organization-rows")).not().containsText("南安市见义勇为协会");

            page.locator("#new-organization").click();
            page.locator("#save").click();
            assertThat(page.locator("#name-error")).hasText("此项必须填写。");

            page.getByLabel("名称", new Page.GetByLabelOptions().setExact(true)).fill(name);
            page.locator("#type").selectOption("WORK_STATION");
            page.locator("#regionCode").selectOption("350504");
            page.locator("#save").click();
            assertThat(page.locator("#organization-name")).hasText(name);
            assertThat(page.getByText("机构已创建。")).isVisible();

            page.locator("#deactivate").click();
            assertThat(page.locator("#organization-status")).hasText("已停用");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("organization.png"))
                    .setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English").setExact(true)).click();
            assertThat(page.locator("#organization-status")).hasText("Inactive");
        }
    }
}
