package org.yiyong.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.internal.AuditEntry;
import org.yiyong.audit.internal.AuditQuery;
import org.yiyong.audit.internal.AuditSearch;
import org.yiyong.platform.YiyongProperties;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/**
 * The audit trail for the audit administrator, as a page and as JSON. There is no way to change or
 * delete an entry: no such endpoint exists, and the database refuses it.
 */
final class AuditControllers {

    private AuditControllers() {
    }

    @Controller
    static class AuditPage {

        private final AuditSearch search;
        private final ZoneId zone;

        AuditPage(AuditSearch search, YiyongProperties properties) {
            this.search = search;
            this.zone = properties.zone();
        }

        @GetMapping("/audit")
        String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
                Model model) {
            AuditQuery query = new AuditQuery(actor, entityType, entityId, action,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
            model.addAttribute("entries", search.search(query, new PageRequest(page, 50)));
            model.addAttribute("actor", actor);
            model.addAttribute("entityType", entityType);
            model.addAttribute("entityId", entityId);
            model.addAttribute("action", action);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("actions", AuditAction.values());
            model.addAttribute("zone", zone);
            if (verify) {
                model.addAttribute("chain", search.verifyChain());
            }
            return "audit/list";
        }
    }

    @RestController
    @Tag(name = "audit")
    static class AuditApi {

        private final AuditSearch search;

        AuditApi(AuditSearch search) {
            this.search = search;
        }

        @GetMapping("/api/v1/audit-entries")
        @Operation(summary = "Search the audit trail (audit administrator only), newest first")
        PageResult<AuditEntry> search(@RequestParam(required = false) String actor,
                @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
            return search.search(new AuditQuery(actor, entityType, entityId, action, from, to),
                    PageRequest.of(page, size));
        }

        @GetMapping("/api/v1/audit-entries/{id}")
        @Operation(summary = "One entry of the audit trail (audit administrator only)")
        AuditEntry entry(@org.springframework.web.bind.annotation.PathVariable long id) {
            return search.entry(id);
        }

        @GetMapping("/api/v1/audit-entries/chain")
        @Operation(summary = "Recompute the hash chain; names the first entry that was tampered with, if any")
        AuditSearch.ChainCheck verify() {
            return search.verifyChain();
        }
    }
}
