package org.yiyong.funds.internal;

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
import java.util.Objects;
import org.yiyong.funds.PaymentPurpose;

/**
 * An association's fund: its general fund, or a restricted sub-fund (专款专用) that pays only for one
 * purpose, one region or one person, as the donor asked. Its balance is what the journal says.
 */
@Entity
@Table(name = "fund")
public class Fund {

    /** What a sub-fund is restricted to. Stored by name. */
    public enum Restriction {
        NONE, PURPOSE, REGION, PERSON
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    private String regionCode;

    private Long parentId;

    @Enumerated(EnumType.STRING)
    private Restriction restriction;

    @Enumerated(EnumType.STRING)
    private PaymentPurpose restrictedPurpose;

    private String restrictedRegion;

    private Long restrictedSamaritanId;

    private String restrictionNote;

    private LocalDate openedOn;

    private boolean active;

    private String createdBy;

    private Instant createdAt;

    @Version
    private long version;

    protected Fund() {
    }

    /** A restricted sub-fund of a general fund. */
    public Fund(Fund parent, String code, String name, Restriction restriction, PaymentPurpose purpose, String region,
            Long samaritanId, String note, LocalDate openedOn, String createdBy, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.regionCode = parent.regionCode;
        this.parentId = parent.id;
        this.restriction = restriction;
        this.restrictedPurpose = restriction == Restriction.PURPOSE ? purpose : null;
        this.restrictedRegion = restriction == Restriction.REGION ? region : null;
        this.restrictedSamaritanId = restriction == Restriction.PERSON ? samaritanId : null;
        this.restrictionNote = note;
        this.openedOn = openedOn;
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Whether this fund may pay for this purpose, to someone of this region, to this person. */
    public boolean accepts(PaymentPurpose purpose, String payeeRegion, Long payeeSamaritanId) {
        return switch (restriction) {
            case NONE -> true;
            case PURPOSE -> restrictedPurpose == purpose;
            case REGION -> Objects.equals(restrictedRegion, payeeRegion);
            case PERSON -> Objects.equals(restrictedSamaritanId, payeeSamaritanId);
        };
    }

    public boolean isRestricted() {
        return restriction != Restriction.NONE;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public Long getParentId() {
        return parentId;
    }

    public Restriction getRestriction() {
        return restriction;
    }

    public PaymentPurpose getRestrictedPurpose() {
        return restrictedPurpose;
    }

    public String getRestrictedRegion() {
        return restrictedRegion;
    }

    public Long getRestrictedSamaritanId() {
        return restrictedSamaritanId;
    }

    public String getRestrictionNote() {
        return restrictionNote;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public boolean isActive() {
        return active;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }
}
