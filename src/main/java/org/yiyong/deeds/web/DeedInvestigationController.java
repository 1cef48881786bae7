package org.yiyong.deeds.web;

import static org.yiyong.deeds.web.DeedPages.step;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.deeds.internal.DeedInvestigation;
import org.yiyong.deeds.internal.DeedReview;
import org.yiyong.deeds.internal.InvestigationRecord;
import org.yiyong.deeds.internal.Recommendation;
import org.yiyong.identity.CurrentUser;

/**
 * Steps of a deed's case file from investigation to review: the investigating organization assigned, what
 * the investigators recorded and reported, the review's opinions and its proposal.
 */
@Controller
@RequestMapping("/deeds")
class DeedInvestigationController {

    private final DeedInvestigation investigation;
    private final DeedReview review;

    DeedInvestigationController(DeedInvestigation investigation, DeedReview review) {
        this.investigation = investigation;
        this.review = review;
    }

    @PostMapping("/{id}/investigation")
    String assignInvestigation(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) Long organizationId, @RequestParam(required = false) String investigators,
            @RequestParam(required = false) String investigator, RedirectAttributes redirect) {
        return step(redirect, id, "deed.investigation.assigned",
                () -> investigation.assign(me, id, organizationId, investigators, investigator));
    }

    @PostMapping("/{id}/investigation/records")
    String recordInvestigation(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) InvestigationRecord.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedOn,
            @RequestParam(required = false) String summary, RedirectAttributes redirect) {
        return step(redirect, id, "deed.investigation.recorded",
                () -> investigation.record(me, id, kind, recordedOn, summary));
    }

    @PostMapping("/{id}/investigation/report")
    String report(CurrentUser me, @PathVariable long id, @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.investigation.reported",
                () -> investigation.report(me, id, params.get("summary"), perActor(params)));
    }

    @PostMapping("/{id}/review/opinions")
    String recordOpinion(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String opinion,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.review.opinion-recorded", () -> review.recordOpinion(me, id, opinion));
    }

    @PostMapping("/{id}/review/proposal")
    String propose(CurrentUser me, @PathVariable long id, @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.review.proposed", () -> review.propose(me, id, perActor(params)));
    }

    /** The outcome_{participant} and reason_{participant} fields of a per-actor form. */
    private static List<DeedInvestigation.ActorRecommendation> perActor(Map<String, String> params) {
        List<DeedInvestigation.ActorRecommendation> recommendations = new ArrayList<>();
        params.forEach((name, value) -> {
            if (name.startsWith("outcome_") && !value.isBlank()) {
                String participant = name.substring("outcome_".length());
                try {
                    recommendations.add(new DeedInvestigation.ActorRecommendation(Long.valueOf(participant),
                            Recommendation.valueOf(value), params.get("reason_" + participant)));
                } catch (IllegalArgumentException ignored) {
                    // a tampered field name or value: the actor then counts as without recommendation
                }
            }
        });
        return recommendations;
    }
}
