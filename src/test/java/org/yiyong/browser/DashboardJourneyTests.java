package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A leader signs in, reads the dashboard's charts and follows a county's bar to the records behind it. */
class DashboardJourneyTests extends BrowserTest {

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
    void a_leader_lands_on_the_dashboard_and_a_county_bar_opens_that_countys_records() throws Exception {
        confirmedDeeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 1);
        try (BrowserContext context = browser.newContext(false)) {
            Page page = context.newPage();
            List<String> errors = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    errors.add(message.text());
                }
            });
            page.onPageError(errors::add);
            signIn(page, "leader");

            assertThat(page).hasURL(url("/dashboard"));
            assertThat(page.locator("h1")).containsText("工作概况");
            for (String chart : List.of("#chart-trend", "#chart-counties", "#chart-categories", "#chart-money")) {
                assertThat(page.locator(chart + " canvas")).hasCount(1);
                assertThat(page.locator(chart)).hasAttribute("data-drawn", "true");
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("dashboard.png"))
                    .setFullPage(true));

            @SuppressWarnings("unchecked")
            Map<String, Object> bar = (Map<String, Object>) page.evaluate("""
                    () => {
                      const element = document.querySelector('#chart-counties');
                      element.scrollIntoView({block: 'center', behavior: 'instant'});
                      const data = JSON.parse(element.getAttribute('data-chart'));
                      const index = data.series[0].links.findIndex(link => link.includes('region=350582'));
                      const value = Number(data.series[0].data[index]);
                      const layout = echarts.getInstanceByDom(element).getModel().getSeriesByIndex(0)
                          .getData().getItemLayout(index);
                      const box = element.getBoundingClientRect();
                      return {x: box.left + layout.x + layout.width / 2, y: box.top + layout.y + layout.height / 2,
                          value: value};
                    }""");
            assertThat(((Number) bar.get("value")).doubleValue()).as("Jinjiang has people confirmed this year")
                    .isPositive();
            page.mouse().click(((Number) bar.get("x")).doubleValue(), ((Number) bar.get("y")).doubleValue());

            page.waitForURL(url -> url.contains("/statistics/samaritans.confirmed"));
            assertThat(page.url()).contains("region=350582");
            assertThat(page.locator("h1")).containsText("晋江市");
            assertThat(page.locator("#figure-records tbody tr")).not().hasCount(0);
            assertThat(errors).as("no errors in the browser console").isEmpty();
        }
    }

    @Test
    void the_dashboard_reads_on_a_phone() {
        try (BrowserContext context = browser.newContext(true)) {
            Page page = context.newPage();
            signIn(page, "city-staff");
            page.navigate(url("/dashboard"));
            assertThat(page.locator("#chart-trend canvas")).hasCount(1);
            page.locator("#chart-counties").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("dashboard-phone.png"))
                    .setFullPage(true));
            Number overflow = (Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("nothing wider than the phone").isLessThanOrEqualTo(0);
        }
    }
}
