package org.yiyong.honours.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.yiyong.audit.Changes;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * A title for a registered samaritan for a deed — or for the group of a deed's actors, an association
 * or a work station: proposed, approved and granted with the reward of
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

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Recipient recipient = Recipient.PERSON;

    @Column(updatable = false)
    private Long samaritanId;

    /** the group's, unit's or station's name as the certificate shows it */
    @Column(updatable = false)
    private String recipientName;

    @Column(updatable = false)
    private Long organizationId;

    @Column(updatable = false)
    private Long roundId;

    /** the members of a group */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "honour_member", joinColumns = @JoinColumn(name = "honour_id"))
    @Column(name = "samaritan_id")
    private Set<Long> memberIds = new LinkedHashSet<>();

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

    @Convert(converter = MoneyConverter.class)
    private Money rewardAmount;

    private LocalDate revokedOn;

    private String revocationReason;

    private String revocationDocument;

    @Version
    private long version;

    protected Honour() {
    }

    Honour(long titleId, Long samaritanId, Long deedId, String deedNumber, String regionCode, HonourMode mode,
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

    /** The honour of the group of a deed's actors, proposed in a round. */
    static Honour group(long titleId, Long roundId, long deedId, String deedNumber, String name,
            java.util.Collection<Long> members, String regionCode, String proposedBy, LocalDate on) {
        Honour honour = new Honour(titleId, null, deedId, deedNumber, regionCode, HonourMode.ROUND, "集中表彰",
                proposedBy, on);
        honour.recipient = Recipient.GROUP;
        honour.recipientName = name;
        honour.roundId = roundId;
        honour.memberIds.addAll(members);
        return honour;
    }

    /** The honour of an association (UNIT) or a work station (STATION), proposed in a round. */
    static Honour organization(long titleId, long roundId, Recipient kind, long organizationId, String name,
            String regionCode, String proposedBy, LocalDate on) {
        Honour honour = new Honour(titleId, null, null, null, regionCode, HonourMode.ROUND, "集中表彰", proposedBy, on);
        honour.recipient = kind;
        honour.recipientName = name;
        honour.organizationId = organizationId;
        honour.roundId = roundId;
        return honour;
    }

    /** Granted above on a recommendation, not in a round of our own. */
    void upward(String why) {
        this.mode = HonourMode.UPWARD;
        this.reason = why;
    }

    void inRound(long round) {
        this.roundId = round;
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
    void grant(LocalDate on, String document, String certificate, String code, Money reward) {
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
            Money reward) {
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

    /** Revoked: a reward the bank returns is not due again. */
    boolean isRevoked() {
        return status == HonourStatus.REVOKED;
    }

    private void requireStatus(HonourStatus expected) {
        if (status != expected) {
            throw new HonourRuleBroken("honour.status.wrong", new org.springframework.context.support
                    .DefaultMessageSourceResolvable(new String[] {"honour.status." + status.name()}, status.name()));
        }
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("titleId", titleId, "recipient", recipient, "samaritanId", samaritanId, "recipientName",
                recipientName, "organizationId", organizationId, "deedNumber", deedNumber, "status", status,
                "decidedOn", decidedOn, "certificateNumber", certificateNumber, "rewardAmount", rewardAmount);
    }

    public Long getId() {
        return id;
    }

    public long getTitleId() {
        return titleId;
    }

    public Recipient getRecipient() {
        return recipient;
    }

    public Long getSamaritanId() {
        return samaritanId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Set<Long> getMemberIds() {
        return memberIds;
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

    public Money getRewardAmount() {
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
