package org.yiyong.notifications.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.notifications.Notifications;
import org.yiyong.shared.PageRequest;

/**
 * The messages Yiyong sent out (SMS, e-mail), for the system administrator: each with its status, tries and
 * the provider's last words, and a failed one sent again once the provider works.
 */
@Controller
class OutboundController {

    private final Notifications notifications;

    OutboundController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/messages/outbound")
    String page(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("status", status != null && Notifications.STATUSES.contains(status) ? status : null);
        model.addAttribute("statuses", Notifications.STATUSES);
        model.addAttribute("counts", notifications.outboundCounts());
        model.addAttribute("messages", notifications.outbound(status, PageRequest.of(page, 50)));
        return "notifications/outbound";
    }

    @PostMapping("/messages/outbound/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        notifications.retry(id);
        redirect.addFlashAttribute("success", "outbound.retried");
        return "redirect:/messages/outbound?status=PENDING";
    }
}
