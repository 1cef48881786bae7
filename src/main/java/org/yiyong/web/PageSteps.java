package org.yiyong.web;

import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.shared.DomainException;
import org.yiyong.shared.InvalidField;

/**
 * A step taken from a page: it runs, and the browser is sent back to a page that says how it went —
 * flash attribute {@code success} with the step's message key, or {@code failure} and {@code failureArgs}
 * with the refusal's. A record that is not found or a step that is forbidden is not a refusal to show
 * on the page: it is thrown on, to be answered 404 or 403.
 */
public final class PageSteps {

    private PageSteps() {
    }

    /** Runs {@code action}, then redirects to {@code page} with {@code success} or the refusal as flash. */
    public static String step(RedirectAttributes redirect, String page, String success, Runnable action) {
        return outcome(redirect, page, () -> {
            action.run();
            return success;
        });
    }

    /**
     * Runs {@code action}, whose answer is the message key of how it went, then redirects to {@code page}
     * with that key or the refusal as flash.
     */
    public static String outcome(RedirectAttributes redirect, String page, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("success", action.get());
            return "redirect:" + page;
        } catch (DomainException refused) {
            return refused(redirect, refused, page);
        }
    }

    /**
     * Redirects back to {@code page} with the refusal's message key and arguments as flash; a
     * not-found or forbidden refusal is thrown on.
     */
    public static String refused(RedirectAttributes redirect, DomainException refused, String page) {
        if (refused.kind() == DomainException.Kind.NOT_FOUND || refused.kind() == DomainException.Kind.FORBIDDEN) {
            throw refused;
        }
        redirect.addFlashAttribute("failure", refused.messageKey());
        redirect.addFlashAttribute("failureArgs", refused.arguments());
        if (refused instanceof InvalidField invalid && invalid.field() != null) {
            // the page names the field the message is about: "受理日期：此项必须填写。"
            redirect.addFlashAttribute("failureField", invalid.field());
        }
        return "redirect:" + page;
    }
}
