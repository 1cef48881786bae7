package org.yiyong.honours.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A 见义勇为卡 issued to a samaritan or a martyr's family member, until it is returned. */
@Entity
@Table(name = "transit_card")
public class TransitCard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;

    private long samaritanId;

    private Long relativeId;

    private String holderName;

    private String regionCode;

    private String basis;

    private LocalDate issuedOn;

    private String issuedBy;

    private LocalDate returnedOn;

    private String returnReason;

    /** {@code S<id>} or {@code R<id>} while the card is out; unique, so a person holds one card at a time */
    private String activeHolder;

    @Version
    private long version;

    protected TransitCard() {
    }

    TransitCard(String number, long samaritanId, Long relativeId, String holderName, String regionCode, String basis,
            LocalDate issuedOn, String issuedBy) {
        this.number = number;
        this.samaritanId = samaritanId;
        this.relativeId = relativeId;
        this.holderName = holderName;
        this.regionCode = regionCode;
        this.basis = basis;
        this.issuedOn = issuedOn;
        this.issuedBy = issuedBy;
        this.activeHolder = holderKey(samaritanId, relativeId);
    }

    static String holderKey(long samaritanId, Long relativeId) {
        return relativeId == null ? "S" + samaritanId : "R" + relativeId;
    }

    void returned(LocalDate on, String reason) {
        if (returnedOn != null) {
            throw new HonourRuleBroken("transit-card.returned-already", number);
        }
        if (on.isBefore(issuedOn)) {
            throw new org.yiyong.shared.InvalidField("returnedOn", "transit-card.return.before-issue");
        }
        this.returnedOn = on;
        this.returnReason = reason;
        this.activeHolder = null;
    }

    public boolean isInUse() {
        return returnedOn == null;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public Long getRelativeId() {
        return relativeId;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getBasis() {
        return basis;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public LocalDate getReturnedOn() {
        return returnedOn;
    }

    public String getReturnReason() {
        return returnReason;
    }
}
