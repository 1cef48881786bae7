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

    @GetMapping("/public/certificates/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("verification", certificates.verify(code.trim().toUpperCase(java.util.Locale.ROOT)).orElse(null));
        return "honours/verification";
    }
}
