package org.yiyong.samaritans.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.internal.Benefit;
import org.yiyong.samaritans.internal.Benefits;
import org.yiyong.samaritans.internal.Deaths;
import org.yiyong.samaritans.internal.MedicalCare;
import org.yiyong.samaritans.internal.MedicalExpense;
import org.yiyong.web.PageSteps;

/** Profile steps for death, hospital stays and benefits; each returns to the profile with what happened. */
@Controller
@RequestMapping("/samaritans/{id}")
class ProtectionController {

    private final Deaths deaths;
    private final MedicalCare medical;
    private final Benefits benefits;

    ProtectionController(Deaths deaths, MedicalCare medical, Benefits benefits) {
        this.deaths = deaths;
        this.medical = medical;
        this.benefits = benefits;
    }

    @PostMapping("/death")
    String death(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate diedOn,
            @RequestParam(required = false) Deaths.Determination determination,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(defaultValue = "false") boolean grantSurvivors, RedirectAttributes redirect) {
        return step(redirect, id, "death.recorded",
                () -> deaths.record(me, id, diedOn, determination, documentNumber, grantSurvivors));
    }

    @PostMapping("/death/martyr-decision")
    String martyr(CurrentUser me, @PathVariable long id, @RequestParam(defaultValue = "false") boolean approved,
            @RequestParam(required = false) String documentNumber, RedirectAttributes redirect) {
        return step(redirect, id, "death.recorded",
                () -> deaths.martyrDecision(me, id, approved, null, documentNumber));
    }

    @PostMapping("/hospital-stays")
    String admit(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String hospital,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate admittedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dischargedOn,
            @RequestParam(required = false) String diagnosis, RedirectAttributes redirect) {
        return step(redirect, id, "medical.recorded",
                () -> medical.admit(me, id, hospital, admittedOn, dischargedOn, diagnosis));
    }

    @PostMapping("/hospital-stays/{stayId}/expenses")
    String expense(CurrentUser me, @PathVariable long id, @PathVariable long stayId,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) MedicalExpense.Payer payer,
            RedirectAttributes redirect) {
        return step(redirect, id, "medical.recorded", () -> medical.addExpense(me, id, stayId, amount, payer, null, null));
    }

    @PostMapping("/benefits")
    String request(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Benefit.Kind kind,
            @RequestParam(required = false) String request, @RequestParam(required = false) String responsibleBody,
            RedirectAttributes redirect) {
        return step(redirect, id, "benefit.recorded",
                () -> benefits.request(me, id, kind, null, request, responsibleBody));
    }

    @PostMapping("/benefits/{benefitId}/status")
    String move(CurrentUser me, @PathVariable long id, @PathVariable long benefitId,
            @RequestParam(required = false) Benefit.Status status, @RequestParam(required = false) String outcome,
            RedirectAttributes redirect) {
        return step(redirect, id, "benefit.recorded", () -> benefits.move(me, id, benefitId, status, outcome));
    }

    private String step(RedirectAttributes redirect, long id, String success, Runnable action) {
        return PageSteps.step(redirect, "/samaritans/" + id, success, action);
    }
}
