package org.yiyong.honours.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.honours.internal.TitleCatalogue;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.DomainException;

/** The catalogue of titles with each title's reward standards over time; city staff add new standards. */
@Controller
class TitleController {

    private final TitleCatalogue catalogue;

    TitleController(TitleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/titles")
    String list(Model model) {
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("titles", catalogue.titles());
        return "honours/titles";
    }

    @PostMapping("/titles/{id}/standards")
    String addStandard(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            catalogue.addStandard(me, id, effectiveFrom, amount, note);
            redirect.addFlashAttribute("success", "honour.standard.added");
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.FORBIDDEN) {
                throw refused;
            }
            redirect.addFlashAttribute("failure", refused.messageKey());
            redirect.addFlashAttribute("failureArgs", refused.arguments());
        }
        return "redirect:/titles";
    }
}
