package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.honours.internal.ConfirmationCertificates;
import org.yiyong.honours.internal.ExamBonus;
import org.yiyong.honours.internal.Honour;
import org.yiyong.honours.internal.HonourCertificates;
import org.yiyong.honours.internal.HonourGrants;
import org.yiyong.honours.internal.HonourMode;
import org.yiyong.honours.internal.HonourProposals;
import org.yiyong.honours.internal.HonourStatus;
import org.yiyong.honours.internal.Recipient;
import org.yiyong.honours.internal.RewardLedger;
import org.yiyong.honours.internal.RewardRequest;
import org.yiyong.honours.internal.Title;
import org.yiyong.honours.internal.TitleCatalogue;
import org.yiyong.honours.internal.TitleLevel;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.Money;
import org.yiyong.web.Downloads;

/** Titles with their reward standards, and honours from proposal to grant and revocation. */
@RestController
@Tag(name = "honours")
class HonourApiController {

    private final HonourProposals proposals;
    private final HonourGrants grants;
    private final HonourCertificates certificates;
    private final RewardLedger ledger;
    private final TitleCatalogue catalogue;
    private final ExamBonus examBonus;
    private final ConfirmationCertificates confirmations;

    HonourApiController(HonourProposals proposals, HonourGrants grants, HonourCertificates certificates,
            RewardLedger ledger, TitleCatalogue catalogue, ExamBonus examBonus,
            ConfirmationCertificates confirmations) {
        this.confirmations = confirmations;
        this.examBonus = examBonus;
        this.proposals = proposals;
        this.grants = grants;
        this.certificates = certificates;
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    @GetMapping(path = "/api/v1/titles", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The catalogue of titles, each with its reward standards by effective date (newest first)")
    List<TitleView> titles() {
        return catalogue.titles().stream().map(this::view).toList();
    }

    @PostMapping(path = "/api/v1/titles/{id}/standards", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A new reward standard from a day on (city staff); earlier standards are kept")
    ResponseEntity<TitleView> addStandard(CurrentUser me, @PathVariable long id, @RequestBody StandardRequest request) {
        catalogue.addStandard(me, id, request.effectiveFrom(), request.amount(), request.note());
        return ResponseEntity.status(201).body(view(catalogue.title(id)));
    }

    @PostMapping(path = "/api/v1/honours", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose an instant commendation (即时表彰) of a samaritan for a confirmed deed")
    ResponseEntity<HonourView> propose(CurrentUser me, @RequestBody ProposalRequest request) {
        Honour honour = proposals.proposeInstant(me, request.samaritanId() == null ? -1 : request.samaritanId(),
                request.deedId(), request.titleCode(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/honours/" + honour.getId())).body(view(honour));
    }

    @GetMapping(path = "/api/v1/honours/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One honour with its reward requests; 404 outside the data scope")
    HonourView get(CurrentUser me, @PathVariable long id) {
        return view(proposals.get(me, id));
    }

    @PostMapping(path = "/api/v1/honours/{id}/approval", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve (city staff other than the proposer)")
    HonourView approve(CurrentUser me, @PathVariable long id) {
        return view(proposals.approve(me, id));
    }

    @PostMapping(path = "/api/v1/honours/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refuse the proposal, with the reason")
    HonourView refuse(CurrentUser me, @PathVariable long id, @RequestBody ReasonRequest request) {
        return view(proposals.refuse(me, id, request.reason()));
    }

    @PostMapping(path = "/api/v1/honours/{id}/grant", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Grant by a decision of a day: the reward of the standard in force then becomes a payment request")
    HonourView grant(CurrentUser me, @PathVariable long id, @RequestBody GrantRequest request) {
        return view(grants.grant(me, id, request.decidedOn(), request.documentNumber()));
    }

    @PostMapping(path = "/api/v1/honours/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke an honour obtained by fraud; an unpaid reward is cancelled, a paid one clawed back")
    HonourView revoke(CurrentUser me, @PathVariable long id, @RequestBody RevocationRequest request) {
        return view(grants.revoke(me, id, request.reason(), request.document()));
    }

    @GetMapping(path = "/api/v1/honours/{id}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The certificate as PDF, with the QR code of its public verification page")
    ResponseEntity<byte[]> certificate(CurrentUser me, @PathVariable long id) {
        byte[] pdf = certificates.certificate(me, id);
        return Downloads.pdf("荣誉证书-" + id + ".pdf", pdf);
    }

    @GetMapping(path = "/api/v1/samaritans/{id}/family/{relativeId}/exam-bonus-certificate",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "中考加分证明 for a child: the points of the parent's highest granted honour")
    ResponseEntity<byte[]> examBonus(CurrentUser me, @PathVariable long id, @PathVariable long relativeId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .body(examBonus.certificate(me, id, relativeId));
    }

    @GetMapping(path = "/api/v1/samaritans/{id}/deeds/{deedId}/confirmation-certificate",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "见义勇为确认证书 for a confirmed person and deed")
    ResponseEntity<byte[]> confirmationCertificate(CurrentUser me, @PathVariable long id, @PathVariable long deedId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(confirmations.render(me, id, deedId));
    }

    /** An amount as the API shows it: a plain number of yuan, or {@code null} when not known. */
    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private TitleView view(Title title) {
        return new TitleView(title.getId(), title.getCode(), title.getName(), title.getLevel(), title.getGrantingBody(),
                title.getRecipient().name(), title.isInstant(), catalogue.standards(title.getId()).stream()
                        .map(s -> new TitleView.Standard(s.getEffectiveFrom(), amount(s.getAmount()), s.getNote(),
                                s.getRecordedBy()))
                        .toList());
    }

    private HonourView view(Honour honour) {
        return new HonourView(honour.getId(), catalogue.title(honour.getTitleId()).getCode(), honour.getRecipient(),
                honour.getSamaritanId(), honour.getRecipientName(), honour.getOrganizationId(),
                List.copyOf(honour.getMemberIds()), honour.getRoundId(),
                honour.getDeedId(), honour.getDeedNumber(), honour.getMode(), honour.getStatus(), honour.getReason(),
                honour.getProposedBy(), honour.getProposedOn(), honour.getApprovedBy(), honour.getApprovedOn(),
                honour.getRefusalReason(), honour.getDecidedOn(), honour.getDocumentNumber(),
                honour.getCertificateNumber(), honour.getVerificationCode(), amount(honour.getRewardAmount()),
                honour.getRevokedOn(), honour.getRevocationReason(),
                ledger.rewardsOf(honour.getId()).stream().map(r -> new HonourView.Reward(r.getKind(), r.getSamaritanId(),
                        r.getOrganizationId(), r.getAmount().amount(), r.getStatus(), r.getRequestedOn())).toList());
    }

    record TitleView(long id, String code, String name, TitleLevel level, String grantingBody, String recipient,
            boolean instant, List<Standard> standards) {

        record Standard(LocalDate effectiveFrom, BigDecimal amount, String note, String recordedBy) {
        }
    }

    record HonourView(long id, String titleCode, Recipient recipient, Long samaritanId, String recipientName,
            Long organizationId, List<Long> memberIds, Long roundId, Long deedId, String deedNumber, HonourMode mode,
            HonourStatus status, String reason, String proposedBy, LocalDate proposedOn, String approvedBy,
            LocalDate approvedOn, String refusalReason, LocalDate decidedOn, String documentNumber,
            String certificateNumber, String verificationCode, BigDecimal rewardAmount, LocalDate revokedOn,
            String revocationReason, List<Reward> rewards) {

        record Reward(RewardRequest.Kind kind, Long payeeSamaritanId, Long payeeOrganizationId, BigDecimal amount, RewardRequest.Status status, LocalDate requestedOn) {
        }
    }

    record StandardRequest(LocalDate effectiveFrom, BigDecimal amount, String note) {
    }

    record ProposalRequest(Long samaritanId, Long deedId, String titleCode, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record GrantRequest(LocalDate decidedOn, String documentNumber) {
    }

    record RevocationRequest(String reason, String document) {
    }
}
