package org.yiyong.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The public portal in a real browser. On a phone (390×844) the home page weighs under 300 KB without photos,
 * never scrolls sideways, has one main heading, a skip link first under the keyboard, alt text on every picture,
 * and leaves no cookie behind. Stored-XSS: articles whose titles, bodies and picture names carry 36 attack
 * payloads are published and read, by a visitor and by staff; no dialog opens, no handler or script survives
 * in the page, no {@code javascript:} address is left to click.
 */
class PortalJourneyTests extends BrowserTest {

    private static Browser browser;

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"/public/images/1\" onerror=\"alert(1)\">",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<a href=\"javascript:alert(1)\">点我</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">点我</a>",
            "<a href=\"&#106;avascript:alert(1)\">点我</a>",
            "<a href=\"java\tscript:alert(1)\">点我</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">点我</a>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>展开</details>",
            "<input autofocus onfocus=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<style>@import 'javascript:alert(1)';</style>",
            "<div style=\"background:url(javascript:alert(1))\">背景</div>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button>提交</button></form>",
            "<p onmouseover=\"alert(1)\">移过来</p>",
            "<marquee onstart=alert(1)>滚动</marquee>",
            "<video><source onerror=alert(1)></video>",
            "<audio src=x onerror=alert(1)>",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "</title><script>alert(1)</script>",
            "<scr<script>ipt>alert(1)</script>",
            "<img src=`x` onerror=alert(1)>",
            "<a href=\"vbscript:msgbox(1)\">点我</a>",
            "<base href=\"javascript:alert(1)//\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<img src=\"/public/images/1\" alt=\"\" onload=\"alert(1)\">",
            "<table><tr><td background=\"javascript:alert(1)\">格</td></tr></table>");

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

    private long article(String title, String body) throws Exception {
        String created = mvc.perform(post("/api/v1/articles").with(apiUser("city-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(
                                Map.of("kind", "NEWS", "title", title, "body", body))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private void publish(long id) throws Exception {
        mvc.perform(post("/api/v1/articles/{id}/submission", id).with(apiUser("city-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/articles/{id}/publication", id).with(apiUser("city-police"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}")).andExpect(status().isOk());
    }

    /** What is left in the page that could run: script elements, handlers, script addresses. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> runnable(Page page) {
        return (Map<String, Object>) page.evaluate("""
                () => {
                  const all = Array.from(document.querySelectorAll('main *'));
                  const handlers = all.filter(e => Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on')));
                  const scriptUrls = all.filter(e => ['href', 'src', 'action', 'data', 'formaction', 'background', 'srcdoc']
                      .some(n => e.hasAttribute(n) && /^\\s*(javascript|vbscript|data):/i.test(e.getAttribute(n))));
                  return {scripts: document.querySelectorAll('main script, main iframe, main object, main embed, main base, main meta').length,
                          handlers: handlers.length, scriptUrls: scriptUrls.length, flag: window.__xss === 1};
                }""");
    }

    @Test
    void stored_attacks_in_titles_bodies_and_picture_names_render_inert() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i).replace("alert(1)", "window.__xss=1,alert(1)");
            long id = article("攻击样本" + i + " " + payload, "<p>正文" + i + "</p>" + payload);
            ids.add(id);
        }
        long pictured = ids.get(0);
        for (String name : List.of("<img src=x onerror=alert(1)>.png", "\"><script>alert(1)</script>.png",
                "javascript:alert(1).png")) {
            mvc.perform(multipart("/publicity/articles/{id}/images", pictured)
                            .file(new MockMultipartFile("file", name, "image/png", png()))
                            .with(apiUser("city-staff")).with(csrf()))
                    .andExpect(status().isOk());
        }
        for (long id : ids) {
            publish(id);
        }

        List<String> dialogs = new ArrayList<>();
        try (BrowserContext visitor = browser.newContext(false)) {
            Page page = visitor.newPage();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            for (String path : List.of("/public", "/public/news", "/public/feed.xml")) {
                page.navigate(url(path));
                assertThat(runnable(page)).as(path).containsEntry("scripts", 0).containsEntry("handlers", 0)
                        .containsEntry("scriptUrls", 0).containsEntry("flag", false);
            }
            for (int i = 0; i < ids.size(); i++) {
                page.navigate(url("/public/articles/" + ids.get(i)));
                page.locator("#article-body").hover();
                assertThat(page.locator("#article-title").textContent()).as("payload %s shown as text", i)
                        .startsWith("攻击样本" + i);
                assertThat(runnable(page)).as("payload %s: %s", i, PAYLOADS.get(i)).containsEntry("scripts", 0)
                        .containsEntry("handlers", 0).containsEntry("scriptUrls", 0).containsEntry("flag", false);
            }
        }
        try (BrowserContext staff = browser.newContext(false)) {
            Page page = staff.newPage();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            signIn(page, "city-staff");
            for (String path : List.of("/publicity", "/publicity/articles/" + pictured, "/publicity/articles/" + ids.get(5))) {
                page.navigate(url(path));
                assertThat(runnable(page)).as(path).containsEntry("handlers", 0).containsEntry("scriptUrls", 0)
                        .containsEntry("flag", false);
            }
            assertThat(page.locator("main").innerHTML()).doesNotContain("<script");
        }
        assertThat(dialogs).isEmpty();
    }

    @Test
    void the_home_page_on_a_phone_is_light_readable_and_leaves_no_cookie() throws Exception {
        // a photo on the roll (the demo's 蔡文龙 consented to it), so that pictures are there to be checked
        long consent = jdbc.sql("""
                select c.id from publication_consent c join samaritan s on s.id = c.samaritan_id
                where s.name = '蔡文龙' and c.purpose = 'HONOUR_ROLL' and c.withdrawn_on is null""")
                .query(Long.class).single();
        mvc.perform(multipart("/publicity/consents/{id}/photo", consent)
                        .file(new MockMultipartFile("file", "蔡文龙.png", "image/png", png()))
                        .with(apiUser("jinjiang-staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        try (BrowserContext phone = browser.newContext(true)) {
            Page page = phone.newPage();
            page.navigate(url("/public"));
            page.waitForLoadState();
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = (Map<String, Object>) page.evaluate("""
                    () => {
                      const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                      const bytes = entries.filter(e => e.initiatorType !== 'img')
                          .reduce((sum, e) => sum + (e.decodedBodySize || e.encodedBodySize || 0), 0);
                      const images = Array.from(document.images);
                      return {bytes: bytes, pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
                              h1: document.querySelectorAll('h1').length, images: images.length,
                              withoutAlt: images.filter(i => !i.hasAttribute('alt')).length,
                              external: entries.filter(e => !e.name.startsWith(location.origin)).length,
                              lang: document.documentElement.lang};
                    }""");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("portal-home.png"))
                    .setFullPage(true));
            assertThat(((Number) measured.get("bytes")).longValue()).as("bytes of the home page").isPositive()
                    .isLessThan(300 * 1024);
            assertThat(((Number) measured.get("pageWidth")).intValue())
                    .isLessThanOrEqualTo(((Number) measured.get("viewport")).intValue());
            assertThat(measured).containsEntry("h1", 1).containsEntry("withoutAlt", 0).containsEntry("external", 0)
                    .containsEntry("lang", "zh-CN");

            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.textContent.trim()")).isEqualTo("跳到正文");

            for (String path : List.of("/public/honour-roll", "/public/stories", "/public/laws", "/public/accounts",
                    "/public/notices", "/public/leads/new", "/public/certificates")) {
                page.navigate(url(path));
                @SuppressWarnings("unchecked")
                Map<String, Object> each = (Map<String, Object>) page.evaluate("""
                        () => ({pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
                                withoutAlt: Array.from(document.images).filter(i => !i.hasAttribute('alt')).length,
                                h1: document.querySelectorAll('h1').length})""");
                assertThat(((Number) each.get("pageWidth")).intValue()).as(path)
                        .isLessThanOrEqualTo(((Number) each.get("viewport")).intValue());
                assertThat(each).as(path).containsEntry("withoutAlt", 0).containsEntry("h1", 1);
            }
            page.navigate(url("/public/honour-roll"));
            assertThat(page.locator("#roll img").count()).isPositive();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("portal-roll.png"))
                    .setFullPage(true));
            // a wrong address keeps the visitor in the portal, with the way home
            page.navigate(url("/public/no-such-page"));
            assertThat(page.locator("#error-page").getAttribute("data-status")).isEqualTo("404");
            assertThat(page.locator(".yy-skip").count()).isEqualTo(1);
            assertThat(phone.cookies()).as("cookies after visiting the portal").isEmpty();
        }
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
