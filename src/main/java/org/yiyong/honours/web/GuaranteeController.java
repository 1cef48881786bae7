package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.honours.Guarantees;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.InvalidField;

/** The guarantees view (不迟奖、不漏奖、不错奖) as a page and as JSON. */
@Controller
@Tag(name = "honours")
class GuaranteeController {

    private final Guarantees guarantees;

    GuaranteeController(Guarantees guarantees) {
        this.guarantees = guarantees;
    }

    @GetMapping("/guarantees")
    String page(CurrentUser me, Model model) {
        List<Guarantees.Item> items = guarantees.items(me);
        model.addAttribute("items", items);
        model.addAttribute("kinds", Guarantees.Kind.values());
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

    @GetMapping(path = "/api/v1/guarantees", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Missed, late and wrong awards in the caller's data scope")
    List<Guarantees.Item> items(CurrentUser me) {
        return guarantees.items(me);
    }

    @PostMapping(path = "/api/v1/guarantees/resolutions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Put an item aside with the reason it is in order")
    ResponseEntity<Void> resolveJson(CurrentUser me, @RequestBody ResolutionRequest request) {
        guarantees.resolve(me, request.kind(), request.subject(), request.reason());
        return ResponseEntity.noContent().build();
    }

    record ResolutionRequest(Guarantees.Kind kind, String subject, String reason) {
    }
}
