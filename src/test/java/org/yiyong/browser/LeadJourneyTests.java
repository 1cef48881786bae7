package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A witness sends a lead with a photo from a phone, keeps the tracking code, and follows the lead
 * until Jinjiang staff decide on it.
 */
class LeadJourneyTests extends BrowserTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I',
            'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};

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
    void a_witness_sends_a_lead_with_a_photo_and_sees_jinjiang_staff_decide_on_it() {
        String base = "http://localhost:" + port;
        String marker = "晚饭后" + Long.toString(System.nanoTime(), 36);
        String code;
        try (BrowserContext phone = browser.newContext(true)) {
            Page page = phone.newPage();
            page.navigate(base + "/public/notices");
            page.locator("#give-a-lead").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("提供见义勇为线索")))
                    .isVisible();

            page.locator("#submit-lead").click();
            assertThat(page.locator("#form-errors")).containsText("有几处内容需要修改");
            assertThat(page.locator("#narrative")).hasClass(java.util.regex.Pattern.compile("is-invalid"));

            page.getByLabel("发生了什么（必填）").fill(marker + "，安平桥下一个孩子落水，一位穿白衬衫的大哥跳下去把孩子救了上来。");
            page.getByLabel("发生日期（必填）").fill(clock.today().minusDays(1).toString());
            page.getByLabel("大约几点（可不填）").fill("19:20");
            page.locator("#regionCode").selectOption("350582");
            page.getByLabel("具体地点（必填）").fill("晋江市安海镇安平桥东侧");
            page.getByLabel("涉及的人（知道的话）").fill("救人的大哥约三十岁，穿白衬衫");
            page.locator("#files").setInputFiles(new FilePayload("现场照片.jpg", "image/jpeg", JPEG));
            page.getByLabel("联系电话").fill("13905951234");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("lead-form.png"))
                    .setFullPage(true));
            page.locator("#submit-lead").click();

            assertThat(page.locator("#tracking-code")).hasText(java.util.regex.Pattern.compile(
                    "XS-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"));
            code = page.locator("#tracking-code").textContent().strip();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("lead-received.png"))
                    .setFullPage(true));

            page.locator("#check-status").click();
            assertThat(page.locator("#lead-status")).hasText("已收到");
            assertThat(page.locator("body")).not().containsText("13905951234");
            assertThat(page.locator("body")).not().containsText(marker);
        }

        try (BrowserContext desk = browser.newContext(false)) {
            Page page = desk.newPage();
            page.navigate(base + "/login");
            page.getByLabel("用户名").fill("jinjiang-staff");
            page.getByLabel("密码").fill("Yiyong@2024");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();

            assertThat(page.locator("#count-leads")).isVisible();
            page.locator("#nav-leads").click();
            page.locator("#q").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询").setExact(true)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();

            assertThat(page.locator("#lead-narrative")).containsText(marker);
            assertThat(page.locator("#lead-reporter")).containsText("13905951234");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("现场照片.jpg"))).isVisible();
            page.locator("#take-up").click();
            assertThat(page.locator("#lead-status")).hasText("处理中");

            page.locator("#reject").click();
            assertThat(page.locator(".alert-danger")).containsText("请填写不予采纳的理由");
            page.getByLabel("不予采纳的理由").fill("经核实，孩子系自行爬上岸，未发现他人施救，不予采纳。感谢您的关注！");
            page.locator("#reject").click();
            assertThat(page.locator("#lead-status")).hasText("不予采纳");
            assertThat(page.locator("#triage")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("lead-triage.png"))
                    .setFullPage(true));
        }

        try (BrowserContext phone = browser.newContext(true)) {
            Page page = phone.newPage();
            page.navigate(base + "/public/leads/status");
            page.getByLabel("线索查询码").fill(code.toLowerCase());
            page.locator("#look-up").click();
            assertThat(page.locator("#lead-status")).hasText("不予采纳");
            assertThat(page.locator("#lead-rejection-reason")).containsText("未发现他人施救");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("lead-status.png"))
                    .setFullPage(true));
        }
    }
}
