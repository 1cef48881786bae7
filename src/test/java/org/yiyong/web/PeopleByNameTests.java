package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;
import org.yiyong.identity.People;

/**
 * Pages show the people who did something by the names they are known by (王丽华), not by their login
 * names (city-staff), which stay in the records and the audit trail.
 */
class PeopleByNameTests extends FullStackTest {

    private static final List<String> LOGIN_NAMES = List.of("city-staff", "jinjiang-police", "finance-reviewer",
            "cashier", "committee-1", "committee-2", "system");

    @Autowired
    private People people;

    @Test
    void a_login_name_reads_as_the_persons_name_and_the_platform_as_itself() {
        assertThat(people.name("city-staff")).isEqualTo("王丽华");
        assertThat(people.nameWithOrganization("jinjiang-police")).isEqualTo("苏明辉（晋江市公安局）");
        assertThat(people.name("system")).isEqualTo("系统");
        assertThat(people.name("public")).isEqualTo("公众");
        assertThat(people.name("泉州银行泉港支行")).as("a name typed by hand is shown as typed").isEqualTo("泉州银行泉港支行");
        assertThat(people.name(null)).isNull();
        assertThat(people.names(List.of("committee-1", "committee-2"))).isEqualTo("吴振东、陈淑贞");
    }

    @Test
    void a_deeds_timeline_and_a_samaritans_record_name_the_people_who_acted() throws Exception {
        long[] confirmed = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", "350582",
                "JJ-PS-QY", 1);
        long samaritan = confirmed[0];
        long deed = confirmed[1];
        call("city-staff", "/api/v1/samaritans/" + samaritan + "/lost-contact", "{\"note\": \"电话停机\"}")
                .andExpect(status().isOk());
        call("city-staff", "/api/v1/samaritans/" + samaritan + "/tracings",
                "{\"tracedOn\": \"%s\", \"note\": \"走访村委会\", \"found\": false}".formatted(clock.today()))
                .andExpect(status().isOk());

        String deedPage = page("city-staff", "/deeds/" + deed);
        String timeline = text(section(deedPage, "deed-timeline"));
        assertThat(timeline).contains("苏明辉（晋江市公安局）");
        assertNoLoginNames(text(main(deedPage)));

        String profile = page("city-staff", "/samaritans/" + samaritan);
        assertThat(text(section(profile, "samaritan-timeline"))).contains("系统", "王丽华（泉州市见义勇为协会）");
        assertThat(text(section(profile, "samaritan-tracings"))).contains("走访村委会", "王丽华");
        assertNoLoginNames(text(main(profile)));

        String opened = call("jinjiang-police", "/api/v1/assistance-cases", """
                {"samaritanId": %d, "kind": "EMPLOYMENT", "description": "协助联系就业"}""".formatted(samaritan))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long assistance = ((Number) JsonPath.read(opened, "$.id")).longValue();
        call("city-staff", "/api/v1/assistance-cases/" + assistance + "/notes", "{\"note\": \"已联系人社局\"}")
                .andExpect(status().isOk());
        String casePage = text(main(page("city-staff", "/assistance-cases/" + assistance)));
        assertThat(casePage).contains("苏明辉", "已联系人社局", "王丽华");
        assertNoLoginNames(casePage);
    }

    @Test
    void a_payment_order_names_who_asked_and_who_approved() throws Exception {
        long fund = subFund();
        call("city-staff", "/api/v1/donations", """
                {"donorKind": "ENTERPRISE", "donorName": "泉州测试实业有限公司", "fundId": %d, "amount": 5000,
                 "receivedOn": "%s", "channel": "BANK_TRANSFER"}""".formatted(fund, clock.today()))
                .andExpect(status().isCreated());
        String body = call("city-staff", "/api/v1/payment-orders", """
                {"fundId": %d, "purpose": "CONDOLENCE", "payeeName": "林阿强", "amount": 800, "description": "走访慰问",
                 "justification": "走访发现家庭困难，经会长办公会同意", "payeeBankName": "泉州银行泉港支行",
                 "payeeAccountNumber": "6214830591234567"}""".formatted(fund))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long order = ((Number) JsonPath.read(body, "$.id")).longValue();
        String number = JsonPath.read(body, "$.number");
        call("finance-reviewer", "/api/v1/payment-orders/" + order + "/approval", "{}").andExpect(status().isOk());
        call("cashier", "/api/v1/payment-orders/batches", "{\"orderIds\": [" + order + "]}")
                .andExpect(status().isCreated());

        String page = page("city-staff", "/payment-orders/" + order);
        assertThat(text(main(page))).contains("王丽华", "郑淑芬");
        assertNoLoginNames(text(main(page)));

        String orders = page("city-staff", "/payment-orders?q=" + number);
        assertThat(text(main(orders))).contains("王丽华");
        assertNoLoginNames(text(main(orders)));

        String batches = page("cashier", "/payment-orders/batches");
        assertThat(text(main(batches))).contains("蔡雅琴");
        assertNoLoginNames(text(main(batches)));
    }

    @Test
    void an_honour_round_is_opened_by_ticking_its_panel_by_name_and_names_it() throws Exception {
        String rounds = page("city-staff", "/honour-rounds");
        assertThat(text(section(rounds, "round-members"))).contains("吴振东", "陈淑贞", "泉州市见义勇为人员奖励和保护工作委员会");
        assertNoLoginNames(text(main(rounds)));

        String location = mvc.perform(post("/honour-rounds").with(as("city-staff")).with(csrf())
                        .param("name", unique("表彰"))
                        .param("windowFrom", clock.today().plusDays(2000).toString())
                        .param("windowTo", clock.today().plusDays(2030).toString())
                        .param("criterion", "危险程度", "社会影响", "行为后果").param("weight", "50", "30", "20")
                        .param("members", "committee-1", "committee-2"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/honour-rounds/\\d+");

        String page = page("city-staff", location);
        assertThat(text(main(page))).contains("吴振东、陈淑贞");
        assertNoLoginNames(text(main(page)));

        String titles = page("city-staff", "/titles");
        assertNoLoginNames(text(main(titles)));
    }

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long subFund() throws Exception {
        long parent = jdbc.sql("select id from fund where code = 'FUND-350505'").query(Long.class).single();
        String body = call("city-staff", "/api/v1/funds", """
                {"parentId": %d, "name": "%s", "restriction": "PURPOSE", "restrictedPurpose": "CONDOLENCE",
                 "restrictionNote": "测试用定向基金"}""".formatted(parent, "专项" + UUID.randomUUID()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertNoLoginNames(String visible) {
        for (String login : LOGIN_NAMES) {
            assertThat(visible).as("the page shows no login name").doesNotContainPattern(
                    "(?<![\\w-])" + Pattern.quote(login) + "(?![\\w-])");
        }
    }

    /** The page's own content, without the navigation bar (which names the signed-in user). */
    private static String main(String html) {
        int start = html.indexOf("<main");
        int end = html.indexOf("</main>");
        assertThat(start).isNotNegative();
        return html.substring(start, end);
    }

    /** The element with the given id, with what it contains. */
    private static String section(String html, String id) {
        Matcher open = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"").matcher(html);
        assertThat(open.find()).as("the page has #" + id).isTrue();
        String tag = open.group(1);
        Matcher tags = Pattern.compile("<(/?)" + tag + "\\b").matcher(html);
        int depth = 0;
        tags.region(open.start(), html.length());
        while (tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(open.start(), tags.end());
            }
        }
        return html.substring(open.start());
    }

    /** What a reader sees: the text without the tags and their attributes (hidden inputs, links). */
    private static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
