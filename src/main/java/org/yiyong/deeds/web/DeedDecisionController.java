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
import org.yiyong.deeds.DeedNotice;
import org.yiyong.deeds.internal.DeedDecisions;
import org.yiyong.deeds.internal.Outcome;
import org.yiyong.identity.CurrentUser;

/**
 * Steps of a deed's case file from public notice to decision: the notice started, objections resolved, the
 * notice closed, the hearing notified and answered, and the decision per actor.
 */
@Controller
@RequestMapping("/deeds")
class DeedDecisionController {

    private final DeedNotice notice;
    private final DeedDecisions decisions;

    DeedDecisionController(DeedNotice notice, DeedDecisions decisions) {
        this.notice = notice;
        this.decisions = decisions;
    }

    @PostMapping("/{id}/notice")
    String startNotice(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.notice.started", () -> notice.start(me, id, start));
    }

    @PostMapping("/{id}/objections/{objectionId}/resolution")
    String resolveObjection(CurrentUser me, @PathVariable long id, @PathVariable long objectionId,
            @RequestParam(required = false) String resolution, RedirectAttributes redirect) {
        return step(redirect, id, "deed.objection.resolved", () -> notice.resolve(me, id, objectionId, resolution));
    }

    @PostMapping("/{id}/notice/close")
    String closeNotice(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, id, "deed.notice.closed", () -> notice.close(me, id));
    }

    @PostMapping("/{id}/hearing")
    String notifyHearing(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate notifiedOn,
            @RequestParam(required = false) String grounds, @RequestParam(required = false) String legalBasis,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.hearing.notified",
                () -> decisions.notifyHearing(me, id, notifiedOn, grounds, legalBasis));
    }

    @PostMapping("/{id}/hearing/answer")
    String answerHearing(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
            @RequestParam(required = false) String statement, @RequestParam(defaultValue = "false") boolean waived,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.hearing.answered",
                () -> decisions.answerHearing(me, id, answeredOn, statement, waived));
    }

    @PostMapping("/{id}/decision")
    String decide(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        List<DeedDecisions.ActorOutcome> outcomes = new ArrayList<>();
        params.forEach((name, value) -> {
            if (name.startsWith("outcome_") && !value.isBlank()) {
                String participant = name.substring("outcome_".length());
                try {
                    outcomes.add(new DeedDecisions.ActorOutcome(Long.valueOf(participant), Outcome.valueOf(value),
                            params.get("reason_" + participant)));
                } catch (IllegalArgumentException ignored) {
                    // a tampered field: the actor then counts as without a decision
                }
            }
        });
        return step(redirect, id, "deed.decided", () -> decisions.decide(me, id, decidedOn, outcomes));
    }
}
