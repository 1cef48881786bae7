package org.yiyong.honours;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The reward of a granted honour waiting to be paid — kept here until the funds module takes it as a
 * payment order — or, after a revocation, the amount to claw back.
 */
@Entity
@Table(name = "reward_payment_request")
public class RewardRequest {

    /** Money out to the honoured person, or back from them. Stored by name. */
    public enum Kind {
        PAYMENT,
        CLAWBACK
    }

    /** Stored by name. */
    public enum Status {
        REQUESTED,
        SETTLED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long honourId;

    /** the payee: the honoured person or one member of a group; or else the unit */
    private Long samaritanId;

    private Long organizationId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate requestedOn;

    private LocalDate settledOn;

    protected RewardRequest() {
    }

    RewardRequest(long honourId, Long samaritanId, Long organizationId, Kind kind, BigDecimal amount,
            LocalDate requestedOn) {
        this.honourId = honourId;
        this.samaritanId = samaritanId;
        this.organizationId = organizationId;
        this.kind = kind;
        this.amount = amount;
        this.requestedOn = requestedOn;
        this.status = Status.REQUESTED;
    }

    /** Paid — before Yiyong, for an honour entered from the records; later by the funds module. */
    void settle(LocalDate on) {
        this.status = Status.SETTLED;
        this.settledOn = on;
    }

    /** The bank returned the money: due again. */
    void reopen() {
        this.status = Status.REQUESTED;
        this.settledOn = null;
    }

    void cancel(LocalDate on) {
        this.status = Status.CANCELLED;
        this.settledOn = on;
    }

    public Long getId() {
        return id;
    }

    public long getHonourId() {
        return honourId;
    }

    public Long getSamaritanId() {
        return samaritanId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Kind getKind() {
        return kind;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public LocalDate getSettledOn() {
        return settledOn;
    }
}
