package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/**
 * No page or document shows a login name where a person's name belongs: the main pages, and every page they
 * link to one step further, read as several roles, and the registers, reports and receipts downloaded, hold
 * none of the demo logins (nor "system") in their visible text.
 */
class NamesNotLoginsTests extends FullStackTest {

    private static final List<String> LOGINS = List.of("sysadmin", "secadmin", "auditor", "city-staff",
            "city-police", "jinjiang-police", "nanan-police", "shishi-police", "huian-police", "jinjiang-staff",
            "nanan-staff", "investigator-jinjiang", "committee-1", "committee-2", "finance-reviewer", "cashier",
            "jinjiang-finance", "jinjiang-cashier", "leader", "anhai-station", "system", "bm-generator");

    private static final List<String> START = List.of("/", "/tasks", "/deeds", "/leads", "/samaritans",
            "/honours", "/honour-rounds", "/guarantees", "/payment-orders", "/payment-orders/batches", "/funds",
            "/donations", "/campaigns", "/student-aid", "/targeted-aid", "/visits?filter=ALL", "/assistance-cases",
            "/statistics", "/annual-reports", "/recommendations", "/exam-bonus-certificates", "/pensions",
            "/volunteer-teams");

    private static final Pattern LINK = Pattern.compile("href=\"(/[a-z-]+/\\d+)\"");
    private static final Pattern LOGIN = Pattern.compile("(?<![A-Za-z0-9-])(" + String.join("|", LOGINS)
            + ")(?![A-Za-z0-9-])");

    /** The text a person reads: no scripts, styles or tags (so no attribute values), entities as they show. */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ").replaceAll("\\s+", " ");
    }

    private int crawled;

    private List<String> loginsShown(String user) throws Exception {
        Set<String> pages = new LinkedHashSet<>(START);
        List<String> found = new ArrayList<>();
        for (String start : START) {
            var response = mvc.perform(get(start).with(as(user))).andReturn().getResponse();
            if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).startsWith("text/html")) {
                continue;
            }
            String html = response.getContentAsString();
            Matcher link = LINK.matcher(html);
            int taken = 0;
            while (link.find() && taken < 4) {
                if (pages.add(link.group(1))) {
                    taken++;
                }
            }
        }
        for (String page : pages) {
            var response = mvc.perform(get(page).with(as(user))).andReturn().getResponse();
            if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).startsWith("text/html")) {
                continue;
            }
            crawled++;
            Matcher login = LOGIN.matcher(visibleText(response.getContentAsString()));
            while (login.find()) {
                found.add(page + " → " + login.group(1));
            }
        }
        return found;
    }

    @Test
    void no_page_shows_a_login_name_to_city_or_county_staff() throws Exception {
        assertThat(loginsShown("city-staff")).isEmpty();
        assertThat(loginsShown("jinjiang-staff")).isEmpty();
        assertThat(crawled).as("pages read").isGreaterThan(60);
    }

    @Test
    void the_check_finds_a_login_in_text_but_not_in_an_attribute_or_inside_a_word() {
        assertThat(LOGIN.matcher(visibleText("<td>登记：city-staff</td>")).find()).isTrue();
        assertThat(LOGIN.matcher(visibleText("<td>系统</td> <p>由 system 自动</p>")).find()).isTrue();
        assertThat(LOGIN.matcher(visibleText("<input value=\"city-staff\"><td>王丽华</td>")).find()).isFalse();
        assertThat(LOGIN.matcher(visibleText("<td>city-staffing</td> <td>ecosystem</td>")).find()).isFalse();
    }

    @Test
    void no_page_shows_a_login_name_to_the_finance_roles_the_committee_or_a_leader() throws Exception {
        for (String user : List.of("finance-reviewer", "cashier", "committee-1", "leader")) {
            assertThat(loginsShown(user)).as(user).isEmpty();
        }
    }

    /** The words of a downloaded document: a PDF's text, every cell of a workbook. */
    private static String documentText(byte[] body, String contentType) throws Exception {
        if (contentType.startsWith("application/pdf")) {
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(body)) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            }
        }
        StringBuilder text = new StringBuilder();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(body))) {
            var format = new org.apache.poi.ss.usermodel.DataFormatter();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell))
                    .append(' '))));
        }
        return text.toString();
    }

    @Test
    void no_register_or_report_document_shows_a_login_name() throws Exception {
        int year = clock.today().getYear();
        long donation = jdbc.sql("select min(id) from donation where region_code = '350500'").query(Long.class).single();
        List<String> documents = List.of("/deeds/register.xlsx", "/honours/register.xlsx",
                "/payment-orders/register.xlsx", "/visits/register.xlsx?filter=ALL", "/pensions/register.xlsx",
                "/statistics/return.xlsx?year=" + year, "/funds/reports/annual.pdf?year=" + year,
                "/funds/reports/annual.xlsx?year=" + year, "/donations/" + donation + "/receipt");
        int read = 0;
        for (String document : documents) {
            var response = mvc.perform(get(document).with(as("city-staff"))).andReturn().getResponse();
            assertThat(response.getStatus()).as(document).isEqualTo(200);
            String text = documentText(response.getContentAsByteArray(), String.valueOf(response.getContentType()));
            assertThat(text.isBlank()).as(document + " has text").isFalse();
            List<String> found = new ArrayList<>();
            Matcher login = LOGIN.matcher(text);
            while (login.find()) {
                found.add(login.group(1));
            }
            assertThat(found).as(document).isEmpty();
            read++;
        }
        assertThat(read).isEqualTo(documents.size());
    }
}
