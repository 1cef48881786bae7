package org.yiyong.honours.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.honours.internal.TransitCards;
import org.yiyong.identity.CurrentUser;
import org.yiyong.web.PageSteps;

/** 见义勇为卡: issued and returned from the samaritan's profile. */
@Controller
class TransitCardController {

    private final TransitCards cards;

    TransitCardController(TransitCards cards) {
        this.cards = cards;
    }

    @PostMapping("/honours/transit-cards")
    String issue(CurrentUser me, @RequestParam long samaritanId, @RequestParam(required = false) Long relativeId,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/samaritans/" + samaritanId, "transit-card.issued",
                () -> cards.issue(me, samaritanId, relativeId));
    }

    @PostMapping("/honours/transit-cards/{id}/return")
    String returnCard(CurrentUser me, @PathVariable long id, @RequestParam long samaritanId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/samaritans/" + samaritanId, "transit-card.returned",
                () -> cards.returnCard(me, id, returnedOn, reason));
    }
}
