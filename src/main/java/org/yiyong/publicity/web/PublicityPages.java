package org.yiyong.publicity.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.honours.GrantedHonours;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.organization.Regions;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.Consents;
import org.yiyong.publicity.OpenAccounts;
import org.yiyong.publicity.internal.PortalImages;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;
import org.yiyong.web.PageSteps;

/**
 * Where staff prepare what the portal publishes: articles with their review, consents to publication with the
 * roll's citation and photo, and the open accounts of the money.
 */
@Controller
class PublicityPages {

    private static final int HONOUR_CHOICES = 300;

    private final Articles articles;
    private final Consents consents;
    private final OpenAccounts accounts;
    private final GrantedHonours honours;
    private final Attachments attachments;
    private final PortalImages images;
    private final Regions regions;
    private final Clock clock;
    private final MessageSource messages;

    PublicityPages(Articles articles, Consents consents, OpenAccounts accounts, GrantedHonours honours,
            Attachments attachments, PortalImages images, Regions regions, Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
        this.articles = articles;
        this.consents = consents;
        this.accounts = accounts;
        this.honours = honours;
        this.attachments = attachments;
        this.images = images;
        this.regions = regions;
    }

    @GetMapping("/publicity")
    String articles(CurrentUser me, @RequestParam(required = false) Articles.Status status, Model model) {
        model.addAttribute("articles", articles.list(me, status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Articles.Status.values());
        return "publicity/staff-articles";
    }

    @GetMapping("/publicity/articles/new")
    String newArticle(CurrentUser me, @RequestParam(required = false) Articles.Kind kind, Model model) {
        model.addAttribute("draft", new Articles.Draft(kind == null ? Articles.Kind.NEWS : kind, null, null, null,
                null, null, null));
        return form(me, null, model);
    }

    @PostMapping("/publicity/articles")
    String create(CurrentUser me, @RequestParam(required = false) Articles.Kind kind,
            @RequestParam(required = false) String title, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String body, @RequestParam(required = false) Long honourId,
            @RequestParam(required = false) String deedNumber, Model model, RedirectAttributes redirect) {
        Articles.Draft draft = new Articles.Draft(kind, title, summary, body, honourId, null, deedNumber);
        try {
            Articles.Article article = articles.create(me, draft);
            redirect.addFlashAttribute("success", "article.saved");
            return "redirect:/publicity/articles/" + article.id();
        } catch (InvalidField invalid) {
            return refusedForm(me, null, draft, invalid, model);
        }
    }

    @GetMapping("/publicity/articles/{id}")
    String article(CurrentUser me, @PathVariable long id, Model model) {
        Articles.Article article = articles.get(me, id);
        model.addAttribute("article", article);
        model.addAttribute("images", attachments.list(me, Articles.ENTITY, id));
        model.addAttribute("personConsents", article.samaritanId() == null ? null
                : consents.standing(article.samaritanId(), Consents.Purpose.STORY));
        model.addAttribute("mayReview", !me.username().equals(article.createdBy())
                && !me.username().equals(article.updatedBy()) && !me.username().equals(article.submittedBy()));
        model.addAttribute("writer", me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF));
        return "publicity/staff-article";
    }

    @GetMapping("/publicity/articles/{id}/edit")
    String edit(CurrentUser me, @PathVariable long id, Model model) {
        Articles.Article article = articles.get(me, id);
        model.addAttribute("draft", new Articles.Draft(article.kind(), article.title(), article.summary(),
                article.body(), article.honourId(), article.samaritanId(), article.deedNumber()));
        return form(me, article, model);
    }

