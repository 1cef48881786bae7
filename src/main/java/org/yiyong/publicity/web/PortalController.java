package org.yiyong.publicity.web;

import java.time.Duration;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.deeds.DeedNotice;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;
import org.yiyong.organization.OrganizationLookup;
import org.yiyong.organization.Regions;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.HonourRoll;
import org.yiyong.publicity.OpenAccounts;
import org.yiyong.publicity.internal.ArticleHtml;
import org.yiyong.shared.RecordNotFound;

/**
 * The public portal's pages: the home page, the honour roll, the stories, news and law pages, an article, the
 * open accounts, and the pictures they show. Nothing here needs signing in or makes a session; every page can be
 * cached for a minute by the browser or a proxy (see {@link PortalCaching}).
 */
@Controller
class PortalController {

    private final Articles articles;
    private final HonourRoll roll;
    private final OpenAccounts accounts;
    private final DeedNotice notices;
    private final OrganizationLookup organizations;
    private final Regions regions;
    private final Attachments attachments;

    PortalController(Articles articles, HonourRoll roll, OpenAccounts accounts, DeedNotice notices,
            OrganizationLookup organizations, Regions regions, Attachments attachments) {
        this.articles = articles;
        this.roll = roll;
        this.accounts = accounts;
        this.notices = notices;
        this.organizations = organizations;
        this.regions = regions;
        this.attachments = attachments;
    }

    @GetMapping("/public")
    String home(Model model) {
        model.addAttribute("offices", organizations.publicOffices());
        model.addAttribute("notices", notices.current().stream().limit(3).toList());
        model.addAttribute("stories", articles.live(Articles.Kind.STORY, 3));
        model.addAttribute("news", articles.live(Articles.Kind.NEWS, 5));
        model.addAttribute("roll", roll.entries(null, null, null).stream().limit(6).toList());
        model.addAttribute("accounts", accounts.published().stream().limit(3).toList());
        return "publicity/home";
    }

    @GetMapping("/public/honour-roll")
    String roll(@RequestParam(required = false) Integer year, @RequestParam(required = false) String level,
            @RequestParam(required = false) String region, Model model) {
        List<HonourRoll.Entry> everyone = roll.entries(null, null, null);
        model.addAttribute("entries", HonourRoll.matching(everyone, year, blankToNull(level), blankToNull(region)));
        model.addAttribute("years", HonourRoll.years(everyone));
        model.addAttribute("counties", regions.inListOrder());
        model.addAttribute("year", year);
        model.addAttribute("level", blankToNull(level));
        model.addAttribute("region", blankToNull(region));
        return "publicity/roll";
    }

    /** A person's page on the roll (a martyr's, on the family's consent): their honours, citation, photo, stories. */
    @GetMapping("/public/honour-roll/{id}")
    String person(@PathVariable long id, Model model) {
        HonourRoll.Entry entry = roll.entry(id).orElseThrow(() -> new RecordNotFound("HonourRollEntry", id));
        model.addAttribute("entry", entry);
        model.addAttribute("stories", articles.liveAbout(entry.samaritanId()));
        model.addAttribute("pageDescription", entry.citation());
        return "publicity/person";
    }

    @GetMapping("/public/stories")
    String stories(Model model) {
        return list(Articles.Kind.STORY, model);
    }

    @GetMapping("/public/news")
    String news(Model model) {
        return list(Articles.Kind.NEWS, model);
    }

    @GetMapping("/public/laws")
    String laws(Model model) {
        return list(Articles.Kind.LAW, model);
    }

    private String list(Articles.Kind kind, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("articles", articles.live(kind, 200));
        return "publicity/articles";
    }

    @GetMapping("/public/articles/{id}")
    String article(@PathVariable long id, Model model) {
        Articles.Article article = articles.live(id).orElseThrow(() -> new RecordNotFound(Articles.ENTITY, id));
        model.addAttribute("article", article);
        // cleaned when saved; cleaned again on the way out, so that a rule tightened later holds for old articles
        model.addAttribute("body", ArticleHtml.clean(article.body()));
        model.addAttribute("pageDescription", article.summary());
        return "publicity/article";
    }

    @GetMapping("/public/accounts")
    String accounts(Model model) {
        List<OpenAccounts.OpenAccount> published = accounts.published();
        model.addAttribute("accounts", published);
        return "publicity/accounts";
    }

    @GetMapping("/public/accounts/{id}")
    String account(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.published(id)
                .orElseThrow(() -> new RecordNotFound(OpenAccounts.ENTITY, id)));
        return "publicity/account";
    }

    /** A picture of a live article or of a person on the roll; gone the moment it is no longer published. */
    @GetMapping("/public/images/{id}")
    ResponseEntity<Resource> image(@PathVariable long id) {
        Attachments.StoredFile file;
        CacheControl caching = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();
        try {
            file = attachments.openPublished(id);
        } catch (RecordNotFound notPublished) {
            // staff previewing an article before it is published see its pictures, as any attachment they may see
            CurrentUser me = SignedIn.user().orElseThrow(() -> notPublished);
            file = attachments.open(me, id);
            caching = CacheControl.noStore().cachePrivate();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.attachment().contentType()))
                .cacheControl(caching)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
