package org.yiyong.deeds.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.PageSteps;

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

    DeedController(DeedIntake intake, DeedQueries queries, DeedPages pages) {
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
