package org.yiyong.care.internal;

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
 * An application for targeted aid (精准帮扶) on behalf of a samaritan's household, to the provincial
 * foundation or to the city, for housing, a serious illness or family hardship, with the amount asked.
 * Submitted, then granted (the amount, the day, the document) or not granted (the reason); received when
 * the money reached the household. The money comes from the body that granted it, not from our funds.
 */
@Entity
@Table(name = "targeted_aid_application")
public class TargetedAidApplication {

    /** Stored by name. */
    public enum Status {
        SUBMITTED, GRANTED, NOT_GRANTED, RECEIVED
    }

    /** To whom the household's needs were reported. Stored by name. */
    public enum Body {
        PROVINCIAL_FOUNDATION, CITY
    }

    /** Stored by name. */
    public enum Reason {
        HOUSING, SERIOUS_ILLNESS, HARDSHIP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long samaritanId;

    @Enumerated(EnumType.STRING)
    private Body appliedTo;

    @Enumerated(EnumType.STRING)
    private Reason reason;

    private BigDecimal amountAsked;

    private String narrative;

    private LocalDate appliedOn;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String submittedBy;

    private BigDecimal amountGranted;

    private LocalDate decidedOn;

    private String decisionDocument;

    private String refusalReason;

    private String decidedBy;

    private LocalDate receivedOn;

    private BigDecimal amountReceived;

    private String receivedNote;

    @Version
    private long version;

    protected TargetedAidApplication() {
    }

    TargetedAidApplication(long samaritanId, Body appliedTo, Reason reason, BigDecimal amountAsked, String narrative,
            LocalDate appliedOn, String submittedBy) {
        this.samaritanId = samaritanId;
        this.appliedTo = appliedTo;
        this.reason = reason;
        this.amountAsked = amountAsked;
        this.narrative = narrative;
        this.appliedOn = appliedOn;
        this.submittedBy = submittedBy;
        this.status = Status.SUBMITTED;
    }

    void grant(BigDecimal amount, LocalDate on, String document, String by) {
        requireStatus(Status.SUBMITTED);
        if (on.isBefore(appliedOn)) {
            throw new CareRuleBroken("targeted-aid.decided.before-application", appliedOn.toString());
        }
        this.amountGranted = amount;
        this.decidedOn = on;
        this.decisionDocument = document;
        this.decidedBy = by;
        this.status = Status.GRANTED;
    }

    void notGranted(String why, LocalDate on, String by) {
        requireStatus(Status.SUBMITTED);
        if (on.isBefore(appliedOn)) {
            throw new CareRuleBroken("targeted-aid.decided.before-application", appliedOn.toString());
        }
        this.refusalReason = why;
        this.decidedOn = on;
        this.decidedBy = by;
        this.status = Status.NOT_GRANTED;
    }

    void received(LocalDate on, BigDecimal amount, String note) {
        requireStatus(Status.GRANTED);
        if (on.isBefore(decidedOn)) {
            throw new CareRuleBroken("targeted-aid.received.before-decision", decidedOn.toString());
        }
        if (amount.compareTo(amountGranted) > 0) {
            throw new CareRuleBroken("targeted-aid.received.more-than-granted", amountGranted.toPlainString());
        }
        this.receivedOn = on;
        this.amountReceived = amount;
        this.receivedNote = note;
        this.status = Status.RECEIVED;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new CareRuleBroken("targeted-aid.status.wrong", status.name());
        }
    }

    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("appliedTo", appliedTo);
        values.put("reason", reason);
        values.put("amountAsked", amountAsked);
        values.put("appliedOn", appliedOn);
        values.put("status", status);
        values.put("amountGranted", amountGranted);
        values.put("decidedOn", decidedOn);
        values.put("decisionDocument", decisionDocument);
        values.put("refusalReason", refusalReason);
        values.put("receivedOn", receivedOn);
        values.put("amountReceived", amountReceived);
        values.put("receivedNote", receivedNote);
        return values;
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public Body getAppliedTo() {
        return appliedTo;
    }

    public Reason getReason() {
        return reason;
    }

    public BigDecimal getAmountAsked() {
        return amountAsked;
    }

    public String getNarrative() {
        return narrative;
    }

    public LocalDate getAppliedOn() {
        return appliedOn;
    }

    public Status getStatus() {
        return status;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public BigDecimal getAmountGranted() {
        return amountGranted;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecisionDocument() {
        return decisionDocument;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public BigDecimal getAmountReceived() {
        return amountReceived;
    }

    public String getReceivedNote() {
        return receivedNote;
    }

    public long getVersion() {
        return version;
    }
}
