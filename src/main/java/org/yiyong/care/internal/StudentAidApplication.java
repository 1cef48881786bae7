package org.yiyong.care.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Map;
import org.yiyong.audit.Changes;
import org.yiyong.funds.PaymentPurpose;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentSource;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/**
 * An application for student aid (助学) for one child of a samaritan's household in one school year,
 * with the evidence of hardship and results. Submitted, then approved by city staff other than its
 * recorder (at the rate of the child's stage in force for the school year) or refused with a reason;
 * paid when the funds report the payment order paid. Once approved it asks the funds to pay, with an
 * event it registers (published when it is saved). Aid the province pays (省级助学) is approved the same way
 * but never sent to our funds: it is recorded as received, with the day and the amount the household got.
 */
@Entity
@Table(name = "student_aid_application")
public class StudentAidApplication extends AidApplication<StudentAidApplication> {

    /** Stored by name. */
    public enum Status {
        SUBMITTED, APPROVED, REFUSED, PAID
    }

    /**
     * Who pays: the city's association, the county's of the household (both through our funds), or the
     * province's foundation (recorded as received). Stored by name.
     */
    public enum Payer {
        PROVINCE, CITY, COUNTY;

        /** Whether the money goes out of our funds (the province pays out of its own). */
        public boolean paysThroughOurFunds() {
            return this != PROVINCE;
        }
    }

    private int schoolYear;

    private long relativeId;

    private String studentName;

    private String school;

    @Enumerated(EnumType.STRING)
    private SchoolStage stage;

    private String hardship;

    private String results;

    private String payeeName;

    @Enumerated(EnumType.STRING)
    private Payer payer;

    @Convert(converter = MoneyConverter.class)
    private Money amount;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate submittedOn;

    private String paymentOrderNumber;

    private LocalDate paidOn;

    protected StudentAidApplication() {
    }

    StudentAidApplication(StudentAidYear year, long samaritanId, long relativeId, String studentName, String school,
            SchoolStage stage, String hardship, String results, String payeeName, Payer payer, Money amount,
            String submittedBy, LocalDate submittedOn) {
        super(samaritanId, submittedBy);
        this.schoolYear = year.start();
        this.relativeId = relativeId;
        this.studentName = studentName;
        this.school = school;
        this.stage = stage;
        this.hardship = hardship;
        this.results = results;
        this.payeeName = payeeName;
        this.payer = payer;
        this.amount = amount;
        this.submittedOn = submittedOn;
        this.status = Status.SUBMITTED;
    }

    /** Four eyes: approved by someone other than the person who recorded it, at the rate of the year. */
    void approve(String approver, LocalDate on, String document, Money rate) {
        requireStatus(Status.SUBMITTED);
        if (approver.equals(getSubmittedBy())) {
            throw new CareRuleBroken("student-aid.approve.own-application", studentName);
        }
        this.amount = rate;
        decided(approver, on, document);
        this.status = Status.APPROVED;
    }

    /**
     * Asks the funds to pay the approved amount to the payee, from the fund of the association of the
     * paying region ({@code null}: the city's), under the approval's document, by its approver.
     */
    void askPayment(String payingRegion, String description) {
        requireStatus(Status.APPROVED);
        registerEvent(new PaymentRequested(paymentSource(), payingRegion, PaymentPurpose.STUDENT_AID,
                getSamaritanId(), null, payeeName, amount, description, getDecisionDocument(), getDecidedBy(),
                getDecidedOn()));
    }

    /** How the funds name this application's payment. */
    PaymentSource paymentSource() {
        return PaymentSource.of(CarePaymentHandler.MODULE, StudentAid.PAYMENT_KIND, getId());
    }

    void refuse(String by, LocalDate on, String reason) {
        requireStatus(Status.SUBMITTED);
        refused(by, on, reason);
        this.status = Status.REFUSED;
    }

    /** The funds paid it; the same news twice changes nothing. Answers whether it changed. */
    boolean paid(String orderNumber, LocalDate on) {
        if (status == Status.PAID) {
            return false;
        }
        requireStatus(Status.APPROVED);
        this.paymentOrderNumber = orderNumber;
        this.paidOn = on;
        this.status = Status.PAID;
        return true;
    }

    /** The province paid it: received on the day, the amount the household got. */
    void received(LocalDate on, Money received) {
        requireStatus(Status.APPROVED);
        if (payer.paysThroughOurFunds()) {
            throw new CareRuleBroken("student-aid.received.not-provincial", studentName);
        }
        this.amount = received;
        this.paidOn = on;
        this.status = Status.PAID;
    }

    /** The bank returned the money: due again. Answers whether it changed. */
    boolean returned() {
        if (status != Status.PAID) {
            return false;
        }
        this.paidOn = null;
        this.status = Status.APPROVED;
        return true;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new CareRuleBroken("student-aid.status.wrong", studentName, status.name());
        }
    }

    public StudentAidYear year() {
        return new StudentAidYear(schoolYear);
    }

    Map<String, Object> snapshot() {
        return Changes.snapshot("schoolYear", year().label(), "student", studentName, "stage", stage, "amount", amount,
                "payeeName", payeeName, "payer", payer, "status", status, "decidedBy", getDecidedBy(), "decidedOn",
                getDecidedOn(), "decisionDocument", getDecisionDocument(), "refusalReason", getRefusalReason(),
                "paymentOrderNumber", paymentOrderNumber, "paidOn", paidOn);
    }


    public int getSchoolYear() {
        return schoolYear;
    }

    public String getSchoolYearLabel() {
        return year().label();
    }


    public long getRelativeId() {
        return relativeId;
    }

    public String getStudentName() {
        return studentName;
    }

    public String getSchool() {
        return school;
    }

    public SchoolStage getStage() {
        return stage;
    }

    public String getHardship() {
        return hardship;
    }

    public String getResults() {
        return results;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public Payer getPayer() {
        return payer;
    }

    public Money getAmount() {
        return amount;
    }

    public Status getStatus() {
        return status;
    }


    public LocalDate getSubmittedOn() {
        return submittedOn;
    }





    public String getPaymentOrderNumber() {
        return paymentOrderNumber;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

}
