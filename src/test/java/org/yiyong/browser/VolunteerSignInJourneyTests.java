package org.yiyong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * At a patrol, on a phone (390×844): the Anhai station's team leader opens the activity, ticks the members
 * who came, changes one member's hours and saves; the hours appear on each member's profile.
 */
class VolunteerSignInJourneyTests extends BrowserTest {

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

    private String api(String path, String body) throws Exception {
        return mvc.perform(post(path).with(apiUser("anhai-station")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void a_team_leader_signs_volunteers_into_a_patrol_on_a_phone_and_their_hours_show_on_their_profiles()
            throws Exception {
        long host = jdbc.sql("select organization_id from user_account where username = 'anhai-station'")
                .query(Long.class).single();
        String team = api("/api/v1/volunteer-teams", """
                {"name": "%s", "kind": "SECURITY", "organizationId": %d, "leaderUsername": "anhai-station"}"""
                .formatted("安海夜巡小队-" + Long.toString(System.nanoTime(), 36), host));
        long teamId = ((Number) JsonPath.read(team, "$.id")).longValue();
        List<Long> members = new ArrayList<>();
        for (String name : List.of("柯文彬", "庄美玲", "洪国平")) {
            String member = api("/api/v1/volunteer-teams/" + teamId + "/volunteers", """
                    {"name": "%s", "residentId": "%s", "consent": true}"""
                    .formatted(name, org.yiyong.shared.ResidentId.withCheckDigit("3505821980010" + (members.size() + 1)
                            + String.format("%03d", Math.floorMod(System.nanoTime(), 1000L)))));
            members.add(((Number) JsonPath.read(member, "$.id")).longValue());
        }
        var start = clock.nowToTheMinute().minusHours(5);
        String patrol = api("/api/v1/volunteer-teams/" + teamId + "/activities", """
                {"kind": "PATROL", "title": "夜间治安巡逻", "place": "安平桥景区", "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(start, start.plusHours(3)));
        long patrolId = ((Number) JsonPath.read(patrol, "$.id")).longValue();

        try (BrowserContext context = browser.newContext(true)) {
            Page page = context.newPage();
            signIn(page, "anhai-station");
            page.navigate(url("/activities/" + patrolId));
            page.locator("#present-" + members.get(0)).check();
            page.locator("#present-" + members.get(1)).check();
            page.locator("#hours-" + members.get(1)).fill("2.5");
            double box = page.locator("#present-" + members.get(0)).boundingBox().height;
            assertThat(box).as("a box to tick with a thumb").isGreaterThanOrEqualTo(24);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("phone-sign-in.png"))
                    .setFullPage(true));
            page.locator("#save-sign-in").click();
            assertThat(page.locator(".alert-success")).containsText("签到已保存");
            assertThat(page.locator("#present-" + members.get(0))).isChecked();
            assertThat(page.locator("#present-" + members.get(2))).not().isChecked();

            page.navigate(url("/volunteers/" + members.get(0)));
            assertThat(page.locator("#hours-this-year")).hasText("3");
            page.navigate(url("/volunteers/" + members.get(1)));
            assertThat(page.locator("#hours-this-year")).hasText("2.5");
            assertThat(page.locator("#volunteer-activities")).containsText("夜间治安巡逻");
            page.navigate(url("/volunteers/" + members.get(2)));
            assertThat(page.locator("#hours-this-year")).hasText("0");
        }
    }
}
