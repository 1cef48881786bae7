package org.yiyong.leads.web;

import java.util.List;
import org.springframework.beans.BeanWrapperImpl;
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
import org.yiyong.deeds.Harm;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.PossibleDuplicates;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.leads.LeadQueries;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.LeadFilter;
import org.yiyong.leads.internal.LeadStatus;
import org.yiyong.leads.internal.LeadTriage;
import org.yiyong.organization.Region;
import org.yiyong.organization.RegionLevel;
import org.yiyong.organization.Regions;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;
import org.yiyong.web.PageSteps;

/** Staff pages for leads: the list of the caller's scope, a lead with its files, and its triage. */
@Controller
@RequestMapping("/leads")
class LeadController {

    private static final String LIST_VIEW = "leads/list";
    private static final String DETAIL_VIEW = "leads/detail";
    private static final String ACCEPTANCE_VIEW = "leads/acceptance";

    private final LeadTriage triage;
    private final LeadQueries queries;
    private final Regions regions;
    private final Attachments attachments;

    LeadController(LeadTriage triage, LeadQueries queries, Regions regions, Attachments attachments) {
        this.triage = triage;
        this.queries = queries;
        this.regions = regions;
        this.attachments = attachments;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) LeadStatus status, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page, Model model) {
        LeadFilter filter = new LeadFilter(q, status, region);
        model.addAttribute("filter", filter);
        model.addAttribute("page", queries.search(me.scope(), filter, new PageRequest(page, 20)));
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("regions", countyRegions(me));
        return LIST_VIEW;
    }

    @GetMapping("/{id}")
    String show(CurrentUser me, @PathVariable long id, Model model) {
        Lead lead = triage.get(me, id);
        model.addAttribute("lead", lead);
        model.addAttribute("regionName", regions.nameOf(lead.getRegionCode()));
        model.addAttribute("attachments", attachments.list(me, LeadTriage.ENTITY, id));
        return DETAIL_VIEW;
    }

    @PostMapping("/{id}/take-up")
    String takeUp(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        triage.takeUp(me, id);
        redirect.addFlashAttribute("success", "lead.taken-up");
        return "redirect:/leads/" + id;
    }

    @GetMapping("/{id}/acceptance")
    String initAcceptance(CurrentUser me, @PathVariable long id, Model model) {
        Lead lead = triage.get(me, id);
        lead.requireOpen();
        model.addAttribute("form", AcceptanceForm.from(lead));
        return acceptance(lead, model);
    }

    @PostMapping("/{id}/acceptance")
    String processAcceptance(CurrentUser me, @PathVariable long id, @ModelAttribute("form") AcceptanceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                triage.accept(me, id, form.toAcceptance());
                redirect.addFlashAttribute("success", "lead.accepted");
                return "redirect:/leads/" + id;
            } catch (InvalidField invalid) {
                reject(result, form, invalid);
            } catch (PossibleDuplicates duplicates) {
                model.addAttribute("duplicates", duplicates.numbers());
            }
        }
        return acceptance(triage.get(me, id), model);
    }

    @PostMapping("/{id}/merge")
    String merge(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String deedNumber,
            RedirectAttributes redirect) {
        try {
            triage.merge(me, id, deedNumber);
            redirect.addFlashAttribute("success", "lead.merged");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("deedNumber", deedNumber);
            return PageSteps.refused(redirect, invalid, "/leads/" + id);
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/rejection")
    String rejectLead(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            triage.reject(me, id, reason);
            redirect.addFlashAttribute("success", "lead.rejected");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("reason", reason);
            return PageSteps.refused(redirect, invalid, "/leads/" + id);
        }
        return "redirect:/leads/" + id;
    }

    /** A refusal on a field of the form lands there; one on anything else (the region) at the top. */
    private static void reject(BindingResult result, AcceptanceForm form, InvalidField invalid) {
        if (new BeanWrapperImpl(form).isReadableProperty(invalid.field())) {
            result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
        } else {
            result.reject(invalid.messageKey(), invalid.arguments(), null);
        }
    }

    private String acceptance(Lead lead, Model model) {
        model.addAttribute("lead", lead);
        model.addAttribute("regionName", regions.nameOf(lead.getRegionCode()));
        model.addAttribute("categories", DeedCategory.values());
        model.addAttribute("roles", ParticipantRole.values());
        model.addAttribute("harms", Harm.values());
        return ACCEPTANCE_VIEW;
    }

    private List<Region> countyRegions(CurrentUser me) {
        return regions.within(me.scope()).stream()
                .filter(r -> r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.FUNCTIONAL_AREA)
                .toList();
    }
}
