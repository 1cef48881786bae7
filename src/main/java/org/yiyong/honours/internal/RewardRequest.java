package org.yiyong.honours.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentSource;
import org.yiyong.funds.PaymentWithdrawn;
import org.yiyong.shared.Money;

/**
 * The reward of a granted honour waiting to be paid — kept here until the funds module takes it as a
 * payment order — or, after a revocation, the amount to claw back. It asks the funds to pay, and
 * withdraws the request, with events it registers (published when it is saved); the funds name it
 * back by its {@link #paymentSource()}.
 */
@Entity
@Table(name = "reward_payment_request")
public class RewardRequest extends AbstractAggregateRoot<RewardRequest> {

    /** how the funds know the requests of this module */
    static final String MODULE = "HONOURS";
    /** the kind of record a reward payment is */
    static final String KIND = "reward";

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

    public RewardRequest(long honourId, Long samaritanId, Long organizationId, Kind kind, BigDecimal amount,
            LocalDate requestedOn) {
        this.honourId = honourId;
        this.samaritanId = samaritanId;
        this.organizationId = organizationId;
        this.kind = kind;
        this.amount = amount;
        this.requestedOn = requestedOn;
        this.status = Status.REQUESTED;
    }

    /**
     * Asks the funds to pay this reward, once it is saved (the request names it by its id): to the
     * payee, from the fund of the association of the paying region ({@code null}: the city's).
     */
    public void askPayment(String payingRegion, String payeeName, String description, String decisionDocument,
            String requestedBy) {
        if (id == null || kind != Kind.PAYMENT) {
            throw new IllegalStateException("Only a saved payment request asks the funds to pay");
        }
        registerEvent(new PaymentRequested(paymentSource(), payingRegion, PaymentPurpose.REWARD, samaritanId,
                organizationId, payeeName, Money.of(amount), description, decisionDocument, requestedBy,
                requestedOn));
    }

    /** Cancelled, and the funds told: its order, unless paid, is cancelled too. */
    void withdraw(LocalDate on, String reason) {
        cancel(on);
        registerEvent(new PaymentWithdrawn(paymentSource(), reason));
    }

    /** How the funds name this request on its payment order and in what they report back. */
    public PaymentSource paymentSource() {
        return PaymentSource.of(MODULE, KIND, id);
    }

    /** Whether the funds' news is about a request of this kind. */
    public static boolean isReward(PaymentSource source) {
        return source != null && source.is(MODULE, KIND);
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
