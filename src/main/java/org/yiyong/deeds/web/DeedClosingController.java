package org.yiyong.deeds.web;

import static org.yiyong.deeds.web.DeedPages.step;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.deeds.internal.DeedDecisions;
import org.yiyong.deeds.internal.DeliveryMethod;
import org.yiyong.deeds.internal.ReviewRequest;
import org.yiyong.identity.CurrentUser;

/**
 * Steps of a deed's case file after the decision: its delivery, requests for reconsideration or litigation
 * and their outcome, and closing the case.
 */
@Controller
@RequestMapping("/deeds")
class DeedClosingController {

    private final DeedDecisions decisions;

    DeedClosingController(DeedDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/{id}/delivery")
    String deliver(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
            @RequestParam(required = false) DeliveryMethod method, @RequestParam(required = false) String recipient,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.delivered", () -> decisions.deliver(me, id, deliveredOn, method, recipient));
    }

    @PostMapping("/{id}/review-requests")
    String requestReview(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) ReviewRequest.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
            @RequestParam(required = false) String requestedBy, @RequestParam(required = false) String grounds,
            RedirectAttributes redirect) {
        return step(redirect, id, "deed.challenge.recorded",
                () -> decisions.requestReview(me, id, kind, requestedOn, requestedBy, grounds));
    }

    @PostMapping("/{id}/review-requests/{requestId}/outcome")
    String concludeReview(CurrentUser me, @PathVariable long id, @PathVariable long requestId,
            @RequestParam(required = false) ReviewRequest.Result result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate outcomeOn,
            @RequestParam(required = false) String note, @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Set<Long> nowConfirmed = new HashSet<>();
        params.forEach((name, value) -> {
            if (name.startsWith("confirm_") && "true".equals(value)) {
                try {
                    nowConfirmed.add(Long.valueOf(name.substring("confirm_".length())));
                } catch (NumberFormatException ignored) {
                    // a tampered field name is ignored
                }
            }
        });
        return step(redirect, id, "deed.challenge.concluded",
                () -> decisions.concludeReview(me, id, requestId, result, outcomeOn, note, nowConfirmed));
    }

    @PostMapping("/{id}/close")
    String close(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, id, "deed.closed", () -> decisions.close(me, id));
    }
}
