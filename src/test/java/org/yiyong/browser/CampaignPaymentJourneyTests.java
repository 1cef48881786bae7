package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentRequestsInBulk;
import org.yiyong.funds.PaymentSource;
import org.yiyong.shared.Money;
import org.yiyong.shared.ResidentId;

/**
 * A campaign's payment orders paid as a group, in a real browser: the finance reviewer approves the group after
 * ticking that its count and sum were checked, the cashier puts it in a batch, and on the batch's page records the
 * whole batch paid with the bank's reference — every order of it paid.
 */
class CampaignPaymentJourneyTests extends BrowserTest {

    private static Browser browser;

    @Autowired
    PaymentRequestsInBulk requests;

    @Autowired
    TransactionTemplate transactions;

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
            signIn(page, username);
            page.navigate(url(path));
            work.accept(page);
        }
    }

    /** A person of 泉港 with a bank account in their name. */
    private long payee(String name, String account) throws Exception {
        String residentId = ResidentId.withCheckDigit("35050519750505"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
        long id = ((Number) JsonPath.read(mvc.perform(post("/api/v1/samaritans").with(apiUser("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"regionCode": "350505", "name": "%s", "residentId": "%s", "sourceDocument": "泉港区见义勇为人员名册（2016）"}"""
                                .formatted(name, residentId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(put("/api/v1/samaritans/{id}/bank-account", id).with(apiUser("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankName\": \"泉州农商银行泉港支行\", \"accountNumber\": \"" + account + "\"}"))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void a_campaigns_orders_are_approved_batched_and_paid_from_the_groups_page() throws Exception {
        String tag = Long.toString(System.nanoTime() % 100_000, 36);
        List<String> names = List.of("庄" + tag + "明", "洪" + tag + "华", "柯" + tag + "英");
        long record = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        List<PaymentRequested> asked = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long payee = payee(names.get(i), "62284803880000" + (10000 + ThreadLocalRandom.current().nextInt(89999)));
            asked.add(new PaymentRequested(PaymentSource.of("CARE", "campaign", record, i + 1), "350505",
                    PaymentPurpose.CONDOLENCE, payee, null, names.get(i), Money.of("800.00"),
                    "2027年中秋慰问金（见义勇为人员）" + tag, "泉港见协〔2027〕8号", "city-staff", LocalDate.now(clock)));
        }
        transactions.executeWithoutResult(status -> requests.request(asked));
        String purpose = "2027年中秋慰问金（见义勇为人员）" + tag;

        as("finance-reviewer", "/payment-orders/groups", page -> {
            Locator row = page.locator("#requested-groups tr").filter(new Locator.FilterOptions().setHasText(purpose));
            assertThat(row).containsText("¥2,400.00");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("payment-groups.png")));
            // the button does nothing until the reviewer ticks that the count and the sum were checked
            row.locator("button[type=submit]").click();
            assertThat(row).isVisible();
            row.getByLabel("我已核对：共 3 笔，合计 ¥2,400.00").check();
            row.locator("button[type=submit]").click();
            assertThat(page.locator(".alert-success")).containsText("已审核通过 3 笔");
        });
        as("cashier", "/payment-orders/groups", page -> {
            Locator row = page.locator("#approved-groups tr").filter(new Locator.FilterOptions().setHasText(purpose));
            row.locator("input[type=checkbox]").check();
            row.locator("button[type=submit]").click();
            assertThat(page.locator(".alert-success")).containsText("已编入批次 3 笔");
        });
        long batch = jdbc.sql("select distinct batch_id from payment_order where source_record_id = :r")
                .param("r", record).query(Long.class).single();
        // what the batch pays, given to 泉港's general fund
        long fund = jdbc.sql("select distinct fund_id from payment_order where source_record_id = :r")
                .param("r", record).query(Long.class).single();
        mvc.perform(post("/api/v1/donations").with(apiUser("city-staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"donorKind": "ENTERPRISE", "donorName": "泉港石化慈善基金会", "fundId": %d, "amount": 2400,
                                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(fund, LocalDate.now(clock))))
                .andExpect(status().isCreated());
        as("cashier", "/payment-orders/batches/" + batch, page -> {
            assertThat(page.locator("#batch-summary")).containsText("待发放 3 笔，合计 ¥2,400.00");
            page.locator("#settle-reference").fill("QG20270915" + tag);
            page.getByLabel("我已核对银行回单：3 笔，合计 ¥2,400.00，均已付款").check();
            page.locator("#settle-form button[type=submit]").click();
            assertThat(page.locator(".alert-success")).containsText("已登记发放 3 笔，合计 ¥2,400.00");
            assertThat(page.locator("#batch-summary")).containsText("已发放 3 笔");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("campaign-batch.png"))
                    .setFullPage(true));
        });
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from payment_order "
                + "where source_record_id = :r and status = 'PAID'").param("r", record).query(Long.class).single())
                .isEqualTo(3);
    }
}
