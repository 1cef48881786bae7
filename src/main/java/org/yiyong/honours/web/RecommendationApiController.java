package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.honours.internal.Recommendation;
import org.yiyong.honours.internal.Recommending;
import org.yiyong.identity.CurrentUser;

/** Recommendations upward as JSON, with problem+json errors. */
@RestController
@Tag(name = "honours")
class RecommendationApiController {

    private final Recommending recommending;

    RecommendationApiController(Recommending recommending) {
        this.recommending = recommending;
    }

    @GetMapping(path = "/api/v1/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recommendations upward (向上推荐) in the caller's data scope with their outcomes, "
            + "optionally of the year recommended, one region and one outcome; in the order made")
    List<Recommending.Line> register(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Recommendation.Status status) {
        return recommending.register(me, year, region, status);
    }

    @GetMapping("/api/v1/recommendations/{id}/package")
    @Operation(summary = "The recommendation package: summary PDF and the deed's evidence, as one zip")
    ResponseEntity<byte[]> packageOf(CurrentUser me, @PathVariable long id) {
        return RecommendationController.zip(id, recommending.packageOf(me, id));
    }

    @PostMapping(path = "/api/v1/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recommend a samaritan to the province or the nation for a title")
    ResponseEntity<Recommendation> recommendJson(CurrentUser me, @RequestBody RecommendRequest request) {
        Recommendation recommendation = recommending.recommend(me, request.samaritanId() == null ? -1
                : request.samaritanId(), request.deedId(), request.titleCode(), request.recommendedTo(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/recommendations/" + recommendation.getId()))
                .body(recommendation);
    }

    @GetMapping(path = "/api/v1/recommendations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One recommendation; 404 outside the data scope")
    Recommendation get(CurrentUser me, @PathVariable long id) {
        return recommending.get(me, id);
    }

    @PostMapping(path = "/api/v1/recommendations/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
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
