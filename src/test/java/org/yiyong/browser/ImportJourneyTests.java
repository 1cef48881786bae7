package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiyong.shared.ResidentId;

/**
 * An old register brought in from the page: uploaded, its check followed on a bar that moves by itself and survives
 * a reload, the outcome shown when it is done, the valid rows saved the same way, then the import undone.
 */
class ImportJourneyTests extends BrowserTest {

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

    /** 3,000 people of Jinjiang with a deed each, and one row without a name. */
    private static byte[] register() throws Exception {
        long n = System.nanoTime();
        LocalDate born = LocalDate.of(1940 + (int) (n % 10), 1, 1).plusDays((n / 10) % 100);
        String seq = String.format("%03d", 100 + (n / 1000) % 800);
        String[] headers = {"姓名", "身份证号", "县（市、区）", "事迹发生日期", "事迹类别", "事迹发生地点", "事迹简述", "确认日期", "来源依据"};
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int i = 0; i <= 3000; i++) {
                String id = ResidentId.withCheckDigit("350582" + born.plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE)
                        + seq);
                String[] cells = {i == 3000 ? null : "页面" + i + "号", id, "晋江市", "2015-06-01", "抢险救灾救人", "晋江市内坑镇",
                    "救起落水村民", "2015-09-01", "晋江台账第 " + (i / 20 + 1) + " 页"};
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } finally {
            workbook.dispose();
        }
    }

    @Test
    void a_register_is_checked_and_saved_with_a_bar_that_survives_a_reload_and_then_undone() throws Exception {
        byte[] file = register();
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("用户名").fill("jinjiang-staff");
            page.getByLabel("密码").fill("Yiyong@2024");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
            page.navigate("http://localhost:" + port + "/imports?register=samaritans");
            page.locator("#file-samaritans").setInputFiles(new FilePayload("晋江台账.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
            page.locator("#upload-samaritans button[type=submit]").click();

            // the outcome replaces the bar by itself once the check is done, with or without a reload on the way
            page.waitForURL("**/imports/*");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("import-progress.png")));
            page.reload();
            assertThat(page.locator("#count-valid")).hasText("3000", new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(page.locator("#count-refused")).hasText("1");
            assertThat(page.locator("#problem-rows")).containsText("姓名");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("import-checked.png"))
                    .setFullPage(true));

            page.locator("#confirm-import").click();
            assertThat(page.locator("#import-status")).hasText("已导入", new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(page.locator("#import-bar")).hasCount(0);
            page.locator("#undo-import").click();
            assertThat(page.locator("#import-status")).hasText("已撤销");
        }
    }
}
