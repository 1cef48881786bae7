package org.yiyong.funds.internal;

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
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.yiyong.audit.Changes;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * A payment order (支付单): money out of a fund to a payee, for a purpose, caused by a decision of
 * another module or justified by hand. Requested, approved by a finance reviewer who is not the
 * requester, put in a batch and paid by a cashier who is not the approver, then paid (once) or failed
 * and re-issued; the payee's acknowledgement is recorded. Cancelled with a reason while unpaid. A bank
 * transfer enters a batch only with the account it goes to; cash and cheque are recorded as such.
 * An order another module asked for keeps its {@link PaymentSource}; paid or returned by the bank, it
 * registers {@link PaymentSettled} or {@link PaymentReturned} for that module, published when the
 * order is saved.
 */
@Entity
@Table(name = "payment_order")
public class PaymentOrder extends AbstractAggregateRoot<PaymentOrder> {

    /** Stored by name. */
    public enum Status {
        REQUESTED, APPROVED, IN_BATCH, PAID, FAILED, CANCELLED
    }

    /** How the money reaches the payee. Stored by name. */
    public enum Method {
        BANK_TRANSFER, CASH, CHEQUE
    }

    /** The source column of an order made by hand in the funds, not asked for by another module. */
    public static final String MANUAL = "MANUAL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;

    private long fundId;

    private String regionCode;

    @Enumerated(EnumType.STRING)
    private PaymentPurpose purpose;

    private String payeeName;

    private Long payeeSamaritanId;

    private Long payeeOrganizationId;

    @Convert(converter = MoneyConverter.class)
    private Money amount;

    private String description;

    /** the module that asked ({@link PaymentSource#module()}), or {@link #MANUAL} */
    private String source;

    /** {@link PaymentSource#reference()}, as people read it */
    private String sourceRef;

    private String sourceKind;

    private Long sourceRecordId;

    private Long sourceLineId;

    private String decisionDocument;

    private String justification;

    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String requestedBy;

    private LocalDate requestedOn;

    private String approvedBy;

    private Instant approvedAt;

    private Long batchId;

    private String batchedBy;

    @Enumerated(EnumType.STRING)
    private Method paymentMethod = Method.BANK_TRANSFER;

    private String payeeBankName;

    /** SM4-encrypted account number; only the bank file decrypts it */
    private String payeeAccount;

    private String payeeAccountMasked;

    private boolean payeeAccountFromRegistry;

    private LocalDate paidOn;

    private String paidBy;

    private String bankReference;

    private String failureReason;

    private int failures;

    private LocalDate acknowledgedOn;

    private String acknowledgedBy;

    private String acknowledgementNote;

    private String cancelledBy;

    private String cancelReason;

    @Version
    private long version;

    protected PaymentOrder() {
    }

    public PaymentOrder(String number, Fund fund, PaymentPurpose purpose, String payeeName, Long payeeSamaritanId,
            Long payeeOrganizationId, Money amount, String description, PaymentSource source,
            String decisionDocument, String justification, String idempotencyKey, String requestedBy,
            LocalDate requestedOn) {
        this.number = number;
        this.fundId = fund.getId();
        this.regionCode = fund.getRegionCode();
        this.purpose = purpose;
        this.payeeName = payeeName;
        this.payeeSamaritanId = payeeSamaritanId;
        this.payeeOrganizationId = payeeOrganizationId;
        this.amount = amount;
        this.description = description;
        if (source == null) {
            this.source = MANUAL;
        } else {
            this.source = source.module();
            this.sourceRef = source.reference();
            this.sourceKind = source.kind();
            this.sourceRecordId = source.recordId();
            this.sourceLineId = source.lineId();
        }
        this.decisionDocument = decisionDocument;
        this.justification = justification;
        this.idempotencyKey = idempotencyKey;
        this.requestedBy = requestedBy;
        this.requestedOn = requestedOn;
        this.status = Status.REQUESTED;
    }

    /** Four eyes: approved by a finance reviewer who did not request it, to be paid from the given fund. */
    public void approve(String reviewer, Fund fund, Instant at) {
        requireStatus(Status.REQUESTED);
        if (reviewer.equals(requestedBy)) {
            throw new FundRuleBroken("payment.approve.own-request.refused");
        }
        this.fundId = fund.getId();
        this.approvedBy = reviewer;
        this.approvedAt = at;
        this.status = Status.APPROVED;
    }

