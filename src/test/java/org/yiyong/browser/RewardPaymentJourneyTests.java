package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reward from its grant to the payee's signature, in a real browser: city staff propose, approve and
 * grant an instant commendation; the finance reviewer approves the payment order it caused; the cashier
 * puts it in a batch, downloads the bank file and marks it paid; staff record the acknowledgement; and
 * the honour on the person's profile shows the reward as paid.
 */
class RewardPaymentJourneyTests extends BrowserTest {

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
    void a_reward_goes_from_grant_to_acknowledged_and_the_honour_shows_it_paid() throws Exception {
        // a person of a deed confirmed for this journey, so with no honour yet
        long samaritan = confirmedDeeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 1)[0];
        Map<String, Object> who = jdbc.sql("select id as samaritan_id, name from samaritan where id = :id")
                .param("id", samaritan).query().singleRow();
        String profile = "/samaritans/" + who.get("samaritan_id");
        String name = (String) who.get("name");

        as("city-police", profile, page -> {
            page.locator("#honours summary").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("即时表彰")).click();
            page.locator("#honour-title").selectOption("CITY_ACTIVIST");
            page.locator("#honour-reason").fill("奋不顾身制止持刀抢劫，一案一奖");
            page.locator("#propose-honour").click();
            assertThat(page.locator("#honour-rows")).containsText("泉州市见义勇为积极分子");
        });
        as("city-staff", profile, page -> {
            page.locator(".approve-honour").first().click();
            page.locator("#honour-rows summary").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("授予")).first().click();
            page.locator("#honour-rows input[name=documentNumber]").first().fill("泉见协〔2026〕88号");
            page.locator(".grant-honour").first().click();
            assertThat(page.locator("#honour-rows .reward-status").first()).hasText("待发放");
        });

        String[] order = new String[1];
        for (int i = 0; i < 100 && order[0] == null; i++) {
            order[0] = jdbc.sql("""
                    select cast(o.id as varchar(20)) from payment_order o where o.payee_name = :name
                    and o.source = 'HONOURS' and o.status = 'REQUESTED' order by o.id desc""").param("name", name)
                    .query(String.class).list().stream().findFirst().orElse(null);
            Thread.sleep(100);
        }
        // the staff record the account the reward goes to; the reviewer sees it masked, with the fund's balance
        as("city-staff", "/payment-orders/" + order[0], page -> {
            page.locator("#paymentMethod").selectOption("BANK_TRANSFER");
            page.locator("#payeeBankName").fill("泉州银行丰泽支行");
            page.locator("#payeeAccountNumber").fill("6214 8305 9188 0088");
            page.locator("#save-payment-method").click();
            assertThat(page.locator("#payee-account")).containsText("泉州银行丰泽支行 6214 **** **** 0088");
        });
        as("finance-reviewer", "/payment-orders?status=REQUESTED&q=" + name, page -> {
            page.locator("#order-rows a").first().click();
            assertThat(page.locator("#order-amount")).hasText(java.util.regex.Pattern.compile("¥\\d{1,3}(,\\d{3})*\\.\\d{2}"));
            assertThat(page.locator("#payee-account")).containsText("6214 **** **** 0088");
            assertThat(page.locator("#fund-available")).containsText("可用");
            page.locator("#approve-order").click();
            assertThat(page.locator("#order-status")).hasText("已审核待发放");
        });
        as("cashier", "/payment-orders/batches", page -> {
            page.locator("#pick-" + order[0]).check();
            page.locator("#batch-form button[type=submit]").click();
            assertThat(page.locator("#batch-order-" + order[0])).isVisible();
            var download = page.waitForDownload(() -> page.locator("#bank-file-csv").click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".csv");
            page.locator("#batch-order-" + order[0] + " input[name=bankReference]").fill("JS202612010088");
            page.locator("#batch-order-" + order[0] + " .paid-form button").click();
            assertThat(page.locator("#batch-order-" + order[0])).containsText("已发放");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("reward-batch.png")));
        });
        as("city-staff", "/payment-orders/" + order[0], page -> {
            page.locator("#acknowledgedBy").fill(name);
            page.locator("#acknowledge").click();
            assertThat(page.locator("#acknowledgement")).containsText(name);
        });
        as("city-staff", profile, page -> {
            for (int i = 0; i < 50; i++) {
                if (page.locator("#honour-rows .reward-status").first().textContent().contains("已发放")) {
                    break;
                }
                page.waitForTimeout(200);
                page.reload();
            }
            assertThat(page.locator("#honour-rows .reward-status").first()).hasText("已发放");
        });
    }
}
