package org.yiyong.honours.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.honours.Guarantees;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.InvalidField;

/** The guarantees view (不迟奖、不漏奖、不错奖) as a page. */
@Controller
class GuaranteeController {

    private final Guarantees guarantees;

    GuaranteeController(Guarantees guarantees) {
        this.guarantees = guarantees;
    }

    /** How many items of a kind the page lists, the longest waiting first; the API has them all. */
    static final int SHOWN = 200;

    @GetMapping("/guarantees")
    String page(CurrentUser me, Model model) {
        model.addAttribute("groups", guarantees.waiting(me, SHOWN));
        model.addAttribute("shown", SHOWN);
        return "honours/guarantees";
    }

    @PostMapping("/guarantees/resolutions")
    String resolve(CurrentUser me, @RequestParam(required = false) Guarantees.Kind kind,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            guarantees.resolve(me, kind, subject, reason);
            redirect.addFlashAttribute("success", "guarantee.resolved");
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("failure", invalid.messageKey());
        }
        return "redirect:/guarantees";
    }
}
