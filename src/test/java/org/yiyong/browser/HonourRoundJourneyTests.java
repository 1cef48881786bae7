package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An honour round in a real browser: city staff open it and draw the people confirmed in its window,
 * two committee members score — one recused for a candidate after declaring a conflict — and city staff
 * rank, give titles, record the approval and grant the honours with their certificates.
 */
class HonourRoundJourneyTests extends BrowserTest {

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

    private void as(String username, String path, Consumer<Page> work) {
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("用户名").fill(username);
            page.getByLabel("密码").fill("Yiyong@2024");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
            page.navigate("http://localhost:" + port + path);
            work.accept(page);
        }
    }

    @Test
    void two_reviewers_one_recused_take_a_round_to_granted_honours() {
        LocalDate today = clock.today();
        String[] round = new String[1];
        as("city-staff", "/honour-rounds", page -> {
            page.locator("#round-name").fill("泉州市第二十三次见义勇为模范表彰大会");
            page.locator("#window-from").fill(today.minusDays(20).toString());
            page.locator("#window-to").fill(today.toString());
            page.locator("#open-round").click();
            assertThat(page.locator("#round-status")).hasText("筹备中");
            round[0] = page.url().substring(page.url().indexOf("/honour-rounds/"));
            page.locator("#draw").click();
            assertThat(page.locator(".candidate").first()).isVisible();
            assertThat(page.locator(".candidate").count()).isGreaterThanOrEqualTo(2);
            page.locator("#start-review").click();
            assertThat(page.locator("#round-status")).hasText("评审中");
        });

        as("committee-2", round[0], page -> {
            Locator first = page.locator(".candidate").first();
            first.locator(".conflict-form input[name=reason]").fill("候选人系本人表弟");
            first.locator(".conflict-form button").click();
            assertThat(page.locator(".candidate").first()).containsText("陈淑贞 回避");
            scoreAll(page, 85);
        });
        as("committee-1", round[0], page -> scoreAll(page, 90));

        as("city-staff", round[0], page -> {
            page.locator("#rank").click();
            assertThat(page.locator("#round-status")).hasText("已排名");
            assertThat(page.locator(".candidate-score").first()).containsText("得分");
            List<String> ids = page.locator(".candidate").evaluateAll("els => els.map(e => e.id)").toString()
                    .replaceAll("[\\[\\] ]", "").lines().flatMap(l -> List.of(l.split(",")).stream()).toList();
            for (int i = 0; i < ids.size(); i++) {
                Locator candidate = page.locator("#" + ids.get(i));
                candidate.locator("select[name=titleCode]").selectOption(i == 0 ? "CITY_MODEL" : "CITY_ADVANCED");
                candidate.locator(".title-form button").click();
            }
            page.locator("#approval-document").fill("泉政文〔2026〕86号");
            page.locator("#approve-round").click();
            assertThat(page.locator("#round-status")).hasText("已批准");
            page.locator("#grant-round").click();
            assertThat(page.locator("#round-status")).hasText("已颁授");
            assertThat(page.locator(".candidate .certificate").first()).isVisible();
            assertThat(page.locator(".candidate").first()).containsText("泉州市见义勇为模范");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("honour-round.png"))
                    .setFullPage(true));
            var certificate = page.request().get("http://localhost:" + port
                    + page.locator(".candidate .certificate").first().getAttribute("href"));
            assertThat(certificate.headers().get("content-type")).startsWith("application/pdf");
        });
    }

    /** Scores every candidate the signed-in member is not recused for, each criterion the same. */
    private static void scoreAll(Page page, int score) {
        int forms = page.locator(".score-form").count();
        for (int i = 0; i < forms; i++) {
            Locator form = page.locator(".score-form").nth(i);
            int inputs = form.locator("input[type=number]").count();
            for (int j = 0; j < inputs; j++) {
                form.locator("input[type=number]").nth(j).fill(String.valueOf(score - j));
            }
            // the page before the save still shows the last save's message: wait for the new page first
            page.evaluate("document.body.setAttribute('data-before-save', '')");
            form.locator("button").click();
            page.waitForSelector("body:not([data-before-save])");
            assertThat(page.locator(".alert-success")).containsText("评分已保存");
        }
    }
}
