package org.yiyong.care.web;

import static org.yiyong.web.PageSteps.step;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiyong.care.internal.StudentAid;
import org.yiyong.care.internal.StudentAidApplication;
import org.yiyong.care.internal.StudentAidRates;
import org.yiyong.care.internal.StudentAidYear;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SchoolStage;

/**
 * The student aid pages: a school year's round (the children listed with stage, rate and application,
 * the application form, the approval of the list), one application with its approval or refusal, the
 * rates per stage, and the cumulative statistics.
 */
@Controller
class StudentAidController {

    private final StudentAid studentAid;
    private final StudentAidRates rates;

    StudentAidController(StudentAid studentAid, StudentAidRates rates) {
        this.studentAid = studentAid;
        this.rates = rates;
    }

    @GetMapping("/student-aid")
    String round(CurrentUser me, @RequestParam(required = false) String year,
            @RequestParam(required = false) StudentAidApplication.Status status, Model model) {
        StudentAidYear schoolYear = year == null || year.isBlank() ? studentAid.currentYear()
                : StudentAidYear.parse("year", year);
        StudentAid.Round round = studentAid.round(me, schoolYear);
        model.addAttribute("round", round);
        model.addAttribute("year", schoolYear);
        model.addAttribute("status", status);
        model.addAttribute("children", round.children().stream()
                .filter(c -> status == null || c.applicationStatus() == status).toList());
        List<StudentAidYear> years = new ArrayList<>();
        for (int y = studentAid.currentYear().start() + 1; y >= StudentAidYear.FIRST; y--) {
            years.add(new StudentAidYear(y));
        }
        model.addAttribute("years", years);
        model.addAttribute("awaiting", studentAid.list(me, schoolYear, StudentAidApplication.Status.SUBMITTED));
        model.addAttribute("statuses", StudentAidApplication.Status.values());
        model.addAttribute("payers", StudentAidApplication.Payer.values());
        model.addAttribute("stages", StudentAidRates.STAGES);
        model.addAttribute("rateHistory", rates.history());
        model.addAttribute("statistics", studentAid.statistics(me));
        return "care/student-aid";
    }

    @PostMapping("/student-aid/applications")
    String submit(CurrentUser me, @RequestParam(required = false) Long relativeId,
            @RequestParam(required = false) String schoolYear, @RequestParam(required = false) String hardship,
            @RequestParam(required = false) String results, @RequestParam(required = false) String payeeName,
            @RequestParam(required = false) StudentAidApplication.Payer payer, RedirectAttributes redirect) {
        return step(redirect, roundPage(schoolYear), "student-aid.submitted", () -> studentAid.submit(me,
                new StudentAid.NewApplication(relativeId, schoolYear, hardship, results, payeeName, payer)));
    }

    @GetMapping("/student-aid/applications/{id}")
    String application(CurrentUser me, @PathVariable long id, Model model) {
        StudentAidApplication application = studentAid.get(me, id);
        model.addAttribute("aid", application);
        model.addAttribute("household", studentAid.householdOf(me, application));
        return "care/student-aid-application";
    }

    @PostMapping("/student-aid/applications/{id}/approval")
    String approve(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String decisionDocument,
            RedirectAttributes redirect) {
        return step(redirect, "/student-aid/applications/" + id, "student-aid.approved",
                () -> studentAid.approve(me, id, decisionDocument));
    }

    @PostMapping("/student-aid/applications/{id}/receipt")
    String received(CurrentUser me, @PathVariable long id, @RequestParam(required = false) LocalDate receivedOn,
            @RequestParam(required = false) BigDecimal amount, RedirectAttributes redirect) {
        return step(redirect, "/student-aid/applications/" + id, "student-aid.received",
                () -> studentAid.received(me, id, receivedOn, amount));
    }

    @PostMapping("/student-aid/applications/approval")
    String approveAll(CurrentUser me, @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) String decisionDocument, @RequestParam(required = false) String schoolYear,
            RedirectAttributes redirect) {
        return step(redirect, roundPage(schoolYear), "student-aid.approved-list",
                () -> studentAid.approveAll(me, ids, decisionDocument));
    }

    @PostMapping("/student-aid/applications/{id}/refusal")
    String refuse(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return step(redirect, "/student-aid/applications/" + id, "student-aid.refused",
                () -> studentAid.refuse(me, id, reason));
    }

    @PostMapping("/student-aid/rates")
    String setRate(CurrentUser me, @RequestParam(required = false) SchoolStage stage,
            @RequestParam(required = false) String schoolYear, @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return step(redirect, roundPage(schoolYear), "student-aid.rate.saved", () -> rates.set(me, stage,
                schoolYear == null || schoolYear.isBlank() ? null : StudentAidYear.parse("schoolYear", schoolYear),
                amount, note));
    }

    private static String roundPage(String schoolYear) {
        if (schoolYear == null || !schoolYear.strip().matches("\\d{4}(-\\d{4})?")) {
            return "/student-aid";
        }
        return UriComponentsBuilder.fromPath("/student-aid").queryParam("year", schoolYear.strip()).build().toUriString();
    }
}
