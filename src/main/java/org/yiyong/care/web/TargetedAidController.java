package org.yiyong.care.web;

import static org.yiyong.web.PageSteps.step;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.care.internal.TargetedAid;
import org.yiyong.care.internal.TargetedAidApplication;
import org.yiyong.identity.CurrentUser;

/** The targeted aid page: the applications with their outcome and the money received, and the forms. */
@Controller
class TargetedAidController {

    private final TargetedAid targetedAid;

    private final Clock clock;

    TargetedAidController(TargetedAid targetedAid, Clock clock) {
        this.clock = clock;
        this.targetedAid = targetedAid;
    }

    @GetMapping("/targeted-aid")
    String list(CurrentUser me, @RequestParam(required = false) TargetedAidApplication.Status status,
            @RequestParam(required = false) TargetedAidApplication.Body appliedTo,
            @RequestParam(required = false) Long samaritanId, Model model) {
        model.addAttribute("lines", targetedAid.list(me, status, appliedTo));
        model.addAttribute("status", status);
        model.addAttribute("appliedTo", appliedTo);
        model.addAttribute("samaritanId", samaritanId);
        model.addAttribute("statuses", TargetedAidApplication.Status.values());
        model.addAttribute("bodies", TargetedAidApplication.Body.values());
        model.addAttribute("reasons", TargetedAidApplication.Reason.values());
        model.addAttribute("statistics", targetedAid.statistics(me));
        model.addAttribute("today", LocalDate.now(clock));
        return "care/targeted-aid";
    }

    @PostMapping("/targeted-aid")
    String submit(CurrentUser me, @RequestParam(required = false) Long samaritanId,
            @RequestParam(required = false) TargetedAidApplication.Body appliedTo,
            @RequestParam(required = false) TargetedAidApplication.Reason reason,
            @RequestParam(required = false) BigDecimal amountAsked, @RequestParam(required = false) String narrative,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appliedOn,
            RedirectAttributes redirect) {
        return step(redirect, "/targeted-aid", "targeted-aid.submitted", () -> targetedAid.submit(me,
                new TargetedAid.NewApplication(samaritanId, appliedTo, reason, amountAsked, narrative, appliedOn)));
    }

    @PostMapping("/targeted-aid/{id}/grant")
    String grant(CurrentUser me, @PathVariable long id, @RequestParam(required = false) BigDecimal amountGranted,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(required = false) String decisionDocument, RedirectAttributes redirect) {
        return step(redirect, "/targeted-aid", "targeted-aid.granted",
                () -> targetedAid.grant(me, id, amountGranted, decidedOn, decisionDocument));
    }

    @PostMapping("/targeted-aid/{id}/refusal")
    String refuse(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            RedirectAttributes redirect) {
        return step(redirect, "/targeted-aid", "targeted-aid.not-granted",
                () -> targetedAid.notGranted(me, id, reason, decidedOn));
    }

    @PostMapping("/targeted-aid/{id}/receipt")
    String receipt(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) BigDecimal amountReceived, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(redirect, "/targeted-aid", "targeted-aid.received",
                () -> targetedAid.received(me, id, receivedOn, amountReceived, note));
    }
}
