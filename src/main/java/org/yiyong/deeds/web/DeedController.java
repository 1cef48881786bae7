package org.yiyong.deeds.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedFilter;
import org.yiyong.deeds.DeedIntake;
import org.yiyong.deeds.DeedQueries;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.deeds.PossibleDuplicates;
import org.yiyong.deeds.internal.Deed;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.Regions;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.PageSteps;
import org.yiyong.web.Registers;

/**
 * Deed pages: the list, the intake form, the case file with its acceptance (or refusal), extension of the
 * decision deadline and requests for missing documents.
 */
@Controller
@RequestMapping("/deeds")
class DeedController {

    private static final String LIST_VIEW = "deeds/list";

    private final DeedIntake intake;
    private final DeedQueries queries;
    private final DeedPages pages;

    private final Registers registers;
    private final Clock clock;

    private final Regions regions;

    DeedController(DeedIntake intake, DeedQueries queries, DeedPages pages, Registers registers,
            Clock clock, Regions regions) {
        this.regions = regions;
        this.registers = registers;
        this.clock = clock;
        this.intake = intake;
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) DeedStatus status, @RequestParam(required = false) DeedCategory category,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
            Model model) {
        DeedFilter filter = new DeedFilter(q, status, category, region, from, to, overdue);
        model.addAttribute("filter", filter);
        model.addAttribute("page", queries.search(me.scope(), filter, new PageRequest(page, 20)));
        model.addAttribute("statuses", DeedStatus.values());
        model.addAttribute("categories", DeedCategory.values());
        model.addAttribute("regions", pages.countyRegions(me));
        return LIST_VIEW;
    }

    /** The list as filtered, all its pages, as the register of deeds (案件台账). */
    @GetMapping("/register.xlsx")
    ResponseEntity<Resource> export(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) DeedStatus status, @RequestParam(required = false) DeedCategory category,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean overdue) {
        DeedFilter filter = new DeedFilter(q, status, category, region, from, to, overdue);
        return registers.download(DeedIntake.ENTITY, "案件台账", "见义勇为案件台账", Arrays.asList(
                Registers.filter("地区", region == null || region.isBlank() ? me.regionName() : regions.nameOf(region)),
                Registers.filter("状态", status == null ? null : registers.label("deed.status." + status)),
                Registers.filter("类别", category == null ? null : registers.label("deed.category." + category)),
                Registers.filter("发生日期自", from), Registers.filter("至", to),
                overdue ? "仅逾期未决定" : null, Registers.filter("查询", q)),
                me.displayName(), LocalDate.now(clock), REGISTER_COLUMNS,
                out -> queries.register(me.scope(), filter, Registers.MAX_LINES, d -> out.accept(Arrays.asList(
                        d.number(), d.title(), registers.label("deed.category." + d.category()),
                        registers.label("deed.source." + d.source()), d.regionName(),
                        d.occurredAt() == null ? null : d.occurredAt().toLocalDate(), d.address(), d.actors(),
                        d.receivedOn(), d.acceptedOn(), d.decisionDueOn(), d.decidedOn(), d.decisionNumber(),
                        d.confirmed(), d.refused(), registers.label("deed.status." + d.status())))));
    }

    private static final List<Registers.Column> REGISTER_COLUMNS = List.of(new Registers.Column("案件编号", 22),
            new Registers.Column("事迹", 30), new Registers.Column("类别", 16), new Registers.Column("来源", 12),
            new Registers.Column("地区", 10), new Registers.Column("发生日期", 12), new Registers.Column("发生地点", 24),
            new Registers.Column("行为人", 20), new Registers.Column("收到日期", 12), new Registers.Column("受理日期", 12),
            new Registers.Column("办理期限", 12), new Registers.Column("决定日期", 12), new Registers.Column("决定书文号", 24),
            new Registers.Column("确认人数", 10), new Registers.Column("不予确认人数", 12), new Registers.Column("状态", 12));

    @GetMapping("/new")
    String initIntake(CurrentUser me, Model model) {
        DeedForm form = new DeedForm();
        form.setRegionCode(pages.countyRegions(me).size() == 1 ? pages.countyRegions(me).get(0).code() : null);
        model.addAttribute("form", form);
        return pages.form(me, model);
    }

    @PostMapping("/new")
    String processIntake(CurrentUser me, @ModelAttribute("form") DeedForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Deed deed = intake.register(me, form.toNewDeed());
                redirect.addFlashAttribute("success", "deed.registered");
                return "redirect:/deeds/" + deed.getId();
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            } catch (PossibleDuplicates duplicates) {
                model.addAttribute("duplicates", duplicates.numbers());
            }
        }
        return pages.form(me, model);
    }

    @GetMapping("/{id}")
    String show(CurrentUser me, @PathVariable long id, Model model) {
        return pages.detail(me, id, intake.get(me, id), model);
    }

    @PostMapping("/{id}/accept")
    String accept(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acceptedOn,
            @RequestParam(required = false) String lateFilingApproval, RedirectAttributes redirect) {
        try {
            intake.accept(me, id, acceptedOn, lateFilingApproval);
            redirect.addFlashAttribute("success", "deed.accepted");
        } catch (InvalidField invalid) {
            return PageSteps.refused(redirect, invalid, "/deeds/" + id);
        }
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/extension")
    String extend(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String approvedBy,
            RedirectAttributes redirect) {
        try {
            intake.extendDeadline(me, id, days, reason, approvedBy);
            redirect.addFlashAttribute("success", "deed.extended");
        } catch (InvalidField invalid) {
            return PageSteps.refused(redirect, invalid, "/deeds/" + id);
        }
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/document-requests")
    String requestDocuments(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
            @RequestParam(required = false) String documents, RedirectAttributes redirect) {
        try {
            intake.requestDocuments(me, id, requestedOn, documents);
            redirect.addFlashAttribute("success", "deed.documents.requested");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", "deed.documents.required");
        }
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/document-requests/arrival")
    String documentsArrived(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivedOn,
            RedirectAttributes redirect) {
        intake.documentsArrived(me, id, arrivedOn);
        redirect.addFlashAttribute("success", "deed.documents.arrived");
        return "redirect:/deeds/" + id;
    }

    @PostMapping("/{id}/refuse")
    String refuse(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            intake.refuseToAccept(me, id, reason);
            redirect.addFlashAttribute("success", "deed.not-accepted");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", "deed.refuse.reason-required");
        }
        return "redirect:/deeds/" + id;
    }
}
