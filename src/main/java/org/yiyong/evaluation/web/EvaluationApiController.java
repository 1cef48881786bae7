package org.yiyong.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.evaluation.EvaluationSchemes;
import org.yiyong.evaluation.Evaluations;
import org.yiyong.evaluation.Metric;
import org.yiyong.evaluation.Subject;
import org.yiyong.identity.CurrentUser;

/** Evaluation schemes and rounds in the API: the schemes' indicator trees, the rounds' steps, scores and objections. */
@RestController
@Tag(name = "evaluation")
class EvaluationApiController {

    private final EvaluationSchemes schemes;
    private final Evaluations evaluations;

    EvaluationApiController(EvaluationSchemes schemes, Evaluations evaluations) {
        this.schemes = schemes;
        this.evaluations = evaluations;
    }

    record MetricInfo(Metric metric, Subject subject, Metric.Formula formula, boolean available, boolean needsTarget,
            List<String> figures) {
    }

    @GetMapping("/api/v1/evaluation-schemes/metrics")
    @Operation(summary = "The metrics Yiyong computes indicators by, with the figures each reads; unavailable ones "
            + "are listed, not offered")
    List<MetricInfo> metrics() {
        return java.util.Arrays.stream(Metric.values()).map(metric -> new MetricInfo(metric, metric.subject(),
                metric.formula(), metric.isAvailable(), metric.needsTarget(), metric.figures())).toList();
    }

    @GetMapping("/api/v1/evaluation-schemes")
    @Operation(summary = "The evaluation schemes, newest year first")
    List<EvaluationSchemes.Summary> schemes() {
        return schemes.schemes();
    }

    @PostMapping("/api/v1/evaluation-schemes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new scheme for a year and subject (COUNTY or STATION), empty or copied from last year's")
    EvaluationSchemes.Scheme create(CurrentUser me, @RequestBody EvaluationSchemes.NewScheme scheme) {
        return schemes.create(me, scheme);
    }

    @GetMapping("/api/v1/evaluation-schemes/{id}")
    @Operation(summary = "A scheme with its indicators in tree order")
    EvaluationSchemes.Scheme scheme(@PathVariable long id) {
        return schemes.scheme(id);
    }

    @PutMapping("/api/v1/evaluation-schemes/{id}/indicators")
    @Operation(summary = "Replace a scheme's indicators with a tree; refused (400, naming the indicator) when the "
            + "points of a level do not add up to its parent's, or the top level to the total")
    EvaluationSchemes.Scheme replace(CurrentUser me, @PathVariable long id,
            @RequestBody List<EvaluationSchemes.IndicatorTree> indicators) {
        return schemes.replace(me, id, indicators);
    }

    @PostMapping("/api/v1/evaluation-schemes/{id}/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add one indicator to an unlocked scheme")
    EvaluationSchemes.Indicator add(CurrentUser me, @PathVariable long id,
            @RequestBody EvaluationSchemes.IndicatorInput indicator) {
        return schemes.add(me, id, indicator);
    }

    @PutMapping("/api/v1/evaluation-schemes/{id}/indicators/{indicatorId}")
    @Operation(summary = "Change one indicator of an unlocked scheme")
    EvaluationSchemes.Indicator update(CurrentUser me, @PathVariable long id, @PathVariable long indicatorId,
            @RequestBody EvaluationSchemes.IndicatorInput indicator) {
        return schemes.update(me, id, indicatorId, indicator);
    }

    @DeleteMapping("/api/v1/evaluation-schemes/{id}/indicators/{indicatorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an indicator of an unlocked scheme, with those under it")
    void remove(CurrentUser me, @PathVariable long id, @PathVariable long indicatorId) {
        schemes.remove(me, id, indicatorId);
    }

    @GetMapping("/api/v1/evaluations")
    @Operation(summary = "The evaluation rounds")
    List<Evaluations.Round> rounds() {
        return evaluations.rounds();
    }

    record OpenRequest(long schemeId, LocalDate cutoffOn, Integer objectionDays) {
    }

    @PostMapping("/api/v1/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the round of a scheme (which must add up) at a cut-off, locking the scheme")
    Evaluations.Round open(CurrentUser me, @RequestBody OpenRequest request) {
        return evaluations.open(me, request.schemeId(), request.cutoffOn(), request.objectionDays());
    }

    @GetMapping("/api/v1/evaluations/{id}")
    @Operation(summary = "A round")
    Evaluations.Round round(@PathVariable long id) {
        return evaluations.round(id);
    }

