package org.yiyong.samaritans.internal;

import org.yiyong.shared.Inputs;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.yiyong.audit.Changes;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * One year's disability pension (伤残抚恤金) of one person: the grade and the standard it was worked out
 * from, and whether the paying department (the county's 退役军人事务局) has paid it. Yiyong keeps the
 * schedule and records the payment; it pays nothing itself.
 */
@Entity
@Table(name = "pension_payment")
public class PensionPayment extends TrackedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long samaritanId;

    @Column(updatable = false)
    private Long disabilityCaseId;

    @Column(updatable = false)
    private int pensionYear;

    @Column(updatable = false)
    private int grade;

    @Column(updatable = false)
    private int months;

    @Column(updatable = false)
    @Convert(converter = MoneyConverter.class)
    private Money annualAmount;

    @Column(updatable = false)
    @Convert(converter = MoneyConverter.class)
    private Money amount;

    @Enumerated(EnumType.STRING)
    private PensionStatus status;

    private LocalDate paidOn;

    private String paidBy;

    private String paymentReference;

    private String note;

    protected PensionPayment() {
    }

    private PensionPayment(long samaritanId, Long disabilityCaseId, int pensionYear, int grade, int months,
            Money annualAmount, Money amount, String actor, Instant now) {
        super(actor, now);
        this.samaritanId = samaritanId;
        this.disabilityCaseId = disabilityCaseId;
        this.pensionYear = pensionYear;
        this.grade = grade;
        this.months = months;
        this.annualAmount = annualAmount;
        this.amount = amount;
        this.status = PensionStatus.SCHEDULED;
    }

    /**
     * The year's line at the grade of the approved case and the standard of that year and grade. The
     * pension runs from the month after the first approval: that year owes the months left, later years
     * all 12.
     */
    public static PensionPayment schedule(long samaritanId, DisabilityCase approved, LocalDate firstApprovedOn,
            int year,
            Money annualAmount, String actor, Instant now) {
        if (approved.getStatus() != DisabilityStatus.APPROVED) {
            throw new DisabilityCaseNotInStatus(approved.getStatus());
        }
        int months = monthsOwed(firstApprovedOn, year);
        if (months == 0) {
            throw new InvalidField("year", "disability.pension.before-first-month", firstApprovedOn.toString());
        }
        Money amount = months == 12 ? annualAmount
                : Money.ofRounded(annualAmount.amount().multiply(BigDecimal.valueOf(months))
                        .divide(BigDecimal.valueOf(12), 4, java.math.RoundingMode.HALF_UP));
        return new PensionPayment(samaritanId, approved.getId(), year, approved.getGrade(), months, annualAmount,
                amount, actor, now);
    }

    /** Months of {@code year} owed when the grade was first approved on {@code firstApprovedOn}. */
    public static int monthsOwed(LocalDate firstApprovedOn, int year) {
        if (year < firstApprovedOn.getYear()) {
            return 0;
        }
        if (year == firstApprovedOn.getYear()) {
            return 12 - firstApprovedOn.getMonthValue();
        }
        return 12;
    }

    /** The paying department paid it: when, who, and their reference (voucher or document number). */
    public void paid(LocalDate on, String by, String reference, LocalDate today, Instant now) {
        if (status != PensionStatus.SCHEDULED) {
            throw new PensionNotScheduled(pensionYear, status);
        }
        Inputs.required("paidOn", on);
        if (on.isAfter(today)) {
            throw new InvalidField("paidOn", "samaritan.date.future");
        }
        Inputs.required("paidBy", by);
        this.paidOn = on;
        this.paidBy = by;
        this.paymentReference = reference;
        this.status = PensionStatus.PAID;
        changedAt(now);
    }

    /** Not paid this year (death, suspension by the paying department…), with the reason. */
    public void cancel(String reason, Instant now) {
        if (status != PensionStatus.SCHEDULED) {
            throw new PensionNotScheduled(pensionYear, status);
        }
        Inputs.required("reason", reason);
        this.note = reason;
        this.status = PensionStatus.CANCELLED;
        changedAt(now);
    }

    Map<String, Object> snapshot() {
        return Changes.snapshot("samaritanId", samaritanId, "year", pensionYear, "grade", grade, "months", months,
                "amount", amount.amount(), "status", status, "paidOn", paidOn, "paidBy", paidBy,
                "reference", paymentReference, "note", note);
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public Long getDisabilityCaseId() {
        return disabilityCaseId;
    }

    public int getPensionYear() {
        return pensionYear;
    }

    public int getGrade() {
        return grade;
    }

    public int getMonths() {
        return months;
    }

    public Money getAnnualAmount() {
        return annualAmount;
    }

    public Money getAmount() {
        return amount;
    }

    /** {@code ¥30,300.00}, for pages. */
    public String getAmountText() {
        return amount.format();
    }

    public PensionStatus getStatus() {
        return status;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getPaidBy() {
        return paidBy;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public String getNote() {
        return note;
    }

}
