package org.yiyong.honours.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiyong.honours.internal.HonourCertificates;

/** The page a certificate's QR code opens: genuine or revoked, with the holder's name and title only. */
@Controller
class PublicCertificateController {

    private final HonourCertificates certificates;

    PublicCertificateController(HonourCertificates certificates) {
        this.certificates = certificates;
    }

    /** The form where a code printed on a certificate is typed in; a code sent opens its check. */
    @GetMapping("/public/certificates")
    String form(@org.springframework.web.bind.annotation.RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            return "redirect:/public/certificates/" + org.springframework.web.util.UriUtils.encodePathSegment(
                    code.strip().toUpperCase(java.util.Locale.ROOT), java.nio.charset.StandardCharsets.UTF_8);
        }
        return "honours/verification";
    }

    @GetMapping("/public/certificates/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("verification", certificates.verify(code.trim().toUpperCase(java.util.Locale.ROOT)).orElse(null));
        return "honours/verification";
    }
}
