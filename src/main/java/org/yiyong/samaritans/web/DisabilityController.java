package org.yiyong.samaritans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.internal.Disability;
import org.yiyong.samaritans.internal.NewDisabilityApplication;
import org.yiyong.samaritans.internal.PensionStandard;
import org.yiyong.samaritans.internal.PensionStandards;
import org.yiyong.shared.InvalidField;
import org.yiyong.web.PageSteps;

/**
 * The disability section of a samaritan's profile (its forms post here and come back to the profile)
 * and the page of pension standards.
 */
@Controller
class DisabilityController {

    private static final String STANDARDS = "samaritans/pension-standards";

    private final Disability disability;
    private final PensionStandards standards;
    private final Clock clock;

    DisabilityController(Disability disability, PensionStandards standards, Clock clock) {
        this.disability = disability;
        this.standards = standards;
        this.clock = clock;
    }

    @PostMapping("/samaritans/{id}/disability/cases")
    String apply(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate injuredOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appliedOn,
            @RequestParam(required = false) String lateException, RedirectAttributes redirect) {
        return step(redirect, id, "disability.applied",
                () -> disability.apply(me, id, new NewDisabilityApplication(injuredOn, appliedOn, lateException)));
    }

    @PostMapping("/samaritans/{id}/disability/cases/{caseId}/posting")
    String post(CurrentUser me, @PathVariable long id, @PathVariable long caseId,
            @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postingStart,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postingEnd,
            RedirectAttributes redirect) {
        return step(redirect, id, "disability.posted",
                () -> disability.post(me, id, caseId, grade, postingStart, postingEnd));
    }

    @PostMapping("/samaritans/{id}/disability/cases/{caseId}/approval")
    String approve(CurrentUser me, @PathVariable long id, @PathVariable long caseId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
            @RequestParam(required = false) String approvedBy,
            @RequestParam(required = false) String certificateNumber, RedirectAttributes redirect) {
        return step(redirect, id, "disability.approved",
                () -> disability.approve(me, id, caseId, approvedOn, approvedBy, certificateNumber));
    }

    @PostMapping("/samaritans/{id}/disability/cases/{caseId}/rejection")
    String reject(CurrentUser me, @PathVariable long id, @PathVariable long caseId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(redirect, id, "disability.rejected", () -> disability.reject(me, id, caseId, reason));
    }

    @PostMapping("/samaritans/{id}/disability/pensions")
    String schedule(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer year,
            RedirectAttributes redirect) {
        return outcome(redirect, id, () -> disability.schedule(me, id, year).created()
                ? "disability.pension.scheduled" : "disability.pension.already-scheduled");
    }

    @PostMapping("/samaritans/{id}/disability/pensions/{year}/payment")
    String paid(CurrentUser me, @PathVariable long id, @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) String paidBy, @RequestParam(required = false) String reference,
            RedirectAttributes redirect) {
        return step(redirect, id, "disability.pension.paid",
                () -> disability.recordPayment(me, id, year, paidOn, paidBy, reference));
    }

    @PostMapping("/samaritans/{id}/disability/pensions/{year}/stop")
    String stop(CurrentUser me, @PathVariable long id, @PathVariable int year,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(redirect, id, "disability.pension.stopped", () -> disability.stopPension(me, id, year, reason));
    }

    @GetMapping("/pension-standards")
    String standards(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : Math.max(2000, Math.min(year, 2100));
        List<PensionStandard> rows = standards.year(shown);
        model.addAttribute("year", shown);
        model.addAttribute("standards", rows);
        model.addAttribute("grades", java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList());
        model.addAttribute("amounts", byGrade(rows));
        Map<Integer, PensionStandard> rowsByGrade = new HashMap<>();
        rows.forEach(row -> rowsByGrade.put(row.grade(), row));
        model.addAttribute("rows", rowsByGrade);
        model.addAttribute("previous", byGrade(standards.year(shown - 1)));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return STANDARDS;
    }

    @PostMapping("/pension-standards")
    String saveStandards(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<Integer, String> amounts = new HashMap<>();
        for (int grade = 1; grade <= 10; grade++) {
            amounts.put(grade, form.get("grade" + grade));
        }
        try {
            standards.setYear(me, year, amounts);
            redirect.addFlashAttribute("success", "disability.standard.saved");
            return "redirect:/pension-standards?year=" + year;
        } catch (InvalidField invalid) {
            model.addAttribute("failure", invalid.messageKey());
            model.addAttribute("failureArgs", invalid.arguments());
            model.addAttribute("invalidField", invalid.field());
            model.addAttribute("typed", amounts);
            return standards(year, model);
        }
    }

    private static Map<Integer, String> byGrade(List<PensionStandard> rows) {
        Map<Integer, String> amounts = new HashMap<>();
        rows.forEach(row -> amounts.put(row.grade(), row.annualAmount().toPlainString()));
        return amounts;
    }

    private String step(RedirectAttributes redirect, long id, String success, Runnable action) {
        return PageSteps.step(redirect, "/samaritans/" + id + "#disability", success, action);
    }

    /** Runs a step and comes back to the profile's disability section, saying how it went. */
    private String outcome(RedirectAttributes redirect, long id, Supplier<String> action) {
        return PageSteps.outcome(redirect, "/samaritans/" + id + "#disability", action);
    }
}