    /**
     * Into a cashier's batch: not by the reviewer who approved it (one person neither approves and pays),
     * and as a bank transfer only with the account the money goes to.
     */
    public void batched(long batch, String cashier) {
        if (status == Status.REQUESTED) {
            throw new FundRuleBroken("payment.not-approved", number);
        }
        requireStatus(Status.APPROVED);
        requireNotApprover(cashier);
        if (paymentMethod == Method.BANK_TRANSFER && payeeAccount == null) {
            throw new FundRuleBroken("payment.account.missing", number, payeeName);
        }
        this.batchId = batch;
        this.batchedBy = cashier;
        this.status = Status.IN_BATCH;
    }

    public void paid(LocalDate on, String reference, String cashier) {
        if (status == Status.PAID) {
            throw new FundRuleBroken("payment.already-paid", number);
        }
        if (status == Status.REQUESTED || status == Status.APPROVED) {
            throw new FundRuleBroken("payment.not-in-batch", number);
        }
        requireStatus(Status.IN_BATCH);
        requireNotApprover(cashier);
        this.paidOn = on;
        this.paidBy = cashier;
        this.bankReference = reference;
        this.failureReason = null;
        this.status = Status.PAID;
        if (sourceKind != null) {
            registerEvent(new PaymentSettled(getPaymentSource(), id, number, amount, on, reference));
        }
    }

    private void requireNotApprover(String cashier) {
        if (cashier.equals(approvedBy)) {
            throw new FundRuleBroken("payment.approver-pays.refused", number);
        }
    }

    /**
     * Before batching, the account the registry holds for the payee becomes the order's own, so the
     * bank file pays exactly the account that was checked; an account recorded on the order stays.
     */
    void takeRegistryAccount(String bankName, String encrypted, String masked) {
        if (paymentMethod == Method.BANK_TRANSFER && payeeAccount == null) {
            this.payeeBankName = bankName;
            this.payeeAccount = encrypted;
            this.payeeAccountMasked = masked;
            this.payeeAccountFromRegistry = true;
        }
    }

    /**
     * How and where the money goes, recorded on the order. A reviewer approved the order as it was
     * shown, so a change after approval sends it back for review.
     */
    public void payWith(Method method, String bankName, String encrypted, String masked) {
        if (status != Status.REQUESTED && status != Status.APPROVED && status != Status.FAILED) {
            throw wrongStatus();
        }
        this.paymentMethod = method;
        this.payeeBankName = method == Method.BANK_TRANSFER ? bankName : null;
        this.payeeAccount = method == Method.BANK_TRANSFER ? encrypted : null;
        this.payeeAccountMasked = method == Method.BANK_TRANSFER ? masked : null;
        this.payeeAccountFromRegistry = false;
        if (status != Status.REQUESTED) {
            this.approvedBy = null;
            this.approvedAt = null;
            this.batchId = null;
            this.batchedBy = null;
            this.status = Status.REQUESTED;
        }
    }

    public void failed(String reason) {
        requireStatus(Status.IN_BATCH);
        this.failureReason = reason;
        this.failures++;
        this.status = Status.FAILED;
    }

    /** The bank returned a payment already posted as paid: the entry is reversed and the order can be re-issued. */
    public void returned(String reason) {
        requireStatus(Status.PAID);
        if (acknowledgedOn != null) {
            throw new FundRuleBroken("payment.acknowledged-already", number);
        }
        this.paidOn = null;
        this.paidBy = null;
        this.bankReference = null;
        this.failureReason = reason;
        this.failures++;
        this.status = Status.FAILED;
        if (sourceKind != null) {
            registerEvent(new PaymentReturned(getPaymentSource(), id, number, amount, reason));
        }
    }

    static final String WITHDRAWN = "来源已撤回：";

    /** What caused the order was withdrawn while it sat in a batch: the cashier sees why before paying it. */
    void withdrawnInBatch(String reason) {
        this.failureReason = WITHDRAWN + reason;
    }

    /** Whether an order in a batch carries the note that what caused it was withdrawn. */
    static boolean isWithdrawnNote(String failureReason) {
        return failureReason != null && failureReason.startsWith(WITHDRAWN);
    }

