package org.yiyong.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.internal.AccessTokenService;
import org.yiyong.identity.internal.AccessTokenService.IssuedToken;
import org.yiyong.identity.internal.AccountDirectory;
import org.yiyong.identity.internal.PasswordPolicy;
import org.yiyong.identity.internal.UserAccount;
import org.yiyong.identity.internal.UserAdministration;
import org.yiyong.identity.internal.UserAdministration.PasswordChanged;
import org.yiyong.shared.InvalidField;

/** The signed-in user's own account: password, contact and personal access tokens. */
@Controller
class AccountController {

    private static final String PASSWORD_VIEW = "identity/password";
    private static final String TOKENS_VIEW = "identity/tokens";
    private static final String CONTACT_VIEW = "identity/contact";

    private final UserAdministration administration;
    private final AccessTokenService tokens;
    private final AccountDirectory directory;
    private final SecurityContextRepository contexts;
    private final PasswordPolicy policy;

    AccountController(UserAdministration administration, AccessTokenService tokens, AccountDirectory directory,
            SecurityContextRepository contexts, PasswordPolicy policy) {
        this.administration = administration;
        this.tokens = tokens;
        this.directory = directory;
        this.contexts = contexts;
        this.policy = policy;
    }

    @GetMapping("/account/password")
    String initPasswordChange(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        addRules(model);
        return PASSWORD_VIEW;
    }

    @PostMapping("/account/password")
    String processPasswordChange(CurrentUser me, @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
            HttpServletResponse response) {
        addRules(model);
        if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("confirmPassword")
                && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        if (result.hasErrors()) {
            return PASSWORD_VIEW;
        }
        PasswordChanged changed;
        try {
            changed = administration.changeOwnPassword(me, form.currentPassword(), form.newPassword(),
                    request.getSession().getId(), form.keepsTokens());
        } catch (InvalidField invalid) {
            result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            return PASSWORD_VIEW;
        }
        directory.byId(me.id()).ifPresent(user -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        });
        redirect.addFlashAttribute("success", changed.tokensKept() ? "password.changed.tokens-kept"
                : "password.changed.tokens-revoked");
        redirect.addFlashAttribute("successArgs", new Object[] {changed.sessionsEnded(), changed.tokensRevoked()});
        return "redirect:/";
    }

    private void addRules(Model model) {
        Object[] rules = policy.messageArguments();
        model.addAttribute("minLength", rules[0]);
        model.addAttribute("maxLength", rules[1]);
        model.addAttribute("maxHanzi", rules[2]);
    }

    @GetMapping("/account/contact")
    String contact(CurrentUser me, Model model) {
        UserAccount account = administration.own(me);
        model.addAttribute("form", new ContactForm(account.getMobile(), account.getEmail(), account.isDigestByEmail(),
                account.isDigestBySms()));
        return CONTACT_VIEW;
    }

    @PostMapping("/account/contact")
    String changeContact(CurrentUser me, @ModelAttribute("form") ContactForm form, BindingResult result,
            RedirectAttributes redirect) {
        try {
            administration.changeOwnContact(me, form.contact());
        } catch (InvalidField invalid) {
            result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
            return CONTACT_VIEW;
        }
        redirect.addFlashAttribute("success", "contact.saved");
        return "redirect:/account/contact";
    }

    /** The contact form; an unticked box sends nothing. */
    record ContactForm(String mobile, String email, Boolean digestByEmail, Boolean digestBySms) {

        UserAdministration.Contact contact() {
            return new UserAdministration.Contact(mobile, email, Boolean.TRUE.equals(digestByEmail),
                    Boolean.TRUE.equals(digestBySms));
        }
    }

    @GetMapping("/account/tokens")
    String tokens(CurrentUser me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TokenForm.empty());
        }
        model.addAttribute("tokens", tokens.tokensOf(me));
        return TOKENS_VIEW;
    }

    @PostMapping("/account/tokens")
    String issueToken(CurrentUser me, @Valid @ModelAttribute("form") TokenForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("tokens", tokens.tokensOf(me));
            return TOKENS_VIEW;
        }
        IssuedToken issued = tokens.issue(me, form.name(), form.validDays());
        redirect.addFlashAttribute("issuedToken", issued.token());
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(me, id);
        redirect.addFlashAttribute("success", "token.revoked");
        return "redirect:/account/tokens";
    }
}
