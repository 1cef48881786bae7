package org.yiyong.care.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentSource;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * An assistance case (帮扶): a problem found in a household — work, 低保, housing, medical care,
 * schooling, legal help, a hardship grant — followed with notes until it is solved, or closed with a
 * reason. A hardship grant is paid through the funds module: the case asks for it with an event it
 * registers (published when it is saved).
 */
@Entity
@Table(name = "assistance_case")
public class AssistanceCase extends AbstractAggregateRoot<AssistanceCase> {

    /** What kind of help. Stored by name. */
    public enum Kind {
        EMPLOYMENT, SUBSISTENCE, HOUSING, MEDICAL, SCHOOLING, LEGAL, HARDSHIP_GRANT, OTHER
    }

    /** Stored by name. */
    public enum Status {
        OPEN, IN_PROGRESS, SOLVED, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;

    private long samaritanId;

    private String regionCode;

    private Long visitId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String description;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate openedOn;

    private String openedBy;

    @Convert(converter = MoneyConverter.class)
    private Money grantAmount;

    private LocalDate grantPaidOn;

    private LocalDate closedOn;

    private String outcome;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<AssistanceNote> notes = new ArrayList<>();

    protected AssistanceCase() {
    }

    AssistanceCase(String number, long samaritanId, String regionCode, Long visitId, Kind kind, String description,
            LocalDate openedOn, String openedBy) {
        this.number = number;
        this.samaritanId = samaritanId;
        this.regionCode = regionCode;
        this.visitId = visitId;
        this.kind = kind;
        this.description = description;
        this.openedOn = openedOn;
        this.openedBy = openedBy;
        this.status = Status.OPEN;
    }

    void note(LocalDate on, String text, String by) {
        requireOpen();
        notes.add(new AssistanceNote(on, text, by));
        this.status = Status.IN_PROGRESS;
    }

    /** A hardship grant of an amount, asked of the funds once. */
    void grant(Money amount, LocalDate on, String by) {
        requireOpen();
        if (kind != Kind.HARDSHIP_GRANT) {
            throw new CareRuleBroken("assistance.grant.not-hardship", number);
        }
        if (grantAmount != null) {
            throw new CareRuleBroken("assistance.grant.already", number);
        }
        this.grantAmount = amount;
        notes.add(new AssistanceNote(on, "申请困难救助金 " + amount + " 元，已提交财务支付", by));
        this.status = Status.IN_PROGRESS;
    }

    /**
     * Asks the funds to pay the granted amount to the household's payee, from the fund of the county
     * association of the case's region.
     */
    void askGrantPayment(String payeeName, String decisionDocument, String requestedBy, LocalDate on) {
        if (grantAmount == null) {
            throw new IllegalStateException("Only a granted case asks the funds to pay");
        }
        registerEvent(new PaymentRequested(paymentSource(), regionCode, PaymentPurpose.HARDSHIP, samaritanId, null,
                payeeName, grantAmount, "困难救助金（帮扶事项 " + number + "）", decisionDocument, requestedBy, on));
    }

    /** How the funds name this case's hardship grant. */
    PaymentSource paymentSource() {
        return PaymentSource.of(CarePaymentHandler.MODULE, Assistance.PAYMENT_KIND, id);
    }

    /** The grant was paid on the day; once: the same news again changes nothing (answers whether it did). */
    boolean grantPaid(LocalDate on) {
        if (grantPaidOn != null) {
            return false;
        }
        this.grantPaidOn = on;
        notes.add(new AssistanceNote(on, "困难救助金已发放", "system"));
        return true;
    }

    /** The bank sent the grant back: not paid after all. */
    void grantReturned(LocalDate on, String reason) {
        if (grantPaidOn != null) {
            this.grantPaidOn = null;
            notes.add(new AssistanceNote(on, "困难救助金被银行退回：" + reason, "system"));
        }
    }

    void solve(LocalDate on, String result) {
        requireOpen();
        this.outcome = result;
        this.closedOn = on;
        this.status = Status.SOLVED;
    }

    void close(LocalDate on, String reason) {
        requireOpen();
        this.outcome = reason;
        this.closedOn = on;
        this.status = Status.CLOSED;
    }

    public boolean isOpen() {
        return status == Status.OPEN || status == Status.IN_PROGRESS;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new CareRuleBroken("assistance.closed", number, new DefaultMessageSourceResolvable(
                    new String[] {"assistance.status." + status.name()}, status.name()));
        }
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

    public String getRegionCode() {
        return regionCode;
    }

    public Long getVisitId() {
        return visitId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Money getGrantAmount() {
        return grantAmount;
    }

    public LocalDate getGrantPaidOn() {
        return grantPaidOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getOutcome() {
        return outcome;
    }

    public long getVersion() {
        return version;
    }

    public List<AssistanceNote> getNotes() {
        return notes;
    }
}