    /**
     * A failed order goes back to the cashier for another batch (after the payee's account was corrected).
     * An account copied from the registry is dropped, so the next batch takes the registry's account as
     * it is now; one recorded on the order is corrected on the order, which sends it back for review.
     */
    public void reissue() {
        requireStatus(Status.FAILED);
        if (payeeAccountFromRegistry) {
            this.payeeBankName = null;
            this.payeeAccount = null;
            this.payeeAccountMasked = null;
            this.payeeAccountFromRegistry = false;
        }
        this.batchId = null;
        this.batchedBy = null;
        this.paidBy = null;
        this.status = Status.APPROVED;
    }

    public void acknowledge(LocalDate on, String receivedBy, String note) {
        requireStatus(Status.PAID);
        if (acknowledgedOn != null) {
            throw new FundRuleBroken("payment.acknowledged-already", number);
        }
        if (on.isBefore(paidOn)) {
            throw new org.yiyong.shared.InvalidField("acknowledgedOn", "payment.acknowledged.before-paid",
                    paidOn.toString());
        }
        this.acknowledgedOn = on;
        this.acknowledgedBy = receivedBy;
        this.acknowledgementNote = note;
    }

    public void cancel(String by, String reason) {
        if (status != Status.REQUESTED && status != Status.APPROVED && status != Status.FAILED) {
            throw wrongStatus();
        }
        this.cancelledBy = by;
        this.cancelReason = reason;
        this.status = Status.CANCELLED;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw wrongStatus();
        }
    }

    private FundRuleBroken wrongStatus() {
        return new FundRuleBroken("payment.status.wrong", number, new DefaultMessageSourceResolvable(
                new String[] {"payment.status." + status.name()}, status.name()));
    }

    /** What the order registered since it was last saved (saving publishes it). */
    public java.util.Collection<Object> registeredEvents() {
        return domainEvents();
    }

    /** What {@link #snapshot()} holds of an order just requested, for orders written without loading them. */
    static Map<String, Object> requestedSnapshot(String number, long fundId, PaymentPurpose purpose, String payeeName,
            Money amount) {
        return Changes.snapshot("number", number, "fundId", fundId, "purpose", purpose, "payee", payeeName, "amount",
                amount, "status", Status.REQUESTED, "paymentMethod", Method.BANK_TRANSFER);
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("number", number, "fundId", fundId, "purpose", purpose, "payee", payeeName, "amount",
                amount, "status", status, "approvedBy", approvedBy, "paymentMethod", paymentMethod, "payeeAccount",
                payeeAccountMasked, "batchId", batchId, "batchedBy", batchedBy, "paidOn", paidOn, "paidBy", paidBy,
                "bankReference", bankReference, "acknowledgedOn", acknowledgedOn);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getFundId() {
        return fundId;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public PaymentPurpose getPurpose() {
        return purpose;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public Long getPayeeSamaritanId() {
        return payeeSamaritanId;
    }

    public Long getPayeeOrganizationId() {
        return payeeOrganizationId;
    }

    public Money getAmount() {
        return amount;
    }

    public String getDescription() {
        return description;
    }

    /** The module that asked for the order, or {@link #MANUAL}. */
    public String getSource() {
        return source;
    }

    /** Whether the order was made by hand in the funds rather than asked for by another module. */
    public boolean isManual() {
        return MANUAL.equals(source);
    }

    /** Who asked for the order and for which record; {@code null} for an order by hand. */
    public PaymentSource getPaymentSource() {
        return sourceKind == null ? null : new PaymentSource(source, sourceKind, sourceRecordId, sourceLineId);
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public String getDecisionDocument() {
        return decisionDocument;
    }

    public String getJustification() {
        return justification;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Status getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public Long getBatchId() {
        return batchId;
    }

    public String getBatchedBy() {
        return batchedBy;
    }

    public Method getPaymentMethod() {
        return paymentMethod;
    }

    public String getPayeeBankName() {
        return payeeBankName;
    }

    /** The encrypted account number, for the bank file only. */
    String getPayeeAccountEncrypted() {
        return payeeAccount;
    }

    public String getPayeeAccountMasked() {
        return payeeAccountMasked;
    }

    public boolean isPayeeAccountFromRegistry() {
        return payeeAccountFromRegistry;
    }

    public String getPaidBy() {
        return paidBy;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getBankReference() {
        return bankReference;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public int getFailures() {
        return failures;
    }

    public LocalDate getAcknowledgedOn() {
        return acknowledgedOn;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public String getAcknowledgementNote() {
        return acknowledgementNote;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public long getVersion() {
        return version;
    }
}
