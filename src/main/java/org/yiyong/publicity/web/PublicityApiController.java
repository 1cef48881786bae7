package org.yiyong.publicity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.publicity.Articles;
import org.yiyong.publicity.Consents;
import org.yiyong.publicity.OpenAccounts;
import org.yiyong.shared.Inputs;

/** Publicity for staff in the API: articles and their review, consents to publication, open accounts. */
@RestController
@Tag(name = "publicity")
class PublicityApiController {

    private final Articles articles;
    private final Consents consents;
    private final OpenAccounts accounts;

    PublicityApiController(Articles articles, Consents consents, OpenAccounts accounts) {
        this.articles = articles;
        this.consents = consents;
        this.accounts = accounts;
    }

    /** A step on a record read at {@code version}, with what the step needs. */
    record Step(Long version, LocalDateTime publishAt, String note, String reason, LocalDate on) {

        long expected() {
            return Inputs.required("version", version);
        }
    }

    @GetMapping("/api/v1/articles")
    @Operation(summary = "Articles within the caller's scope, last changed first")
    List<Articles.Article> articles(CurrentUser me, @RequestParam(required = false) Articles.Status status) {
        return articles.list(me, status);
    }

    @PostMapping("/api/v1/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a draft (its HTML body is cleaned by an allow-list)")
    Articles.Article create(CurrentUser me, @RequestBody Articles.Draft draft) {
        return articles.create(me, draft);
    }

    @GetMapping("/api/v1/articles/{id}")
    @Operation(summary = "One article")
    Articles.Article article(CurrentUser me, @PathVariable long id) {
        return articles.get(me, id);
    }

    @PutMapping("/api/v1/articles/{id}")
    @Operation(summary = "Change a draft; ?version= is the version read")
    Articles.Article update(CurrentUser me, @PathVariable long id, @RequestParam long version,
            @RequestBody Articles.Draft draft) {
        return articles.update(me, id, version, draft);
    }

    @PostMapping("/api/v1/articles/{id}/submission")
    @Operation(summary = "Send a draft for review")
    Articles.Article submit(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return articles.submit(me, id, step.expected());
    }

    @PostMapping("/api/v1/articles/{id}/publication")
    @Operation(summary = "Approve and publish (now, or from publishAt), by someone other than its author")
    Articles.Article publish(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return articles.publish(me, id, step.expected(), step.publishAt());
    }

    @PostMapping("/api/v1/articles/{id}/return")
    @Operation(summary = "Send an article under review back to its author, with a note")
    Articles.Article sendBack(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return articles.sendBack(me, id, step.expected(), step.note());
    }

    @PostMapping("/api/v1/articles/{id}/withdrawal")
    @Operation(summary = "Take a published article off the portal, with the reason")
    Articles.Article withdraw(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return articles.withdraw(me, id, step.expected(), step.reason());
    }

    @GetMapping("/api/v1/consents")
    @Operation(summary = "Consents to publication within the caller's scope (of one person when asked)")
    List<Consents.Consent> consents(CurrentUser me, @RequestParam(required = false) Long samaritanId) {
        return consents.list(me, samaritanId);
    }

    @PostMapping("/api/v1/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a person's consent to the honour roll or to stories")
    Consents.Consent record(CurrentUser me, @RequestBody Consents.NewConsent consent) {
        return consents.record(me, consent);
    }

    @GetMapping("/api/v1/consents/{id}")
    @Operation(summary = "One consent")
    Consents.Consent consent(CurrentUser me, @PathVariable long id) {
        return consents.get(me, id);
    }

    @PostMapping("/api/v1/consents/{id}/withdrawal")
    @Operation(summary = "Withdraw a consent: the person leaves the portal and stories about them come down")
    Consents.Consent withdrawConsent(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return consents.withdraw(me, id, step.expected(), step.on(), step.reason());
    }

    @GetMapping("/api/v1/open-accounts")
    @Operation(summary = "Open accounts within the caller's scope")
    List<OpenAccounts.OpenAccount> accounts(CurrentUser me) {
        return accounts.list(me);
    }

    /** Which association's account, of which year. */
    record NewAccount(String regionCode, Integer year) {
    }

    @PostMapping("/api/v1/open-accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Prepare a finished year's open account from the funds' figures (a draft)")
    OpenAccounts.OpenAccount prepare(CurrentUser me, @RequestBody NewAccount account) {
        return accounts.prepare(me, account.regionCode(), Inputs.required("year", account.year()));
    }

    @GetMapping("/api/v1/open-accounts/{id}")
    @Operation(summary = "One open account with its figures")
    OpenAccounts.OpenAccount account(CurrentUser me, @PathVariable long id) {
        return accounts.get(me, id);
    }

    @PostMapping("/api/v1/open-accounts/{id}/publication")
    @Operation(summary = "Publish a prepared account (a finance reviewer or leader other than its preparer)")
    OpenAccounts.OpenAccount publishAccount(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return accounts.publish(me, id, step.expected());
    }

    @PostMapping("/api/v1/open-accounts/{id}/withdrawal")
    @Operation(summary = "Withdraw an open account")
    OpenAccounts.OpenAccount withdrawAccount(CurrentUser me, @PathVariable long id, @RequestBody Step step) {
        return accounts.withdraw(me, id, step.expected());
    }
}
