package org.yiyong.honours.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /** The items of one kind: how many, and those the page lists. */
    record Group(Guarantees.Kind kind, int count, List<Guarantees.Item> shown) {
    }

    @GetMapping("/guarantees")
    String page(CurrentUser me, Model model) {
        List<Guarantees.Item> items = guarantees.items(me);
        Map<Guarantees.Kind, List<Guarantees.Item>> byKind = new EnumMap<>(Guarantees.Kind.class);
        items.forEach(item -> byKind.computeIfAbsent(item.kind(), kind -> new ArrayList<>()).add(item));
        model.addAttribute("items", items);
        model.addAttribute("groups", byKind.values().stream().map(list -> new Group(list.get(0).kind(), list.size(),
                list.subList(0, Math.min(SHOWN, list.size())))).toList());
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