    @GetMapping("/api/v1/evaluations/{id}/ranking")
    @Operation(summary = "The units' totals: all for the city's staff and leaders, and for everyone once published; "
            + "before that a county or station sees its own only")
    List<Evaluations.Standing> ranking(CurrentUser me, @PathVariable long id) {
        return evaluations.standings(me, id);
    }

    @GetMapping("/api/v1/evaluations/{id}/units/{unitId}")
    @Operation(summary = "A unit's score sheet; 404 for another county's or station's")
    Evaluations.Sheet sheet(CurrentUser me, @PathVariable long id, @PathVariable long unitId) {
        return evaluations.sheet(me, id, unitId);
    }

    @GetMapping("/api/v1/evaluations/{id}/units/{unitId}/scores/{scoreId}/records")
    @Operation(summary = "The records behind a computed score, as frozen when it was computed")
    List<Evaluations.SourceRecord> records(CurrentUser me, @PathVariable long id, @PathVariable long unitId,
            @PathVariable long scoreId) {
        return evaluations.records(me, id, unitId, scoreId);
    }

    @PostMapping("/api/v1/evaluations/{id}/computation")
    @Operation(summary = "Compute every computed indicator for every unit at the cut-off (while the round is open)")
    Evaluations.Round compute(CurrentUser me, @PathVariable long id) {
        return evaluations.compute(me, id);
    }

    record ScoreRequest(BigDecimal score, String note) {
    }

    @PutMapping("/api/v1/evaluations/{id}/units/{unitId}/scores/{indicatorId}")
    @Operation(summary = "Score a hand-scored item of a unit (0 to the item's points), with a note")
    Evaluations.Score score(CurrentUser me, @PathVariable long id, @PathVariable long unitId,
            @PathVariable long indicatorId, @RequestBody ScoreRequest request) {
        return evaluations.score(me, id, unitId, indicatorId, request.score(), request.note());
    }

    record DeductionRequest(BigDecimal points, String reason) {
    }

    @PostMapping("/api/v1/evaluations/{id}/units/{unitId}/deductions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take points off a unit, with the reason")
    Evaluations.Deduction deduct(CurrentUser me, @PathVariable long id, @PathVariable long unitId,
            @RequestBody DeductionRequest request) {
        return evaluations.deduct(me, id, unitId, request.points(), request.reason());
    }

    @PostMapping("/api/v1/evaluations/{id}/review")
    @Operation(summary = "Open the review: every item must be scored; the units may object for the round's days")
    Evaluations.Round review(CurrentUser me, @PathVariable long id) {
        return evaluations.startReview(me, id);
    }

    record ObjectionRequest(long indicatorId, String reason) {
    }

    @PostMapping("/api/v1/evaluations/{id}/units/{unitId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A unit objects to one of its scores during the review (refused after its last day)")
    Evaluations.Objection object(CurrentUser me, @PathVariable long id, @PathVariable long unitId,
            @RequestBody ObjectionRequest request) {
        return evaluations.object(me, id, unitId, request.indicatorId(), request.reason());
    }

    @GetMapping("/api/v1/evaluations/{id}/objections")
    @Operation(summary = "The objections the caller may see, with their answers")
    List<Evaluations.Objection> objections(CurrentUser me, @PathVariable long id) {
        return evaluations.objections(me, id);
    }

    @PostMapping("/api/v1/evaluations/{id}/objections/{objectionId}/reply")
    @Operation(summary = "Answer an objection")
    Evaluations.Objection reply(CurrentUser me, @PathVariable long id, @PathVariable long objectionId,
            @RequestBody Map<String, String> body) {
        return evaluations.reply(me, id, objectionId, body.get("reply"));
    }

    @PostMapping("/api/v1/evaluations/{id}/approval")
    @Operation(summary = "Approve the round (every objection answered) and rank the units")
    Evaluations.Round approve(CurrentUser me, @PathVariable long id) {
        return evaluations.approve(me, id);
    }

    record ProposalRequest(Long honourRoundId, Integer count) {
    }

    @PostMapping("/api/v1/evaluations/{id}/proposals")
    @Operation(summary = "Propose the stations ranked within count (default 3) of an approved or published station "
            + "round as 先进工作站 candidates of an open honour round; answers the names proposed")
    List<String> propose(CurrentUser me, @PathVariable long id, @RequestBody ProposalRequest request) {
        return evaluations.proposeStations(me, id, request.honourRoundId(), request.count());
    }

    @PostMapping("/api/v1/evaluations/{id}/publication")
    @Operation(summary = "Publish the approved ranking to every unit")
    Evaluations.Round publish(CurrentUser me, @PathVariable long id) {
        return evaluations.publish(me, id);
    }
}
