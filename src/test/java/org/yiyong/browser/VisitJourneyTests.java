package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A home visit recorded on a phone (390×844) in the household: from the schedule to the form, with a
 * photo from the camera and a problem found, which opens an assistance case.
 */
class VisitJourneyTests extends BrowserTest {

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
    void a_visit_with_a_photo_and_a_problem_is_recorded_on_a_phone() throws Exception {
        long household = jdbc.sql("""
                select id from samaritan where region_code = '350582' and not lost_contact and status <> 'DECEASED'
                order by id""").query(Long.class).list().get(0);
        try (BrowserContext context = browser.newContext(true)) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("用户名").fill("jinjiang-staff");
            page.getByLabel("密码").fill("Yiyong@2024");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
            page.navigate("http://localhost:" + port + "/visits?filter=ALL");
            // the schedule is paged: the household is found by its record number
            page.locator("#q").fill(jdbc.sql("select number from samaritan where id = :id").param("id", household)
                    .query(String.class).single());
            page.locator("#visit-search button[type=submit]").click();
            assertThat(page.locator("#visit-count")).hasText("共 1 户");
            page.locator("#due-" + household).click();

            assertThat(page.locator("#visit-form")).isVisible();
            page.locator("#met").fill("本人及其母亲");
            page.locator("#livingConditions").fill("三口之家，住自建房，屋顶漏水");
            page.locator("#hardship").check();
            page.locator("#problem-kind-1").selectOption("HOUSING");
            page.locator("#problem-description-1").fill("屋顶漏水，需协调危房改造");
            page.locator("#photos").setInputFiles(new FilePayload("屋顶.png", "image/png", photo()));
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("visit-phone.png"))
                    .setFullPage(true));
            page.locator("#save-visit").click();

            assertThat(page.locator("#visit-hardship")).hasText("是");
            assertThat(page.locator("#visit-cases")).containsText("屋顶漏水，需协调危房改造");
            assertThat(page.locator("#visit-photos img")).hasCount(1);
            page.locator("#visit-cases a").first().click();
            assertThat(page.locator("#case-status")).hasText("待办理");
            assertThat(page.locator("body")).containsText("住房");
        }
    }

    /** A small picture, as a phone camera would hand over (but smaller). */
    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
