package org.yiyong.publicity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.deeds.DeedNotice;
import org.yiyong.shared.InvalidField;
import org.yiyong.web.PublicThrottle;

/**
 * The public notices of proposed confirmations, and the objection form; no sign-in needed. Objections
 * are throttled per client address.
 */
@Controller
class PublicNoticeController {

    private final DeedNotice notices;
    private final PublicThrottle throttle;

    PublicNoticeController(DeedNotice notices, PublicThrottle throttle) {
        this.notices = notices;
        this.throttle = throttle;
    }

    @GetMapping("/public/notices")
    String list(Model model) {
        model.addAttribute("notices", notices.current());
        return "publicity/notices";
    }

    @PostMapping("/public/notices/{number}/objections")
    String object(@PathVariable String number, @RequestParam(required = false) String submitter,
            @RequestParam(required = false) String contact, @RequestParam(required = false) String content,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        throttle.check(PublicThrottle.Action.OBJECTION, request);
        // answered with the notices page itself: the portal keeps no session to carry a message over a redirect
        try {
            notices.object(number, submitter, contact, content);
            model.addAttribute("success", "notice.objection.received");
        } catch (InvalidField invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("failure", "notice.objection.content-required");
        }
        response.setHeader("Cache-Control", "no-store");
        return list(model);
    }
}
