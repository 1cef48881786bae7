package org.yiyong.samaritans.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * How a samaritan's death is determined: a martyr assessment (评烈) tracked until the province decides;
 * death on duty (因公牺牲); otherwise the one-time compensation from the yearly parameters.
 */
@Entity
@Table(name = "death_determination")
public class DeathDetermination {

    /** The determination as recorded; PENDING while 评烈 awaits the province. Stored by name. */
    public enum Kind {
        MARTYR,
        DEATH_ON_DUTY,
        OTHER,
        PENDING
    }

    /** The martyr application's status. Stored by name. */
    public enum MartyrStatus {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long samaritanId;

    private LocalDate diedOn;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    private LocalDate martyrAppliedOn;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private MartyrStatus martyrStatus;

    private LocalDate martyrDecidedOn;

    private String documentNumber;

    @Convert(converter = MoneyConverter.class)
    private Money compensation;

    private String compensationBasis;

    private String recordedBy;

    private Instant recordedAt;

    @Version
    private long version;

    protected DeathDetermination() {
    }

    DeathDetermination(long samaritanId, LocalDate diedOn, String recordedBy, Instant recordedAt) {
        this.samaritanId = samaritanId;
        this.diedOn = diedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void martyrApplied(LocalDate on) {
        this.kind = Kind.PENDING;
        this.martyrAppliedOn = on;
        this.martyrStatus = MartyrStatus.PENDING;
    }

    void martyrDecided(boolean approved, LocalDate on, String document) {
        if (martyrStatus != MartyrStatus.PENDING) {
            throw new SamaritanRuleBroken("death.martyr.not-pending");
        }
        this.martyrStatus = approved ? MartyrStatus.APPROVED : MartyrStatus.REJECTED;
        this.martyrDecidedOn = on;
        if (approved) {
            this.kind = Kind.MARTYR;
            this.documentNumber = document;
        }
    }

    /** 因公牺牲 or otherwise, first or after a rejected martyr application; OTHER carries its compensation. */
    void determined(Kind determination, String document, Money amount, String basis) {
        if (kind == Kind.MARTYR || kind == Kind.PENDING && martyrStatus == MartyrStatus.PENDING) {
            throw new SamaritanRuleBroken("death.already-determined");
        }
        this.kind = determination;
        this.documentNumber = document;
        this.compensation = amount;
        this.compensationBasis = basis;
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public LocalDate getDiedOn() {
        return diedOn;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getMartyrAppliedOn() {
        return martyrAppliedOn;
    }

    public MartyrStatus getMartyrStatus() {
        return martyrStatus;
    }

    public LocalDate getMartyrDecidedOn() {
        return martyrDecidedOn;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    /** The one-time compensation in yuan, for a death determined as OTHER; the API answers it as a number. */
    public BigDecimal getCompensation() {
        return compensation == null ? null : compensation.amount();
    }

    public String getCompensationBasis() {
        return compensationBasis;
    }
}