    @PostMapping("/publicity/articles/{id}")
    String update(CurrentUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) Articles.Kind kind, @RequestParam(required = false) String title,
            @RequestParam(required = false) String summary, @RequestParam(required = false) String body,
            @RequestParam(required = false) Long honourId, @RequestParam(required = false) Long samaritanId,
            @RequestParam(required = false) String deedNumber, Model model, RedirectAttributes redirect) {
        Articles.Article article = articles.get(me, id);
        Articles.Draft draft = new Articles.Draft(kind, title, summary, body, honourId, samaritanId, deedNumber);
        try {
            articles.update(me, id, version, draft);
            redirect.addFlashAttribute("success", "article.saved");
            return "redirect:/publicity/articles/" + id;
        } catch (InvalidField invalid) {
            return refusedForm(me, article, draft, invalid, model);
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/publicity/articles/" + id);
        }
    }

    @PostMapping("/publicity/articles/{id}/submission")
    String submit(CurrentUser me, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/articles/" + id, "article.submitted",
                () -> articles.submit(me, id, version));
    }

    @PostMapping("/publicity/articles/{id}/publication")
    String publish(CurrentUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime publishAt,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/articles/" + id, "article.published",
                () -> articles.publish(me, id, version, publishAt));
    }

    @PostMapping("/publicity/articles/{id}/return")
    String sendBack(CurrentUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/articles/" + id, "article.sent-back",
                () -> articles.sendBack(me, id, version, note));
    }

    @PostMapping("/publicity/articles/{id}/withdrawal")
    String withdraw(CurrentUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/articles/" + id, "article.withdrawn",
                () -> articles.withdraw(me, id, version, reason));
    }

    /** A picture for an article, cleaned; the editor inserts the address it answers with. */
    @PostMapping(path = "/publicity/articles/{id}/images", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> image(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        Articles.Article article = articles.get(me, id);
        try {
            if (article.status() != Articles.Status.DRAFT) {
                // a picture goes up with the article it is in, reviewed with it
                throw new InvalidField("file", "article.image.draft-only");
            }
            if (file == null || file.isEmpty()) {
                throw new InvalidField("file", "file.empty");
            }
            try (InputStream content = file.getInputStream()) {
                Attachment stored = images.store(me, Articles.ENTITY, id, file.getOriginalFilename(), content);
                return ResponseEntity.ok(Map.of("id", stored.id(), "url", "/public/images/" + stored.id()));
            }
        } catch (InvalidField refused) {
            // the editor shows the reason where the picture would have gone
            return ResponseEntity.badRequest().body(Map.of("message", messages.getMessage(refused.messageKey(),
                    refused.arguments(), refused.messageKey(), LocaleContextHolder.getLocale())));
        }
    }

    @GetMapping("/publicity/consents")
    String consents(CurrentUser me, @RequestParam(required = false) Long samaritanId, Model model) {
        model.addAttribute("consents", consents.list(me, samaritanId));
        model.addAttribute("honours", honours.inScope(me.scope(), HONOUR_CHOICES));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("writer", me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF));
        return "publicity/consents";
    }

    @PostMapping("/publicity/consents")
    String recordConsent(CurrentUser me, @RequestParam(required = false) Long samaritanId,
            @RequestParam(required = false) Consents.Purpose purpose,
            @RequestParam(required = false) Consents.GivenBy givenBy,
            @RequestParam(required = false) String relativeName,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
            @RequestParam(required = false) String citation, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/consents", "consent.recorded", () -> consents.record(me,
                new Consents.NewConsent(samaritanId, purpose, givenBy, relativeName, givenOn, citation, note)));
    }

    @PostMapping("/publicity/consents/{id}/withdrawal")
    String withdrawConsent(CurrentUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate withdrawnOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/consents", "consent.withdrawn",
                () -> consents.withdraw(me, id, version, withdrawnOn, reason));
    }

    @PostMapping("/publicity/consents/{id}/photo")
    String photo(CurrentUser me, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        consents.get(me, id);
        return PageSteps.step(redirect, "/publicity/consents", "consent.photo-saved", () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidField("file", "file.empty");
            }
            try (InputStream content = file.getInputStream()) {
                images.store(me, Consents.ENTITY, id, file.getOriginalFilename(), content);
            } catch (IOException unreadable) {
                throw new InvalidField("file", "portal.image.unreadable");
            }
        });
    }

    @GetMapping("/publicity/accounts")
    String accounts(CurrentUser me, Model model) {
        model.addAttribute("accounts", accounts.list(me));
        model.addAttribute("regions", regions.within(me.scope()));
        model.addAttribute("lastYear", LocalDate.now(clock).getYear() - 1);
        model.addAttribute("preparer", me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF));
        model.addAttribute("publisher", me.hasAny(Role.FINANCE_REVIEWER, Role.LEADER));
        return "publicity/open-accounts";
    }

    @PostMapping("/publicity/accounts")
    String prepare(CurrentUser me, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        try {
            OpenAccounts.OpenAccount account = accounts.prepare(me, regionCode, year == null ? 0 : year);
            redirect.addFlashAttribute("success", "open-account.prepared");
            return "redirect:/publicity/accounts/" + account.id();
        } catch (DomainException refused) {
            return PageSteps.refused(redirect, refused, "/publicity/accounts");
        }
    }

    @GetMapping("/publicity/accounts/{id}")
    String account(CurrentUser me, @PathVariable long id, Model model) {
        OpenAccounts.OpenAccount account = accounts.get(me, id);
        model.addAttribute("account", account);
        model.addAttribute("publisher", me.hasAny(Role.FINANCE_REVIEWER, Role.LEADER)
                && !me.username().equals(account.preparedBy()));
        return "publicity/open-account";
    }

    @PostMapping("/publicity/accounts/{id}/publication")
    String publishAccount(CurrentUser me, @PathVariable long id, @RequestParam long version,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/accounts/" + id, "open-account.published",
                () -> accounts.publish(me, id, version));
    }

    @PostMapping("/publicity/accounts/{id}/withdrawal")
    String withdrawAccount(CurrentUser me, @PathVariable long id, @RequestParam long version,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/publicity/accounts/" + id, "open-account.withdrawn",
                () -> accounts.withdraw(me, id, version));
    }

    private String form(CurrentUser me, Articles.Article article, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("kinds", Articles.Kind.values());
        List<GrantedHonours.Granted> choices = new ArrayList<>(honours.inScope(me.scope(), HONOUR_CHOICES));
        Long current = article == null ? null : article.honourId();
        if (current != null && choices.stream().noneMatch(h -> h.honourId() == current)) {
            honours.find(current).ifPresent(choices::add);
        }
        model.addAttribute("honours", choices);
        return "publicity/article-form";
    }

    private String refusedForm(CurrentUser me, Articles.Article article, Articles.Draft draft, InvalidField invalid,
            Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("failure", invalid.messageKey());
        model.addAttribute("failureArgs", invalid.arguments());
        model.addAttribute("failureField", invalid.field());
        return form(me, article, model);
    }
}
