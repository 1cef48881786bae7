package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.honours.Recommendation;
import org.yiyong.honours.Recommending;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DomainException;

/** Recommendations upward: from the profile, and as JSON under /api/v1/recommendations. */
@Controller
@Tag(name = "honours")
class RecommendationController {

    private final Recommending recommending;

    RecommendationController(Recommending recommending) {
        this.recommending = recommending;
    }

    @PostMapping("/recommendations")
    String recommend(CurrentUser me, @RequestParam(required = false) Long samaritanId,
            @RequestParam(required = false) Long deedId, @RequestParam(required = false) String titleCode,
            @RequestParam(required = false) String recommendedTo, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        long samaritan = samaritanId == null ? -1 : samaritanId;
        try {
            recommending.recommend(me, samaritan, deedId, titleCode, recommendedTo, reason);
            redirect.addFlashAttribute("success", "recommendation.recorded");
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND || refused.kind() == DomainException.Kind.FORBIDDEN) {
                throw refused;
            }
            redirect.addFlashAttribute("failure", refused.messageKey());
            redirect.addFlashAttribute("failureArgs", refused.arguments());
        }
        return "redirect:/samaritans/" + samaritan;
    }

    @PostMapping("/recommendations/{id}/outcome")
    String conclude(CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "false") boolean granted,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        long samaritan = recommending.get(me, id).getSamaritanId();
        try {
            recommending.conclude(me, id, granted, decidedOn, documentNumber, note);
            redirect.addFlashAttribute("success", "recommendation.concluded-ok");
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND || refused.kind() == DomainException.Kind.FORBIDDEN) {
                throw refused;
            }
            redirect.addFlashAttribute("failure", refused.messageKey());
            redirect.addFlashAttribute("failureArgs", refused.arguments());
        }
        return "redirect:/samaritans/" + samaritan;
    }

    @GetMapping({"/recommendations/{id}/package", "/api/v1/recommendations/{id}/package"})
    @Operation(summary = "The recommendation package: summary PDF and the deed's evidence, as one zip")
    ResponseEntity<byte[]> packageOf(CurrentUser me, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("推荐材料-" + id + ".zip", StandardCharsets.UTF_8).build().toString())
                .body(recommending.packageOf(me, id));
    }

    @PostMapping(path = "/api/v1/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Recommend a samaritan to the province or the nation for a title")
    ResponseEntity<Recommendation> recommendJson(CurrentUser me, @RequestBody RecommendRequest request) {
        Recommendation recommendation = recommending.recommend(me, request.samaritanId() == null ? -1
                : request.samaritanId(), request.deedId(), request.titleCode(), request.recommendedTo(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/recommendations/" + recommendation.getId()))
                .body(recommendation);
    }

    @GetMapping(path = "/api/v1/recommendations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "One recommendation; 404 outside the data scope")
    Recommendation get(CurrentUser me, @PathVariable long id) {
        return recommending.get(me, id);
    }

    @PostMapping(path = "/api/v1/recommendations/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "The outcome above; granted becomes an honour of that level")
    Recommendation concludeJson(CurrentUser me, @PathVariable long id, @RequestBody OutcomeRequest request) {
        return recommending.conclude(me, id, Boolean.TRUE.equals(request.granted()), request.decidedOn(),
                request.documentNumber(), request.note());
    }

    record RecommendRequest(Long samaritanId, Long deedId, String titleCode, String recommendedTo, String reason) {
    }

    record OutcomeRequest(Boolean granted, LocalDate decidedOn, String documentNumber, String note) {
    }
}
