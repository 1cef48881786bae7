package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One case from start to finish in a real browser, each step by the demo user whose job it is: a
 * witness sends a lead, the county association takes it up as a deed, the county bureau accepts it, a
 * police station investigates, the committee reviews, the public objects during the notice, the bureau
 * resolves the objection, confirms the actor, downloads the decision letter and records its delivery.
 */
class DeedWalkthroughTests extends BrowserTest {

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

    /** A new browser profile signed in as the given demo user. */
    private Page signedIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill("Yiyong@2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page.locator("body")).not().containsText("用户名或密码不正确");
        return page;
    }

    private void as(String username, String deedPath, java.util.function.Consumer<Page> work) {
        try (BrowserContext context = browser.newContext(false)) {
            Page page = signedIn(context, username);
            page.navigate(url(deedPath));
            work.accept(page);
        }
    }

    @Test
    void a_public_lead_becomes_a_delivered_confirmation() throws Exception {
        String actor = "龚" + Long.toString(System.nanoTime(), 36);
        LocalDateTime when = java.time.LocalDateTime.now(clock).minusDays(3).withHour(9).withMinute(15)
                .withSecond(0).withNano(0);

        // a witness sends a lead through the public portal, from a phone
        String code;
        try (BrowserContext phone = browser.newContext(true)) {
            Page page = phone.newPage();
            page.navigate(url("/public/leads/new"));
            page.getByLabel("发生了什么（必填）").fill("池塘边一个孩子落水，村民" + actor + "跳下去把孩子救了上来。");
            page.getByLabel("发生日期（必填）").fill(when.toLocalDate().toString());
            page.locator("#regionCode").selectOption("350582");
            page.getByLabel("具体地点（必填）").fill("晋江市磁灶镇大埔村池塘");
            page.locator("#submit-lead").click();
            code = page.locator("#tracking-code").textContent().strip();
        }

        // the county association takes it up as a new deed
        String[] deedPath = new String[1];
        String[] number = new String[1];
        as("jinjiang-staff", "/leads?q=" + code, page -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
            page.locator("#take-up").click();
            page.locator("#accept").click();
            page.locator("#category").selectOption("RESCUE");
            page.locator("#occurredAt").fill(when.toString());
            page.locator("#title").fill("跳入池塘救起落水儿童");
            page.locator("#participants0\\.role").selectOption("ACTOR");
            page.locator("#participants0\\.name").fill(actor);
            page.locator("#register").click();
            assertThat(page.locator("#lead-status")).hasText("已登记为案件");
            page.locator("#lead-deed").click();
            assertThat(page.locator("#deed-status")).hasText("已登记");
            deedPath[0] = page.url().substring(url("").length());
            number[0] = page.locator("#deed-number").textContent().trim();
        });

        // the county bureau accepts it and assigns the investigation
        as("jinjiang-police", deedPath[0], page -> {
            page.locator("#accept").click();
            assertThat(page.locator("#deed-status")).hasText("已受理");
            page.locator("#organizationId").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("晋江市公安局青阳派出所"));
            page.locator("#investigators").fill("民警 施文辉");
            page.locator("#assign").click();
            assertThat(page.locator("#deed-status")).hasText("调查核实中");
        });

        // the police station investigates and reports
        as("investigator-jinjiang", deedPath[0], page -> {
            page.locator("#kind").selectOption("INTERVIEW");
            page.locator("#record-summary").fill("询问落水儿童家长，陈述与举荐材料一致。");
            page.locator("#add-record").click();
            assertThat(page.locator("#investigation-records")).containsText("询问落水儿童家长");
            page.locator("#report").fill("事实清楚，证据充分，建议确认。");
            page.locator("select[id^=outcome_]").first().selectOption("CONFIRM");
            page.locator("#submit-report").click();
            assertThat(page.locator("#deed-status")).hasText("审核中");
        });

        // the committee gives its opinion
        as("committee-1", deedPath[0], page -> {
            page.locator("#opinion").fill("同意确认。");
            page.locator("#add-opinion").click();
            assertThat(page.locator("#review-opinions")).containsText("同意确认。");
        });

        // the bureau proposes the outcome and publishes the notice
        as("jinjiang-police", deedPath[0], page -> {
            page.locator("select[id^=proposal_]").first().selectOption("CONFIRM");
            page.locator("#propose").click();
            page.locator("#start-notice").click();
            assertThat(page.locator("#deed-status")).hasText("公示中");
        });

        // someone from the public objects
        try (BrowserContext context = browser.newContext(true)) {
            Page page = context.newPage();
            page.navigate(url("/public/notices"));
            assertThat(page.locator("body")).containsText(actor);
            page.locator("[id='notice-" + number[0] + "'] summary").click();
            page.locator("[id='notice-" + number[0] + "'] textarea[name=content]").fill("此人当天不在村里，请核实。");
            page.locator("[id='notice-" + number[0] + "'] button[type=submit]").click();
            assertThat(page.locator(".alert-success")).isVisible();
        }

        // the bureau resolves the objection; after the notice period it confirms and delivers
        as("jinjiang-police", deedPath[0], page -> {
            page.locator("input[name=resolution]").fill("经核实村委会及监控，当事人当天在场，异议不成立。");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录处理")).click();
            assertThat(page.locator("body")).containsText("异议不成立");
        });
        clock.advance(Duration.ofDays(7));
        as("jinjiang-police", deedPath[0], page -> {
            page.locator("#close-notice").click();
            assertThat(page.locator("#deed-status")).hasText("公示期满，待决定");
            assertThat(page.locator("select[id^=decision_]").first()).hasValue("CONFIRMED");
            page.locator("#decide").click();
            assertThat(page.locator("#deed-status")).hasText("已决定");
            assertThat(page.locator("#confirmed-people")).containsText(actor);
            String decisionNumber = page.locator("#decision-number").textContent().trim();

            APIResponse letter = page.request().get(url(page.locator("#decision-letter").getAttribute("href")));
            assertThat(letter.ok()).isTrue();
            assertThat(letter.headers().get("content-type")).startsWith("application/pdf");
            try (PDDocument pdf = Loader.loadPDF(letter.body())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
                assertThat(text).contains(actor, number[0], decisionNumber);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            page.locator("#delivery-method").selectOption("IN_PERSON");
            page.locator("#recipient").fill(actor);
            page.locator("#deliver").click();
            assertThat(page.locator("#deed-status")).hasText("已送达");
            assertThat(page.locator("#delivery")).containsText("直接送达");
            assertThat(page.locator("#deed-decided-in-time")).containsText("在期限");
            assertThat(page.locator("#deed-due")).hasCount(0);
            assertThat(page.locator("#deed-timeline")).containsText("异议处理");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("deed-delivered.png"))
                    .setFullPage(true));
        });

        // the witness sees through the tracking code that the lead was taken up
        try (BrowserContext phone = browser.newContext(true)) {
            Page page = phone.newPage();
            page.navigate(url("/public/leads/status"));
            page.getByLabel("线索查询码").fill(code);
            page.locator("#look-up").click();
            assertThat(page.locator("#lead-status")).hasText("已登记为案件");
        }
    }
}
