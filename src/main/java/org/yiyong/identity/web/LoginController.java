package org.yiyong.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyong.identity.internal.IdentityProperties;

/** The sign-in page. Spring Security handles the form post. */
@Controller
class LoginController {

    private final IdentityProperties properties;

    LoginController(IdentityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("error", switch (error) {
                case "disabled" -> "login.error.disabled";
                case "throttled" -> "login.error.throttled";
                default -> "login.error.bad-credentials";
            });
        }
        model.addAttribute("lockMinutes", properties.lockDuration().toMinutes());
        model.addAttribute("maxFailures", properties.maxFailedLogins());
        model.addAttribute("addressMinutes", properties.addressWindow().toMinutes());
        return "identity/login";
    }
}
