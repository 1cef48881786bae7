package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The year's evaluation in the browser: the city opens the round of a scheme and computes it, scores Jinjiang's
 * hand-scored item on its sheet and opens the review; Jinjiang objects to the item; the city answers, approves and
 * publishes; the ranking is shown to Nan'an too and downloads as a workbook.
 */
class EvaluationJourneyTests extends BrowserTest {

    /** A year long past, which no other test and no demo record uses. */
    private static final int YEAR = 2014;

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

    private String api(String method, String path, String body) throws Exception {
        var request = method.equals("PUT") ? put(path) : post(path);
        return mvc.perform(request.with(apiUser("city-staff")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    private void as(String username, String path, Consumer<Page> work) {
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            signIn(page, username);
            page.navigate(url(path));
            work.accept(page);
        }
    }

    @Test
    void the_city_opens_computes_hears_an_objection_approves_and_publishes_the_ranking() throws Exception {
        long scheme = ((Number) JsonPath.read(api("POST", "/api/v1/evaluation-schemes", """
                {"year": %d, "subject": "COUNTY", "name": "%d年度县级综合考评", "totalPoints": 100}"""
                .formatted(YEAR, YEAR)), "$.id")).longValue();
        api("PUT", "/api/v1/evaluation-schemes/" + scheme + "/indicators", """
                [{"name": "办案时效", "points": 40, "method": "COMPUTED", "metric": "DECIDED_ON_TIME"},
                 {"name": "组织领导", "points": 60, "method": "MANUAL", "guidance": "工作方案、会议纪要"}]""");
        String tree = mvc.perform(get("/api/v1/evaluation-schemes/{id}", scheme).with(apiUser("city-staff")))
                .andReturn().getResponse().getContentAsString();
        long leadership = ((Number) JsonPath.<List<Object>>read(tree,
                "$.indicators[?(@.name == '组织领导')].id").get(0)).longValue();

        long[] round = new long[1];
        as("city-staff", "/evaluation-schemes/" + scheme, page -> {
            page.locator("#open-round summary").click();
            page.locator("#r-cutoff").fill(YEAR + "-12-31");
            page.locator("#open-round-submit").click();
            assertThat(page.locator(".alert-success")).containsText("考评已开始");
            round[0] = Long.parseLong(page.url().replaceAll(".*/evaluations/(\\d+).*", "$1"));
            page.locator("#compute").click();
            assertThat(page.locator(".alert-success")).containsText("已按截止日期计算得分");
        });
        String ranking = mvc.perform(get("/api/v1/evaluations/{id}/ranking", round[0]).with(apiUser("city-staff")))
                .andReturn().getResponse().getContentAsString();
        List<String> keys = JsonPath.read(ranking, "$[*].unitKey");
        List<Number> ids = JsonPath.read(ranking, "$[*].id");
        long jinjiang = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals("350582")) {
                jinjiang = ids.get(i).longValue();
            } else {
                api("PUT", "/api/v1/evaluations/%d/units/%d/scores/%d".formatted(round[0], ids.get(i).longValue(),
                        leadership), "{\"score\": 50}");
            }
        }
        long unit = jinjiang;
        as("city-staff", "/evaluations/" + round[0] + "/units/" + unit, page -> {
            page.locator("#score-" + leadership).fill("70");
            page.locator("#indicator-" + leadership + " button[type=submit]").first().click();
            assertThat(page.locator(".alert-danger, .alert-warning").first()).containsText("不能超过");
            page.locator("#score-" + leadership).fill("55");
            page.locator("#note-" + leadership).fill("工作方案齐全，会议纪要缺两次");
            page.locator("#indicator-" + leadership + " button[type=submit]").first().click();
            assertThat(page.locator("#unit-total")).containsText("95");
            page.navigate(url("/evaluations/" + round[0]));
            page.locator("#start-review").click();
            assertThat(page.locator("#round-steps .current")).hasText("异议期");
        });
        as("jinjiang-staff", "/evaluations/" + round[0], page -> {
            assertThat(page.locator("#ranking-rows tbody tr")).hasCount(1);
            page.locator("#ranking-rows a").click();
            page.locator("#o-reason").fill("两次会议纪要已补充上传，请复核“组织领导”一项。");
            page.locator("#raise-objection").click();
            assertThat(page.locator(".alert-success")).containsText("异议已提交");
        });
        as("city-staff", "/evaluations/" + round[0], page -> {
            page.locator("textarea[name=reply]").fill("经复核，补充的会议纪要已计入，维持 55 分。");
            page.locator("textarea[name=reply] ~ button").click();
            assertThat(page.locator(".alert-success")).containsText("已答复");
            page.locator("#approve").click();
            assertThat(page.locator(".alert-success")).containsText("已审定");
            page.locator("#publish").click();
            assertThat(page.locator("#round-steps .current")).hasText("已公布");
            assertThat(page.locator("#ranking-rows tbody tr").first()).containsText("晋江市");
            var download = page.waitForDownload(() -> page.locator("#ranking-xlsx").click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".xlsx");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("evaluation-round.png"))
                    .setFullPage(true));
        });
        as("nanan-staff", "/evaluations/" + round[0], page -> {
            assertThat(page.locator("#ranking-rows tbody tr")).hasCount(keys.size());
            assertThat(page.locator("#ranking-rows tbody tr").first().locator("a")).hasCount(0);
        });
    }
}
