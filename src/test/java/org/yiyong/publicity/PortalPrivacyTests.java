package org.yiyong.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yiyong.FullStackTest;
import org.yiyong.shared.FieldCipher;

/**
 * No resident ID, phone number, address or bank number of a samaritan, a family member or a reporter ever
 * appears on the public portal: every page a visitor can reach from the home page, the feed, the sitemap and the
 * public JSON is read, and searched for anything shaped like those numbers and for every such number and address
 * the registry and the leads hold.
 */
class PortalPrivacyTests extends FullStackTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/public[^\"#]*)\"|<loc>https?://[^/<]+(/[^<]*)</loc>");
    private static final Map<String, Pattern> SHAPES = Map.of(
            "resident ID (18 digits)", Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])"),
            "resident ID (15 digits)", Pattern.compile("(?<![0-9])[1-9][0-9]{14}(?![0-9])"),
            "mobile number", Pattern.compile("(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])"),
            "bank number", Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9])"));

    @Autowired
    FieldCipher cipher;

    @Test
    void no_personal_number_or_address_is_on_any_public_page_or_feed() throws Exception {
        Map<String, String> pages = crawl();
        assertThat(pages).hasSizeGreaterThan(15);
        assertThat(pages.keySet()).contains("/public/honour-roll", "/public/feed.xml", "/api/v1/public/honour-roll");
        assertThat(String.join("\n", pages.values())).as("the crawl reached the people on the roll").contains("蔡文龙");

        Set<String> secrets = secrets();
        assertThat(secrets).hasSizeGreaterThan(20);
        pages.forEach((path, text) -> {
            SHAPES.forEach((what, shape) -> {
                Matcher found = shape.matcher(text);
                assertThat(found.find()).as("%s on %s: %s", what, path, found.hitEnd() ? "" : found.group()).isFalse();
            });
            for (String secret : secrets) {
                assertThat(text).as("a person's number or address on %s", path).doesNotContain(secret);
            }
        });
    }

    /** Every public page reachable from the portal's entrances, by its path and query. */
    private Map<String, String> crawl() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/public", "/public/feed.xml", "/sitemap.xml",
                "/api/v1/public/articles", "/api/v1/public/honour-roll", "/robots.txt"));
        while (!queue.isEmpty() && pages.size() < 400) {
            String path = queue.poll().replace("&amp;", "&");
            if (pages.containsKey(path) || path.startsWith("/public/images/")) {
                continue;
            }
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            if (response.getStatus() != 200) {
                continue;
            }
            String text = response.getContentAsString(StandardCharsets.UTF_8);
            pages.put(path, text);
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                queue.add(links.group(1) != null ? links.group(1) : links.group(2));
            }
            if (path.equals("/api/v1/public/articles")) {
                Matcher ids = Pattern.compile("\"id\":([0-9]+)").matcher(text);
                while (ids.find()) {
                    queue.add("/api/v1/public/articles/" + ids.group(1));
                }
            }
        }
        return pages;
    }

    /**
     * The resident IDs, phones, bank numbers and addresses of every person on the registry and every reporter —
     * but for an address that is part of an association's own, which the portal publishes to be found (a person
     * may well live in the street of the office).
     */
    private Set<String> secrets() {
        List<String> offices = jdbc.sql("select coalesce(address, '') || ' ' || coalesce(phone, '') from organization")
                .query(String.class).list();
        Set<String> secrets = new LinkedHashSet<>();
        jdbc.sql("select resident_id, bank_account, phone, address from samaritan").query((rs, row) -> {
            add(secrets, open(rs.getString("resident_id")), open(rs.getString("bank_account")),
                    open(rs.getString("phone")));
            addAddress(secrets, rs.getString("address"));
            return null;
        }).list();
        jdbc.sql("select resident_id, phone from relative").query((rs, row) -> {
            add(secrets, open(rs.getString("resident_id")), open(rs.getString("phone")));
            return null;
        }).list();
        jdbc.sql("select reporter_phone from lead").query((rs, row) -> {
            add(secrets, rs.getString("reporter_phone"));
            return null;
        }).list();
        secrets.removeIf(secret -> offices.stream().anyMatch(office -> office.contains(secret)));
        return secrets;
    }

    private String open(String stored) {
        if (stored == null || !stored.startsWith("v") || stored.indexOf(':') < 2) {
            return stored;
        }
        return cipher.decrypt(stored);
    }

    /**
     * An address counts when it names a door (it holds a number): a village or a street alone is a place, which a
     * story about a rescue there may well name.
     */
    private static void addAddress(Set<String> secrets, String address) {
        if (address != null && address.chars().anyMatch(Character::isDigit)) {
            add(secrets, address);
        }
    }

    private static void add(Set<String> secrets, String... values) {
        for (String value : values) {
            if (value != null && value.strip().length() >= 6) {
                secrets.add(value.strip());
            }
        }
    }
}
