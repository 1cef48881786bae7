package org.yiyong.honours;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A title for a registered samaritan, for a deed: proposed, approved and granted with the reward of
 * the standard in force on the decision date, a certificate number and a code the public can check;
 * or refused; or, after fraud, revoked.
 */
@Entity
@Table(name = "honour")
public class Honour {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long titleId;

    @Column(updatable = false)
    private long samaritanId;

    @Column(updatable = false)
    private Long deedId;

    private String deedNumber;

    private String regionCode;

    @Enumerated(EnumType.STRING)
    private HonourMode mode;

    @Enumerated(EnumType.STRING)
    private HonourStatus status;

    private String reason;

    private String proposedBy;

    private LocalDate proposedOn;

    private String approvedBy;

    private LocalDate approvedOn;

    private String refusalReason;

    private LocalDate decidedOn;

    private String documentNumber;

    private String certificateNumber;

    private String verificationCode;

    private BigDecimal rewardAmount;

    private LocalDate revokedOn;

    private String revocationReason;

    private String revocationDocument;

    @Version
    private long version;

    protected Honour() {
    }

    Honour(long titleId, long samaritanId, Long deedId, String deedNumber, String regionCode, HonourMode mode,
            String reason, String proposedBy, LocalDate proposedOn) {
        this.titleId = titleId;
        this.samaritanId = samaritanId;
        this.deedId = deedId;
        this.deedNumber = deedNumber;
        this.regionCode = regionCode;
        this.mode = mode;
        this.reason = reason;
        this.proposedBy = proposedBy;
        this.proposedOn = proposedOn;
        this.status = HonourStatus.PROPOSED;
    }

    /** Approved by someone other than the one who proposed it. */
    void approve(String approver, LocalDate on) {
        requireStatus(HonourStatus.PROPOSED);
        if (approver.equals(proposedBy)) {
            throw new HonourRuleBroken("honour.approve.own-proposal");
        }
        this.approvedBy = approver;
        this.approvedOn = on;
        this.status = HonourStatus.APPROVED;
    }

    void refuse(String approver, LocalDate on, String why) {
        requireStatus(HonourStatus.PROPOSED);
        this.approvedBy = approver;
        this.approvedOn = on;
        this.refusalReason = why;
        this.status = HonourStatus.REFUSED;
    }

    /** Granted by the decision of the given day, with the reward of the standard in force then. */
    void grant(LocalDate on, String document, String certificate, String code, BigDecimal reward) {
        requireStatus(HonourStatus.APPROVED);
        if (on.isBefore(approvedOn)) {
            throw new org.yiyong.shared.InvalidField("decidedOn", "honour.grant.before-approval", approvedOn.toString());
        }
        this.decidedOn = on;
        this.documentNumber = document;
        this.certificateNumber = certificate;
        this.verificationCode = code;
        this.rewardAmount = reward;
        this.status = HonourStatus.GRANTED;
    }

    /** Granted at the end of an honour round, approved by the round's granting body with its document. */
    void grantedInRound(String approver, LocalDate on, String document, String certificate, String code,
            BigDecimal reward) {
        requireStatus(HonourStatus.PROPOSED);
        this.approvedBy = approver;
        this.approvedOn = on;
        this.status = HonourStatus.APPROVED;
        grant(on, document, certificate, code, reward);
    }

    /** 撤销: an honour obtained by fraud, revoked by the body that granted it. */
    void revoke(LocalDate on, String why, String document) {
        requireStatus(HonourStatus.GRANTED);
        this.revokedOn = on;
        this.revocationReason = why;
        this.revocationDocument = document;
        this.status = HonourStatus.REVOKED;
    }

    private void requireStatus(HonourStatus expected) {
        if (status != expected) {
            throw new HonourRuleBroken("honour.status.wrong", new org.springframework.context.support
                    .DefaultMessageSourceResolvable(new String[] {"honour.status." + status.name()}, status.name()));
        }
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("titleId", titleId);
        snapshot.put("samaritanId", samaritanId);
        snapshot.put("deedNumber", deedNumber);
        snapshot.put("status", status);
        snapshot.put("decidedOn", decidedOn);
        snapshot.put("certificateNumber", certificateNumber);
        snapshot.put("rewardAmount", rewardAmount);
        return snapshot;
    }

    public Long getId() {
        return id;
    }

    public long getTitleId() {
        return titleId;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public Long getDeedId() {
        return deedId;
    }

    public String getDeedNumber() {
        return deedNumber;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public HonourMode getMode() {
        return mode;
    }

    public HonourStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public LocalDate getProposedOn() {
        return proposedOn;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public LocalDate getApprovedOn() {
        return approvedOn;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public String getVerificationCode() {
        return verificationCode;
    }

    public BigDecimal getRewardAmount() {
        return rewardAmount;
    }

    public LocalDate getRevokedOn() {
        return revokedOn;
    }

    public String getRevocationReason() {
        return revocationReason;
    }

    public String getRevocationDocument() {
        return revocationDocument;
    }

    public long getVersion() {
        return version;
    }
}
