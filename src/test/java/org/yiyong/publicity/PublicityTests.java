package org.yiyong.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;
import org.yiyong.funds.FundFigures;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.FigureSource;

/**
 * What the portal shows of people and money: only people who consented, on the roll and in stories, and off
 * both the moment consent is withdrawn; articles published by a second person, at their time; open accounts
 * whose totals are the funds' own figures of the year, published by an authorised person.
 */
class PublicityTests extends FullStackTest {

    private static final String JINJIANG = "350582";

    @Autowired
    FundFigures fundFigures;

    private ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static int version(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.version");
    }

    /** A person of Jinjiang confirmed today and granted a city activist title: registry id, honour id, name. */
    private Object[] honoured() throws Exception {
        long[] confirmed = new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm("jinjiang-police", JINJIANG,
                "JJ-PS-QY", 1);
        long person = confirmed[0];
        long honour = id(call("jinjiang-staff", "/api/v1/honours", """
                {"samaritanId": %s, "deedId": %s, "titleCode": "CITY_ACTIVIST", "reason": "跳入溪中救起落水儿童"}"""
                .formatted(person, confirmed[1])).andExpect(status().isCreated()));
        call("city-staff", "/api/v1/honours/" + honour + "/approval", "{}").andExpect(status().isOk());
        call("city-staff", "/api/v1/honours/" + honour + "/grant", "{\"documentNumber\": \"泉见协〔2026〕" + honour
                + "号\"}").andExpect(status().isOk());
        String name = jdbc.sql("select name from samaritan where id = :id").param("id", person).query(String.class)
                .single();
        return new Object[] {person, honour, name};
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void a_person_is_published_only_with_consent_and_withdrawing_it_takes_them_and_their_stories_off_at_once()
            throws Exception {
        Object[] who = honoured();
        long person = (long) who[0];
        String name = (String) who[2];
        assertThat(page("/public/honour-roll")).doesNotContain(name);

        ResultActions draft = call("jinjiang-staff", "/api/v1/articles", """
                {"kind": "STORY", "title": "%s的故事", "body": "<p>跳入溪中救起落水儿童。</p>", "honourId": %s}"""
                .formatted(name, who[1])).andExpect(status().isCreated())
                .andExpect(jsonPath("$.samaritanId").value(person)).andExpect(jsonPath("$.status").value("DRAFT"));
        long article = id(draft);
        call("jinjiang-staff", "/api/v1/articles/" + article + "/submission", "{\"version\": 0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("没有同意报道的记录")));

        // consent to the roll (with its citation) and to stories, recorded with the day and who recorded it
        call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "HONOUR_ROLL", "givenBy": "SELF", "givenOn": "%s"}"""
                .formatted(person, clock.today())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("citation"));
        long roll = id(call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "HONOUR_ROLL", "givenBy": "SELF", "givenOn": "%s",
                 "citation": "跳入溪中救起落水儿童，自己险些被冲走。"}""".formatted(person, clock.today()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.recordedBy").value("jinjiang-staff")));
        call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "HONOUR_ROLL", "givenBy": "SELF", "givenOn": "%s", "citation": "再次"}"""
                .formatted(person, clock.today())).andExpect(status().isConflict());
        call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "STORY", "givenBy": "FAMILY", "relativeName": "某", "givenOn": "%s"}"""
                .formatted(person, clock.today())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("givenBy"));
        long story = id(call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "STORY", "givenBy": "SELF", "givenOn": "%s"}"""
                .formatted(person, clock.today())).andExpect(status().isCreated()));
        call("nanan-staff", "/api/v1/consents/" + story + "/withdrawal", "{\"version\": 0, \"reason\": \"x\"}")
                .andExpect(status().isNotFound());
        assertThat(page("/public/honour-roll")).contains(name, "跳入溪中救起落水儿童，自己险些被冲走。");
        assertThat(page("/api/v1/public/honour-roll")).contains(name);

        // the author sends it; only a second person publishes it
        call("jinjiang-staff", "/api/v1/articles/" + article + "/submission", "{\"version\": 0}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW"));
        call("jinjiang-staff", "/api/v1/articles/" + article + "/publication", "{\"version\": 1}")
                .andExpect(status().isConflict());
        call("city-staff", "/api/v1/articles/" + article + "/publication", "{\"version\": 1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.reviewedBy").value("city-staff"));
        assertThat(page("/public/articles/" + article)).contains(name + "的故事", "跳入溪中救起落水儿童。");
        assertThat(page("/public/stories")).contains(name + "的故事");
        assertThat(page("/public/feed.xml")).contains(name + "的故事");

        // consent to stories withdrawn: the story comes down with it, on the audit trail
        call("jinjiang-staff", "/api/v1/consents/" + story + "/withdrawal", """
                {"version": 0, "reason": "本人不愿再被报道"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawnOn").value(clock.today().toString()));
        mvc.perform(get("/public/articles/" + article)).andExpect(status().isNotFound());
        assertThat(page("/public/stories")).doesNotContain(name + "的故事");
        assertThat(page("/public/feed.xml")).doesNotContain(name + "的故事");
        mvc.perform(get("/api/v1/articles/" + article).with(as("jinjiang-staff")))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        assertThat(auditedActions("system", "Article", article)).containsExactly("DEACTIVATE");
        assertThat(page("/public/honour-roll")).contains(name);

        // consent to the roll withdrawn: off the roll at once
        call("jinjiang-staff", "/api/v1/consents/" + roll + "/withdrawal", """
                {"version": 0, "reason": "家属要求不再公开"}""").andExpect(status().isOk());
        assertThat(page("/public/honour-roll")).doesNotContain(name);
        assertThat(page("/api/v1/public/honour-roll")).doesNotContain(name);
        assertThat(page("/public")).doesNotContain(name);
        assertThat(auditedActions("jinjiang-staff", "PublicationConsent", roll)).containsExactly("CREATE", "DEACTIVATE");
    }

    @Test
    void a_person_who_died_is_on_the_roll_on_their_familys_consent_with_a_page_of_their_own() throws Exception {
        Object[] who = honoured();
        long person = (long) who[0];
        String name = (String) who[2];
        call("jinjiang-staff", "/api/v1/samaritans/" + person + "/death",
                "{\"diedOn\": \"2026-06-01\", \"determination\": \"MARTYR_APPLICATION\"}").andExpect(status().isCreated());
        String citation = "为救落水儿童英勇牺牲。" + name;
        call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "HONOUR_ROLL", "givenBy": "SELF", "givenOn": "%s", "citation": "%s"}"""
                .formatted(person, clock.today(), citation)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("givenBy"));
        call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "HONOUR_ROLL", "givenBy": "FAMILY", "givenOn": "%s", "citation": "%s"}"""
                .formatted(person, clock.today(), citation)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relativeName"));
        long consent = id(call("jinjiang-staff", "/api/v1/consents", """
                {"samaritanId": %s, "purpose": "HONOUR_ROLL", "givenBy": "FAMILY", "relativeName": "林某（妻子）",
                 "givenOn": "%s", "citation": "%s"}""".formatted(person, clock.today(), citation))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.relativeName").value("林某（妻子）")));
        assertThat(page("/public/honour-roll")).contains(citation, "/public/honour-roll/" + consent);
        assertThat(page("/public/honour-roll/" + consent)).contains(name, citation, "已故，经家属同意公布")
                .doesNotContain("林某");
        assertThat(page("/api/v1/public/honour-roll")).contains(citation, "\"inMemory\":true")
                .doesNotContain("samaritanId");
        assertThat(page("/sitemap.xml")).contains("/public/honour-roll/" + consent);
        call("jinjiang-staff", "/api/v1/consents/" + consent + "/withdrawal", """
                {"version": 0, "reason": "家属要求撤下"}""").andExpect(status().isOk());
        mvc.perform(get("/public/honour-roll/" + consent)).andExpect(status().isNotFound());
    }

    @Test
    void an_article_scheduled_for_later_appears_when_its_time_comes_and_a_withdrawn_one_is_gone() throws Exception {
        String title = unique("宣传日活动预告");
        long article = id(call("city-staff", "/api/v1/articles", """
                {"kind": "NEWS", "title": "%s", "body": "<p>九月一日在中山路开展宣传。</p>"}""".formatted(title)));
        call("city-staff", "/api/v1/articles/" + article + "/submission", "{\"version\": 0}").andExpect(status().isOk());
        call("city-police", "/api/v1/articles/" + article + "/publication", """
                {"version": 1, "publishAt": "%s"}""".formatted(clock.nowToTheMinute().minusDays(1)))
                .andExpect(status().isBadRequest());
        call("city-police", "/api/v1/articles/" + article + "/publication", """
                {"version": 1, "publishAt": "%s"}""".formatted(clock.nowToTheMinute().plusDays(2)))
                .andExpect(status().isOk());
        mvc.perform(get("/public/articles/" + article)).andExpect(status().isNotFound());
        assertThat(page("/public/news")).doesNotContain(title);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(page("/public/news")).contains(title);
        assertThat(page("/api/v1/public/articles?kind=NEWS")).contains(title);
        call("city-staff", "/api/v1/articles/" + article + "/withdrawal", "{\"version\": 2, \"reason\": \"\"}")
                .andExpect(status().isBadRequest());
        call("city-staff", "/api/v1/articles/" + article + "/withdrawal", "{\"version\": 2, \"reason\": \"活动改期\"}")
                .andExpect(status().isOk());
        assertThat(page("/public/news")).doesNotContain(title);
        assertThat(auditedActions("city-staff", "Article", article)).containsExactly("CREATE", "UPDATE", "DEACTIVATE");
    }

    @Test
    void an_articles_html_is_cleaned_when_saved() throws Exception {
        ResultActions saved = call("city-staff", "/api/v1/articles", """
                {"kind": "NEWS", "title": "清理测试", "body": "<p onclick=\\"alert(1)\\">正文<script>alert(2)</script></p><a href=\\"javascript:alert(3)\\">链接</a><img src=\\"x\\" onerror=\\"alert(4)\\"><img src=\\"/public/images/12\\" alt=\\"图\\"><a href=\\"https://www.qzwb.com/\\">泉州网</a>"}""")
                .andExpect(status().isCreated());
        String body = JsonPath.read(saved.andReturn().getResponse().getContentAsString(), "$.body");
        assertThat(body).doesNotContain("script", "onclick", "onerror", "javascript:", "alert", "src=\"x\"")
                .contains("<p>正文</p>", "<img src=\"/public/images/12\" alt=\"图\" />",
                        "href=\"https://www.qzwb.com/\"", "noopener", "nofollow");
        call("city-staff", "/api/v1/articles", """
                {"kind": "NEWS", "title": "空", "body": "<script>alert(1)</script>"}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void the_open_account_is_the_funds_figures_of_the_year_published_by_an_authorised_second_person()
            throws Exception {
        int year = clock.today().getYear() - 1;
        long fund = jdbc.sql("select id from fund where region_code = :r and parent_id is null order by id")
                .param("r", JINJIANG).query(Long.class).list().get(0);
        call("jinjiang-staff", "/api/v1/donations", """
                {"donorKind": "ANONYMOUS", "fundId": %s, "amount": 3333.33, "receivedOn": "%s-06-18",
                 "channel": "CASH"}""".formatted(fund, year)).andExpect(status().isCreated());
        call("jinjiang-staff", "/api/v1/open-accounts", "{\"regionCode\": \"%s\", \"year\": %s}"
                .formatted(JINJIANG, year + 1)).andExpect(status().isBadRequest());
        ResultActions prepared = call("jinjiang-staff", "/api/v1/open-accounts", "{\"regionCode\": \"%s\", \"year\": %s}"
                .formatted(JINJIANG, year)).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"));
        long account = id(prepared);
        String json = prepared.andReturn().getResponse().getContentAsString();

        var cells = fundFigures.cells(Year.of(year), Year.of(year), DataScope.of(Set.of(JINJIANG)),
                Set.of("funds.donations", "funds.paid-out"));
        BigDecimal donations = sum(cells, "funds.donations");
        BigDecimal paidOut = sum(cells, "funds.paid-out");
        assertThat(new BigDecimal(JsonPath.read(json, "$.figures.donations").toString())).isEqualByComparingTo(donations);
        assertThat(new BigDecimal(JsonPath.read(json, "$.figures.paidOut").toString())).isEqualByComparingTo(paidOut);
        assertThat(donations).isGreaterThanOrEqualTo(new BigDecimal("3333.33"));
        assertThat(json).contains("爱心人士").doesNotContain("\"匿名\"");

        mvc.perform(get("/public/accounts/" + account)).andExpect(status().isNotFound());
        call("jinjiang-staff", "/api/v1/open-accounts/" + account + "/publication", "{\"version\": 0}")
                .andExpect(status().isForbidden());
        call("finance-reviewer", "/api/v1/open-accounts/" + account + "/publication", "{\"version\": 0}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        String shown = page("/public/accounts/" + account);
        assertThat(shown).contains("爱心人士", "3,333.33", String.format("%,.2f", donations), String.format("%,.2f", paidOut));
        assertThat(page("/public/accounts")).contains(String.format("%,.2f", donations));

        // a donation received afterwards does not change what was published
        call("jinjiang-staff", "/api/v1/donations", """
                {"donorKind": "ENTERPRISE", "donorName": "晋江市测试鞋业有限公司", "fundId": %s, "amount": 1000,
                 "receivedOn": "%s-07-01", "channel": "BANK_TRANSFER"}""".formatted(fund, year))
                .andExpect(status().isCreated());
        assertThat(page("/public/accounts/" + account)).doesNotContain("晋江市测试鞋业有限公司");
    }

    private static BigDecimal sum(java.util.List<FigureSource.Cell> cells, String key) {
        return cells.stream().filter(cell -> cell.key().equals(key)).map(FigureSource.Cell::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
