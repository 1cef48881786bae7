package org.yiyong.honours.web;

import static org.yiyong.web.PageSteps.step;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.honours.internal.ConfirmationCertificates;
import org.yiyong.honours.internal.ExamBonus;
import org.yiyong.honours.internal.Honour;
import org.yiyong.honours.internal.HonourCertificates;
import org.yiyong.honours.internal.HonourGrants;
import org.yiyong.honours.internal.HonourProposals;
import org.yiyong.identity.CurrentUser;
import org.yiyong.web.Downloads;

/** Honour steps from the samaritan's profile; each returns to the profile with what happened. */
@Controller
@RequestMapping("/honours")
class HonourController {

    private final HonourProposals proposals;
    private final HonourGrants grants;
    private final HonourCertificates certificates;
    private final ExamBonus examBonus;
    private final ConfirmationCertificates confirmations;

    HonourController(HonourProposals proposals, HonourGrants grants, HonourCertificates certificates,
            ExamBonus examBonus, ConfirmationCertificates confirmations) {
        this.confirmations = confirmations;
        this.proposals = proposals;
        this.grants = grants;
        this.certificates = certificates;
        this.examBonus = examBonus;
    }

    /** 见义勇为确认证书 for a confirmed person and deed. */
    @GetMapping("/confirmation-certificate")
    ResponseEntity<byte[]> confirmation(CurrentUser me, @RequestParam long samaritanId, @RequestParam long deedId) {
        return Downloads.pdf("见义勇为确认证书.pdf", confirmations.render(me, samaritanId, deedId));
    }

    /** 中考加分证明 for a child of an honoured samaritan. */
    @GetMapping("/exam-bonus")
    ResponseEntity<byte[]> examBonus(CurrentUser me, @RequestParam long samaritanId, @RequestParam long relativeId) {
        return Downloads.pdf("中考加分证明.pdf", examBonus.certificate(me, samaritanId, relativeId));
    }

    @PostMapping
    String propose(CurrentUser me, @RequestParam(required = false) Long samaritanId,
            @RequestParam(required = false) Long deedId, @RequestParam(required = false) String titleCode,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long samaritan = samaritanId == null ? -1 : samaritanId;
        return step(redirect, "/samaritans/" + samaritan, "honour.proposed",
                () -> proposals.proposeInstant(me, samaritan, deedId, titleCode, reason));
    }

    @PostMapping("/{id}/approval")
    String approve(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return step(redirect, pageOf(proposals.get(me, id)), "honour.approved", () -> proposals.approve(me, id));
    }

    @PostMapping("/{id}/grant")
    String grant(CurrentUser me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(required = false) String documentNumber, RedirectAttributes redirect) {
        return step(redirect, pageOf(proposals.get(me, id)), "honour.granted",
                () -> grants.grant(me, id, decidedOn, documentNumber));
    }

    @PostMapping("/{id}/revocation")
    String revoke(CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String document, RedirectAttributes redirect) {
        return step(redirect, pageOf(proposals.get(me, id)), "honour.revoked",
                () -> grants.revoke(me, id, reason, document));
    }

    @GetMapping("/{id}/certificate")
    ResponseEntity<byte[]> certificate(CurrentUser me, @PathVariable long id) {
        Honour honour = proposals.get(me, id);
        return Downloads.pdf("荣誉证书 " + honour.getCertificateNumber() + ".pdf", certificates.certificate(me, id));
    }

    /** Where an honour is seen: the person's profile, or the round that granted a group, unit or station. */
    private static String pageOf(Honour honour) {
        return honour.getSamaritanId() != null ? "/samaritans/" + honour.getSamaritanId()
                : "/honour-rounds/" + honour.getRoundId();
    }
}
