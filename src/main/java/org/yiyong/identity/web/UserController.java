package org.yiyong.identity.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.internal.UserAccount;
import org.yiyong.identity.internal.UserAdministration;
import org.yiyong.identity.internal.UserAdministration.NewAccount;
import org.yiyong.shared.InvalidField;

/** Account administration for the system and security administrators. */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class UserController {

    private static final String LIST_VIEW = "identity/users";
    private static final String NEW_VIEW = "identity/user-new";
    private static final String DETAIL_VIEW = "identity/user";

    private final UserAdministration administration;
    private final Clock clock;

    UserController(UserAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    String list(CurrentUser me, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("users", administration.search(me, q, PageRequest.of(Math.max(page, 0), 20)));
        model.addAttribute("now", clock.instant());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String initCreation(CurrentUser me, Model model) {
        model.addAttribute("form", UserForms.NewUser.empty());
        model.addAttribute("organizations", administration.organizationsFor(me));
        return NEW_VIEW;
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String processCreation(CurrentUser me, @Valid @ModelAttribute("form") UserForms.NewUser form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                UserAccount created = administration.create(me, new NewAccount(form.username(), form.displayName(),
                        form.organizationId(), form.initialPassword()));
                redirect.addFlashAttribute("success", "user.created");
                return "redirect:/users/" + created.getId();
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            }
        }
        model.addAttribute("organizations", administration.organizationsFor(me));
        return NEW_VIEW;
    }

    @GetMapping("/{id}")
    String show(CurrentUser me, @PathVariable long id, Model model) {
        UserAccount account = administration.get(me, id);
        model.addAttribute("account", account);
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForms.EditUser(account.getDisplayName(), account.getOrganizationId(),
                    account.isEnabled(), account.getVersion()));
        }
        var organizations = administration.organizationsFor(me);
        model.addAttribute("organizations", organizations);
        // an organization that is no longer offered (deactivated) stays selected rather than silently replaced
        model.addAttribute("keptOrganization", organizations.stream()
                .anyMatch(o -> o.organizationId() == account.getOrganizationId()) ? null : account.getOrganizationId());
        model.addAttribute("allRoles", Role.values());
        return DETAIL_VIEW;
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String update(CurrentUser me, @PathVariable long id, @Valid @ModelAttribute("form") UserForms.EditUser form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.update(me, id, form.version(), form.displayName(), form.organizationId(),
                        form.enabled());
                redirect.addFlashAttribute("success", "saved");
                return "redirect:/users/" + id;
            } catch (InvalidField invalid) {
                result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            }
        }
        return show(me, id, model);
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String assignRoles(CurrentUser me, @PathVariable long id, @ModelAttribute UserForms.Roles form,
            RedirectAttributes redirect) {
        administration.assignRoles(me, id, form.version(), form.roles() == null ? Set.of() : form.roles());
        redirect.addFlashAttribute("success", "user.roles.saved");
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String unlock(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        administration.unlock(me, id);
        redirect.addFlashAttribute("success", "user.unlocked");
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(CurrentUser me, @PathVariable long id,
            @Valid @ModelAttribute("reset") UserForms.ResetPassword form, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("failure", "validation.required");
            return "redirect:/users/" + id;
        }
        try {
            administration.resetPassword(me, id, form.newPassword());
            redirect.addFlashAttribute("success", "user.password-reset");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", invalid.messageKey());
            redirect.addFlashAttribute("failureArgs", invalid.arguments());
        }
        return "redirect:/users/" + id;
    }
}
