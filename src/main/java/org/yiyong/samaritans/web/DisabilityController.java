package org.yiyong.samaritans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.samaritans.internal.Disability;
import org.yiyong.samaritans.internal.NewDisabilityApplication;
import org.yiyong.samaritans.internal.PensionRoll;
import org.yiyong.samaritans.internal.PensionStandard;
import org.yiyong.samaritans.internal.PensionStandards;
import org.yiyong.samaritans.internal.PensionStatus;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.PageSteps;
import org.yiyong.web.Registers;

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

    private final PensionRoll roll;
    private final Regions regions;
    private final Registers registers;

    DisabilityController(Disability disability, PensionStandards standards, Clock clock, PensionRoll roll,
            Regions regions, Registers registers) {
        this.roll = roll;
        this.regions = regions;
        this.registers = registers;
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

    /** 伤残抚恤金年度发放表: the year's pension lines, this year by default. */
    @GetMapping("/pensions")
    String pensionRoll(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String region, @RequestParam(required = false) PensionStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("roll", roll.of(me, shown, region, status, new PageRequest(page, LINES_PER_PAGE)));
        model.addAttribute("region", region);
        model.addAttribute("status", status);
        model.addAttribute("statuses", PensionStatus.values());
        model.addAttribute("regions", regions.within(me.scope()));
        return "samaritans/pensions";
    }

    /** The year's pension lines as shown, all its pages, as a register (台账), written as they are read. */
    @GetMapping("/pensions/register.xlsx")
    ResponseEntity<Resource> pensionRegister(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String region, @RequestParam(required = false) PensionStatus status) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        return registers.download("PensionPayment", shown + "年伤残抚恤金发放表", shown + "年伤残抚恤金发放表",
                java.util.Arrays.asList(Registers.filter("年度", shown),
                        Registers.filter("地区", region == null || region.isBlank() ? me.regionName() : regions.nameOf(region)),
                        Registers.filter("状态", status == null ? null
                                : registers.label("disability.pension.status." + status))),
                me.displayName(), LocalDate.now(clock), PENSION_COLUMNS,
                out -> roll.each(me, shown, region, status, Registers.MAX_LINES, l -> out.accept(java.util.Arrays.asList(
                        l.number(), l.name(), l.regionName(), l.grade(), l.months(), l.annualAmount(), l.amount(),
                        registers.label("disability.pension.status." + l.status()), l.paidOn(), l.paidBy(),
                        l.paymentReference(), l.note()))));
    }

    /** the pension lines shown a page at a time */
    private static final int LINES_PER_PAGE = 100;

    private static final List<Registers.Column> PENSION_COLUMNS = List.of(new Registers.Column("档案号", 16),
            new Registers.Column("姓名", 10), new Registers.Column("地区", 10), new Registers.Column("伤残等级", 10),
            new Registers.Column("月数", 8), new Registers.Column("年标准（元）", 14), new Registers.Column("应发金额（元）", 14),
            new Registers.Column("状态", 10), new Registers.Column("发放日期", 12), new Registers.Column("发放单位", 20),
            new Registers.Column("发放凭证号", 20), new Registers.Column("备注", 24));

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
