package org.yiyong.publicity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.HonourRoll;
import org.yiyong.publicity.internal.ArticleHtml;
import org.yiyong.shared.RecordNotFound;

/**
 * The portal's content as read-only JSON for anyone (a news app, a city's other sites): the live articles and
 * the honour roll — exactly what the pages show, and nothing more about a person.
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Public portal", description = "What the public portal publishes, without signing in")
class PublicApiController {

    private final Articles articles;
    private final HonourRoll roll;

    PublicApiController(Articles articles, HonourRoll roll) {
        this.articles = articles;
        this.roll = roll;
    }

    /** An article as the public reads it. */
    record PublicArticle(long id, Articles.Kind kind, String title, String summary, String body, Instant publishedAt,
            String url) {

        static PublicArticle of(Articles.Article article, boolean withBody) {
            return new PublicArticle(article.id(), article.kind(), article.title(), article.summary(),
                    withBody ? ArticleHtml.clean(article.body()) : null, article.publishAt(),
                    "/public/articles/" + article.id());
        }
    }

    @GetMapping("/articles")
    @Operation(summary = "Live articles, newest first (body left out; read one for it)")
    List<PublicArticle> articles(@RequestParam(required = false) Articles.Kind kind,
            @RequestParam(defaultValue = "50") int limit) {
        return articles.live(kind, Math.max(1, Math.min(limit, 200))).stream()
                .map(article -> PublicArticle.of(article, false)).toList();
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "A live article with its body (cleaned HTML)")
    PublicArticle article(@PathVariable long id) {
        return PublicArticle.of(articles.live(id).orElseThrow(() -> new RecordNotFound(Articles.ENTITY, id)), true);
    }

    /** A person on the roll as the public reads it. */
    record RollEntry(String name, String regionName, int year, List<HonourRoll.Title> titles, String citation,
            boolean inMemory, String photo, String url) {
    }

    @GetMapping("/honour-roll")
    @Operation(summary = "The honour roll: people who consented, newest honour first")
    List<RollEntry> roll(@RequestParam(required = false) Integer year, @RequestParam(required = false) String level,
            @RequestParam(required = false) String region) {
        return roll.entries(year, PortalController.blankToNull(level), PortalController.blankToNull(region)).stream()
                .map(entry -> new RollEntry(entry.name(), entry.regionName(), entry.year(), entry.titles(),
                        entry.citation(), entry.family(), entry.photoId() == null ? null : "/public/images/" + entry.photoId(),
                        "/public/honour-roll/" + entry.consentId()))
                .toList();
    }
}
