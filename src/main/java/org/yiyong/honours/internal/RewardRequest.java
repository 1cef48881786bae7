package org.yiyong.honours.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentSource;
import org.yiyong.funds.PaymentWithdrawn;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * The reward of a granted honour waiting to be paid — kept here until the funds module takes it as a
 * payment order — or, after a revocation, the amount to claw back. It asks the funds to pay, and
 * withdraws the request, with events it registers (published when it is saved); the funds name it
 * back by its {@link #paymentSource()}. It decides its own course: paid once (and owing a clawback
 * when paid after it was cancelled), due again when the bank returns the money — or withdrawn, when the
 * honour was revoked meanwhile — and, on a revocation, withdrawn if unpaid or clawed back if paid.
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

    @Convert(converter = MoneyConverter.class)
    private Money amount;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate requestedOn;

    private LocalDate settledOn;

    protected RewardRequest() {
    }

    public RewardRequest(long honourId, Long samaritanId, Long organizationId, Kind kind, Money amount,
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
                organizationId, payeeName, amount, description, decisionDocument, requestedBy,
                requestedOn));
    }

    /** A reward paid before Yiyong, entered from the records with its honour: settled on the decision date. */
    static RewardRequest paidBefore(long honourId, Long samaritanId, Money amount, LocalDate on) {
        RewardRequest paid = new RewardRequest(honourId, samaritanId, null, Kind.PAYMENT, amount, on);
        paid.settle(on);
        return paid;
    }

    /** What the funds' payment did to a reward request. */
    enum Settlement {
        /** it had been settled already: the news is a repeat, nothing changes */
        ALREADY_SETTLED,
        /** paid as due */
        SETTLED,
        /** paid although the request had been cancelled (the honour revoked): the money is to be clawed back */
        SETTLED_AFTER_CANCELLATION
    }

    /**
     * The funds paid this request on the given day: settled, once. Paid after it was cancelled, the
     * caller keeps the {@link #clawback(LocalDate) clawback} it now owes.
     */
    Settlement paid(LocalDate on) {
        if (status == Status.SETTLED) {
            return Settlement.ALREADY_SETTLED;
        }
        boolean cancelled = status == Status.CANCELLED;
        settle(on);
        return cancelled ? Settlement.SETTLED_AFTER_CANCELLATION : Settlement.SETTLED;
    }

    /** What the bank's return of a reward did to its request. */
    enum Return {
        /** it had not been paid (or was returned already): nothing changes */
        NOT_SETTLED,
        /** due again */
        REOPENED,
        /** the honour was revoked meanwhile: not due any more, and the funds are told */
        WITHDRAWN
    }

    /**
     * The bank returned the money paid for this request: it is due again — unless its honour was
     * revoked meanwhile, when it is withdrawn (registering {@link PaymentWithdrawn}), and the clawback
     * it owed is to be {@link #dropClawback(LocalDate) dropped}.
     */
    Return returned(LocalDate on, boolean honourRevoked) {
        if (status != Status.SETTLED) {
            return Return.NOT_SETTLED;
        }
        if (honourRevoked) {
            withdraw(on, "表彰已撤销，退回的奖励金不再发放");
            return Return.WITHDRAWN;
        }
        reopen();
        return Return.REOPENED;
    }

    /**
     * Its honour was revoked by the given document: a paid reward is to be clawed back; an unpaid one is
     * withdrawn (registering {@link PaymentWithdrawn}); a cancelled one stays as it is. Answers what is
     * to be saved: the new clawback, or this request withdrawn; nothing for a cancelled one.
     */
    Optional<RewardRequest> honourRevoked(LocalDate on, String document) {
        requireKind(Kind.PAYMENT);
        return switch (status) {
            case SETTLED -> Optional.of(clawback(on));
            case REQUESTED -> {
                withdraw(on, "表彰已撤销（" + document + "）");
                yield Optional.of(this);
            }
            case CANCELLED -> Optional.empty();
        };
    }

    /** The money of this paid reward to claw back from the same payee. */
    RewardRequest clawback(LocalDate on) {
        requireKind(Kind.PAYMENT);
        if (status != Status.SETTLED) {
            throw new IllegalStateException("Only a paid reward is clawed back, not a " + status + " one");
        }
        return new RewardRequest(honourId, samaritanId, organizationId, Kind.CLAWBACK, amount, on);
    }

    /** Whether this is an open clawback of the given payment's money (the same payee). */
    boolean clawsBack(RewardRequest payment) {
        return kind == Kind.CLAWBACK && status == Status.REQUESTED
                && Objects.equals(samaritanId, payment.getSamaritanId());
    }

    /** An open clawback not owed any more (the bank returned the money): cancelled. */
    void dropClawback(LocalDate on) {
        requireKind(Kind.CLAWBACK);
        if (status != Status.REQUESTED) {
            throw new IllegalStateException("Only an open clawback is dropped, not a " + status + " one");
        }
        cancel(on);
    }

    /** Cancelled, and the funds told: its order, unless paid, is cancelled too. */
    private void withdraw(LocalDate on, String reason) {
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

    private void settle(LocalDate on) {
        this.status = Status.SETTLED;
        this.settledOn = on;
    }

    private void reopen() {
        this.status = Status.REQUESTED;
        this.settledOn = null;
    }

    private void cancel(LocalDate on) {
        this.status = Status.CANCELLED;
        this.settledOn = on;
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("This step applies to a " + expected + ", not to a " + kind);
        }
    }

    /** What the request registered since it was last saved (saving publishes it). */
    java.util.Collection<Object> registeredEvents() {
        return domainEvents();
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

    public Money getAmount() {
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
