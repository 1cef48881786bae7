package org.yiyong.publicity.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.HonourRoll;

/**
 * What search engines and news readers read: robots.txt, which lets them into the public portal only and keeps
 * every staff page out, the sitemap of the portal's pages and live articles (both cached for an hour), and the
 * Atom feed of the latest articles.
 */
@RestController
class PublicSiteController {

    private final Articles articles;
    private final HonourRoll roll;
    private final String siteUrl;

    PublicSiteController(Articles articles, HonourRoll roll,
            @org.springframework.beans.factory.annotation.Value("${yiyong.public.site-url:}") String siteUrl) {
        this.articles = articles;
        this.roll = roll;
        this.siteUrl = siteUrl == null ? "" : siteUrl.strip().replaceAll("/+$", "");
    }

    /** The portal's pages a visitor can open without a code or a number. */
    static final List<String> PAGES = List.of("/public", "/public/honour-roll", "/public/stories", "/public/news",
            "/public/laws", "/public/accounts", "/public/notices", "/public/leads/new", "/public/leads/status",
            "/public/certificates");

    /** The most articles the sitemap and the feed name. */
    private static final int LATEST = 500;

    private static final CacheControl HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    private static final CacheControl MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    private static final String FEED_TITLE = "泉州市见义勇为 · 英雄事迹与新闻";
    private static final String FEED_AUTHOR = "泉州市见义勇为协会";

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String text = """
                User-agent: *
                Allow: /public
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
        for (HonourRoll.Entry entry : roll.entries(null, null, null)) {
            xml.append("  <url><loc>").append(base).append("/public/honour-roll/").append(entry.consentId())
                    .append("</loc></url>\n");
        }
        for (Articles.Article article : articles.live(null, LATEST)) {
            xml.append("  <url><loc>").append(base).append("/public/articles/").append(article.id())
                    .append("</loc><lastmod>").append(DateTimeFormatter.ISO_INSTANT.format(article.publishAt()))
                    .append("</lastmod></url>\n");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(XML).cacheControl(HOUR).body(xml.toString());
    }

    /**
     * The Atom feed of the latest articles (stories, news, law pages), for news readers and the city's other
     * sites; cached for a minute like the pages.
     */
    @GetMapping("/public/feed.xml")
    ResponseEntity<String> feed() {
        String base = base();
        List<Articles.Article> latest = articles.live(null, 50);
        Instant updated = latest.isEmpty() ? Instant.EPOCH : latest.get(0).publishAt();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
                """);
        xml.append("  <title>").append(escape(FEED_TITLE)).append("</title>\n");
        xml.append("  <id>").append(base).append("/public</id>\n");
        xml.append("  <link rel=\"alternate\" href=\"").append(base).append("/public\"/>\n");
        xml.append("  <link rel=\"self\" href=\"").append(base).append("/public/feed.xml\"/>\n");
        xml.append("  <updated>").append(DateTimeFormatter.ISO_INSTANT.format(updated)).append("</updated>\n");
        for (Articles.Article article : latest) {
            String url = base + "/public/articles/" + article.id();
            xml.append("  <entry>\n");
            xml.append("    <title>").append(escape(article.title())).append("</title>\n");
            xml.append("    <id>").append(url).append("</id>\n");
            xml.append("    <link rel=\"alternate\" href=\"").append(url).append("\"/>\n");
            xml.append("    <category term=\"").append(article.kind().name()).append("\"/>\n");
            xml.append("    <updated>").append(DateTimeFormatter.ISO_INSTANT.format(article.publishAt()))
                    .append("</updated>\n");
            xml.append("    <author><name>").append(escape(FEED_AUTHOR)).append("</name></author>\n");
            xml.append("    <summary>").append(escape(article.summary() == null ? "" : article.summary()))
                    .append("</summary>\n");
            xml.append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok().contentType(ATOM).cacheControl(MINUTE).body(xml.toString());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The site's address: the one configured (YIYONG_PUBLIC_URL), so that what is cached for an hour names the
     * real site whatever Host a request came with; else as the visitor reached it (behind a proxy, as the
     * forwarded headers say).
     */
    private String base() {
        if (!siteUrl.isEmpty()) {
            return siteUrl;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
