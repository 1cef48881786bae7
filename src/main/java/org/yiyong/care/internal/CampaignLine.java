package org.yiyong.care.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * One person on a campaign's roster: included with a category, an amount and a payee (the person, or
 * for a deceased samaritan one named survivor of the household), or left out with the reason — by rule
 * or by a staff member's decision. Lines of people the association had lost contact with need a recorded
 * check of recent good conduct before they are paid. Lines are sent to the funds a thousand at a time by
 * {@link CampaignSender}; what the funds report back marks each paid or due again.
 */
@Entity
@Table(name = "campaign_line")
public class CampaignLine {

    /** Stored by name. */
    public enum Status {
        INCLUDED, EXCLUDED, REMOVED, SENT, PAID
    }

    /** Why a line is in or out. Stored by name. */
    public enum Reason {
        /** included by the rules */
        RULE,
        /** added by staff, with their reason */
        ADDED_BY_STAFF,
        /** removed by staff, with their reason */
        REMOVED_BY_STAFF,
        /** deceased without a living survivor to visit */
        NO_SURVIVOR,
        /** lost contact and no check of recent good conduct recorded */
        LOST_CONTACT,
        /** the check of recent conduct was not good */
        CONDUCT_NOT_GOOD,
        /** every honour of the person was revoked */
        HONOUR_REVOKED,
        /** already on another campaign of the same festival and year */
        ON_OTHER_CAMPAIGN,
        /** paid before Yiyong, brought in from the earlier registers */
        IMPORTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long campaignId;

    private long samaritanId;

    private String name;

    private String regionCode;

    @Enumerated(EnumType.STRING)
    private CondolenceCategory category;

    @Convert(converter = MoneyConverter.class)
    private Money amount;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Reason reasonCode;

    private String reasonText;

    private boolean manual;

    private String decidedBy;

    private Instant decidedAt;

    private String payeeName;

    private Long payeeRelativeId;

    private String payeeRelation;

    private boolean conductCheckRequired;

    private LocalDate conductCheckedOn;

    private String conductCheckedBy;

    private String conductNote;

    private Boolean conductGood;

    private String sentBy;

    private Instant sentAt;

    private LocalDate paidOn;

    private String orderNumber;

    @Version
    private long version;

    protected CampaignLine() {
    }

    CampaignLine(long campaignId, long samaritanId, String name, String regionCode) {
        this.campaignId = campaignId;
        this.samaritanId = samaritanId;
        this.name = name;
        this.regionCode = regionCode;
    }

    /** In, by rule or by hand. */
    void include(CondolenceCategory category, Money amount, String payeeName, Long payeeRelativeId,
            String payeeRelation, Reason reason, String text) {
        decide(Status.INCLUDED, category, amount, payeeName, payeeRelativeId, payeeRelation, reason, text);
    }

    /** Out, with the reason; category, amount and payee are kept when known, for a later inclusion. */
    void exclude(CondolenceCategory category, Money amount, String payeeName, Long payeeRelativeId,
            String payeeRelation, Reason reason, String text) {
        decide(Status.EXCLUDED, category, amount, payeeName, payeeRelativeId, payeeRelation, reason, text);
    }

    private void decide(Status status, CondolenceCategory category, Money amount, String payeeName,
            Long payeeRelativeId, String payeeRelation, Reason reason, String text) {
        this.category = category;
        this.amount = amount;
        this.payeeName = payeeName;
        this.payeeRelativeId = payeeRelativeId;
        this.payeeRelation = payeeRelation;
        mark(status, reason, text);
    }

    private void mark(Status status, Reason reason, String text) {
        this.status = status;
        this.reasonCode = reason;
        this.reasonText = text;
    }

    /** The line's place on the roster was decided by a staff member, not by the rules. */
    private void decidedByStaff(String by, Instant at) {
        this.manual = true;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void requireConductCheck() {
        this.conductCheckRequired = true;
    }

    /** Added by a staff member: the person is in, whatever the rules said. */
    void addedBy(String by, Instant at, CondolenceCategory category, Money amount, String payeeName,
            Long payeeRelativeId, String payeeRelation, String reason) {
        if (isOn()) {
            throw new CareRuleBroken("campaign.line.already", name);
        }
        include(category, amount, payeeName, payeeRelativeId, payeeRelation, Reason.ADDED_BY_STAFF, reason);
        decidedByStaff(by, at);
    }

    /** Taken off by a staff member, with the reason. */
    void removedBy(String by, Instant at, String reason) {
        if (status != Status.INCLUDED) {
            throw new CareRuleBroken("campaign.line.not-included", name);
        }
        mark(Status.REMOVED, Reason.REMOVED_BY_STAFF, reason);
        decidedByStaff(by, at);
    }

    /**
     * 近期表现核实: the recorded check of recent good conduct. Good, a person left out for lost contact is
     * included (while the roster may still change); not good, the person is left out.
     */
    void conductChecked(String by, LocalDate on, String note, boolean good, boolean rosterOpen) {
        if (!conductCheckRequired) {
            throw new CareRuleBroken("campaign.conduct-check.not-needed", name);
        }
        if (status == Status.SENT || status == Status.PAID) {
            throw new CareRuleBroken("campaign.line.sent", name);
        }
        this.conductCheckedBy = by;
        this.conductCheckedOn = on;
        this.conductNote = note;
        this.conductGood = good;
        if (!good && (status == Status.INCLUDED || status == Status.EXCLUDED)) {
            mark(Status.EXCLUDED, Reason.CONDUCT_NOT_GOOD, note);
        } else if (good && rosterOpen && status == Status.EXCLUDED && reasonCode == Reason.LOST_CONTACT) {
            mark(Status.INCLUDED, Reason.RULE, "失联人员，近期表现已核实：" + note);
        }
    }

    /** Whether sending this line waits for a conduct check. */
    public boolean awaitsConductCheck() {
        return conductCheckRequired && !Boolean.TRUE.equals(conductGood);
    }

    /** The funds paid it. Once: the same news again changes nothing. */
    boolean paid(LocalDate on, String orderNumber) {
        if (status != Status.SENT) {
            return false;
        }
        this.status = Status.PAID;
        this.paidOn = on;
        this.orderNumber = orderNumber;
        return true;
    }

    /** The bank returned the money: the order is due again. */
    boolean returned() {
        if (status != Status.PAID) {
            return false;
        }
        this.status = Status.SENT;
        this.paidOn = null;
        return true;
    }

    /** Counted on the campaign: included, sent or paid. */
    public boolean isOn() {
        return status == Status.INCLUDED || status == Status.SENT || status == Status.PAID;
    }

    public Long getId() {
        return id;
    }

    public long getCampaignId() {
        return campaignId;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public CondolenceCategory getCategory() {
        return category;
    }

    public Money getAmount() {
        return amount;
    }

    public Status getStatus() {
        return status;
    }

    public Reason getReasonCode() {
        return reasonCode;
    }

    public String getReasonText() {
        return reasonText;
    }

    public boolean isManual() {
        return manual;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public Long getPayeeRelativeId() {
        return payeeRelativeId;
    }

    public String getPayeeRelation() {
        return payeeRelation;
    }

    public boolean isConductCheckRequired() {
        return conductCheckRequired;
    }

    public LocalDate getConductCheckedOn() {
        return conductCheckedOn;
    }

    public String getConductCheckedBy() {
        return conductCheckedBy;
    }

    public String getConductNote() {
        return conductNote;
    }

    public Boolean getConductGood() {
        return conductGood;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getOrderNumber() {
        return orderNumber;
    }
}
