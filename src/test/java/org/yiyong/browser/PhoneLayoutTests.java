package org.yiyong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff pages on a phone (390×844): the deed list, the payment orders and the to-do list show their rows as
 * cards, each field under its column's name; a deed keeps its table cells readable (none narrower than 40 px:
 * a wide table scrolls sideways instead of squashing); no page scrolls sideways, and buttons are at least
 * 44 px high to touch.
 */
class PhoneLayoutTests extends BrowserTest {

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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measure(Page page) {
        return (Map<String, Object>) page.evaluate("""
                () => {
                  const visible = e => e.offsetParent !== null && e.getClientRects().length > 0;
                  const cells = Array.from(document.querySelectorAll('main td, main th, section td, section th'))
                      .filter(c => visible(c) && c.textContent.trim().length > 0
                          && c.closest('table.yy-cards thead') === null); // a card list's header is for screen readers
                  const widths = cells.map(c => c.getBoundingClientRect().width);
                  const buttons = Array.from(document.querySelectorAll('section .btn')).filter(visible)
                      .map(b => b.getBoundingClientRect().height);
                  const cards = Array.from(document.querySelectorAll('table.yy-cards tbody tr'))
                      .filter(r => visible(r) && r.querySelector('td[colspan]') === null);
                  const labelled = cards.filter(r => getComputedStyle(r).display === 'block'
                      && r.querySelector('td[data-label]') !== null
                      && getComputedStyle(r.querySelector('td[data-label]'), '::before').content.length > 2);
                  return {cards: cards.length, labelledCards: labelled.length, cells: cells.length, narrowest: widths.length ? Math.min(...widths) : 999,
                          lowestButton: buttons.length ? Math.min(...buttons) : 999,
                          pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth};
                }""");
    }

    @Test
    void the_main_staff_pages_read_on_a_phone_without_squashed_cells() throws Exception {
        long deed = confirmedDeeds().confirm("jinjiang-police", "350582", "JJ-PS-QY", 2)[2];
        try (BrowserContext context = browser.newContext(true)) {
            Page page = context.newPage();
            signIn(page, "jinjiang-staff");
            for (String path : List.of("/deeds", "/deeds/" + deed, "/payment-orders", "/tasks")) {
                page.navigate(url(path));
                Map<String, Object> measured = measure(page);
                String name = path.replaceAll("[^a-z0-9]+", "-");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Browser.SCREENSHOTS.resolve("phone" + name + ".png")).setFullPage(true));
                assertThat(((Number) measured.get("narrowest")).doubleValue()).as(path + " narrowest cell")
                        .isGreaterThanOrEqualTo(40);
                assertThat(((Number) measured.get("pageWidth")).intValue()).as(path + " page width")
                        .isLessThanOrEqualTo(((Number) measured.get("viewport")).intValue() + 1);
                assertThat(((Number) measured.get("lowestButton")).doubleValue()).as(path + " lowest button")
                        .isGreaterThanOrEqualTo(44);
                if (path.equals("/deeds") || path.equals("/payment-orders")) {
                    assertThat(((Number) measured.get("cards")).intValue()).as(path + " rows as cards").isPositive();
                    assertThat(measured.get("labelledCards")).as(path + " each card names its fields")
                            .isEqualTo(measured.get("cards"));
                }
            }
        }
    }
}
