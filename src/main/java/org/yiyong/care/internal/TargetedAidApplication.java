package org.yiyong.care.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Map;
import org.yiyong.audit.Changes;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * An application for targeted aid (精准帮扶) on behalf of a samaritan's household, to the provincial
 * foundation or to the city, for housing, a serious illness or family hardship, with the amount asked.
 * Submitted, then granted (the amount, the day, the document) or not granted (the reason); received when
 * the money reached the household. The money comes from the body that granted it, not from our funds.
 */
@Entity
@Table(name = "targeted_aid_application")
public class TargetedAidApplication extends AidApplication<TargetedAidApplication> {

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

    @Enumerated(EnumType.STRING)
    private Body appliedTo;

    @Enumerated(EnumType.STRING)
    private Reason reason;

    @Convert(converter = MoneyConverter.class)
    private Money amountAsked;

    private String narrative;

    private LocalDate appliedOn;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Convert(converter = MoneyConverter.class)
    private Money amountGranted;

    private LocalDate receivedOn;

    @Convert(converter = MoneyConverter.class)
    private Money amountReceived;

    private String receivedNote;

    protected TargetedAidApplication() {
    }

    TargetedAidApplication(long samaritanId, Body appliedTo, Reason reason, Money amountAsked, String narrative,
            LocalDate appliedOn, String submittedBy) {
        super(samaritanId, submittedBy);
        this.appliedTo = appliedTo;
        this.reason = reason;
        this.amountAsked = amountAsked;
        this.narrative = narrative;
        this.appliedOn = appliedOn;
        this.status = Status.SUBMITTED;
    }

    void grant(Money amount, LocalDate on, String document, String by) {
        requireDecidableOn(on);
        this.amountGranted = amount;
        decided(by, on, document);
        this.status = Status.GRANTED;
    }

    void notGranted(String why, LocalDate on, String by) {
        requireDecidableOn(on);
        refused(by, on, why);
        this.status = Status.NOT_GRANTED;
    }

    void received(LocalDate on, Money amount, String note) {
        requireStatus(Status.GRANTED);
        if (on.isBefore(getDecidedOn())) {
            throw new CareRuleBroken("targeted-aid.received.before-decision", getDecidedOn().toString());
        }
        if (amount.compareTo(amountGranted) > 0) {
            throw new CareRuleBroken("targeted-aid.received.more-than-granted", amountGranted.toString());
        }
        this.receivedOn = on;
        this.amountReceived = amount;
        this.receivedNote = note;
        this.status = Status.RECEIVED;
    }

    /** Only a submitted application is decided, and not before the day it was made. */
    private void requireDecidableOn(LocalDate on) {
        requireStatus(Status.SUBMITTED);
        if (on.isBefore(appliedOn)) {
            throw new CareRuleBroken("targeted-aid.decided.before-application", appliedOn.toString());
        }
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new CareRuleBroken("targeted-aid.status.wrong", status.name());
        }
    }

    Map<String, Object> snapshot() {
        return Changes.snapshot("appliedTo", appliedTo, "reason", reason, "amountAsked", amountAsked, "appliedOn",
                appliedOn, "status", status, "amountGranted", amountGranted, "decidedOn", getDecidedOn(),
                "decisionDocument", getDecisionDocument(), "refusalReason", getRefusalReason(), "receivedOn",
                receivedOn, "amountReceived", amountReceived, "receivedNote", receivedNote);
    }



    public Body getAppliedTo() {
        return appliedTo;
    }

    public Reason getReason() {
        return reason;
    }

    public Money getAmountAsked() {
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


    public Money getAmountGranted() {
        return amountGranted;
    }





    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Money getAmountReceived() {
        return amountReceived;
    }

    public String getReceivedNote() {
        return receivedNote;
    }

}
