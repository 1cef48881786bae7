package org.yiyong.organization.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationFilter;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.OrganizationView;
import org.yiyong.organization.Regions;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.PageRequest;

/** Organization pages: list, detail, create, edit, deactivate. */
@Controller
@RequestMapping("/organizations")
class OrganizationController {

    private static final String LIST_VIEW = "organization/list";
    private static final String ROWS_FRAGMENT = "organization/list :: rows";
    private static final String DETAIL_VIEW = "organization/detail";
    private static final String FORM_VIEW = "organization/form";

    private static final String ATTACHMENT_OWNER = "Organization";

    private final OrganizationManagement management;
    private final Regions regions;
    private final Attachments attachments;

    OrganizationController(OrganizationManagement management, Regions regions, Attachments attachments) {
        this.management = management;
        this.regions = regions;
        this.attachments = attachments;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(required = false) OrgType type, @RequestParam(required = false) String region,
            @RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
        OrganizationFilter filter = new OrganizationFilter(q, type, region, active);
        model.addAttribute("filter", filter);
        model.addAttribute("page", management.search(me.scope(), filter, new PageRequest(page, 20)));
        model.addAttribute("types", OrgType.values());
        model.addAttribute("regions", regions.within(me.scope()));
        return htmx != null && restore == null ? ROWS_FRAGMENT : LIST_VIEW;
    }

    @GetMapping("/{id}")
    String show(CurrentUser me, @PathVariable long id, Model model) {
        var organization = management.view(me, id);
        model.addAttribute("organization", organization);
        // the parent is linked only when the reader may open it (a county's staff do not see the city's bodies)
        model.addAttribute("parentOpen", organization.parentId() != null && management.find(organization.parentId())
                .filter(parent -> me.scope().covers(parent.regionCode())).isPresent());
        model.addAttribute("attachments", attachments.list(me, ATTACHMENT_OWNER, id));
        return DETAIL_VIEW;
    }

    @GetMapping("/new")
    String initCreation(CurrentUser me, Model model) {
        model.addAttribute("form", OrganizationForm.empty(me.regionCode()));
        return form(me, model, null);
    }

    @PostMapping("/new")
    String processCreation(CurrentUser me, @Valid @ModelAttribute("form") OrganizationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                OrganizationView created = management.create(me, form.code(), form.details());
                redirect.addFlashAttribute("success", "organization.created");
                return "redirect:/organizations/" + created.id();
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            }
        }
        return form(me, model, null);
    }

    @GetMapping("/{id}/edit")
    String initUpdate(CurrentUser me, @PathVariable long id, Model model) {
        OrganizationView organization = management.view(me, id);
        model.addAttribute("form", OrganizationForm.of(organization));
        return form(me, model, organization);
    }

    @PostMapping("/{id}/edit")
    String processUpdate(CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") OrganizationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        OrganizationView organization = management.view(me, id);
        if (!result.hasErrors()) {
            try {
                management.update(me, id, form.version(), form.details());
                redirect.addFlashAttribute("success", "saved");
                return "redirect:/organizations/" + id;
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            }
        }
        return form(me, model, organization);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        management.deactivate(me, id);
        redirect.addFlashAttribute("success", "organization.deactivated");
        return "redirect:/organizations/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        management.activate(me, id);
        redirect.addFlashAttribute("success", "organization.activated");
        return "redirect:/organizations/" + id;
    }

    private String form(CurrentUser me, Model model, OrganizationView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("types", OrgType.values());
        model.addAttribute("regions", regions.within(me.scope()));
        var parents = management.parentChoices(me.scope()).stream()
                .filter(parent -> existing == null || parent.id() != existing.id())
                .toList();
        model.addAttribute("parents", parents);
        // a parent outside the editor's scope is kept as it is, shown without its name
        boolean parentListed = existing == null || existing.parentId() == null
                || parents.stream().anyMatch(parent -> parent.id() == existing.parentId());
        model.addAttribute("keptParent", parentListed ? null : existing.parentId());
        return FORM_VIEW;
    }
}
