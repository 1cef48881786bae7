package org.yiyong.publicity.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What search engines read: robots.txt, which lets them into the public portal only and keeps every staff page
 * out, and the sitemap of the portal's pages. Both are the same for everyone and cached for an hour.
 */
@RestController
class PublicSiteController {

    /** The portal's pages a visitor can open without a code or a number. */
    static final List<String> PAGES = List.of("/public/notices", "/public/leads/new", "/public/leads/status");

    private static final CacheControl HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String text = """
                User-agent: *
                Allow: /public/
                Disallow: /
                Sitemap: %s/sitemap.xml
                """.formatted(base());
        return ResponseEntity.ok().contentType(TEXT).cacheControl(HOUR).body(text);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        String base = base();
        for (String page : PAGES) {
            xml.append("  <url><loc>").append(base).append(page).append("</loc></url>\n");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(XML).cacheControl(HOUR).body(xml.toString());
    }

    /** The site's address as the visitor reached it (behind a proxy, as the forwarded headers say). */
    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
