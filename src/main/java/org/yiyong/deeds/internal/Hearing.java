package org.yiyong.deeds.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * 陈述申辩: before a refusal the applicant is told the facts, the reasons and the legal basis, and may
 * answer until a set day. The hearing is over once the answer (or a waiver) is on record, or the day
 * has passed without one.
 */
@Embeddable
public class Hearing {

    @Column(name = "hearing_notified_on")
    private LocalDate notifiedOn;

    @Column(name = "hearing_grounds")
    private String grounds;

    @Column(name = "hearing_legal_basis")
    private String legalBasis;

    @Column(name = "hearing_response_due")
    private LocalDate responseDue;

    @Column(name = "hearing_answered_on")
    private LocalDate answeredOn;

    @Column(name = "hearing_statement")
    private String statement;

    @Column(name = "hearing_waived")
    private Boolean waived;

    protected Hearing() {
    }

    Hearing(LocalDate notifiedOn, String grounds, String legalBasis, LocalDate responseDue) {
        this.notifiedOn = notifiedOn;
        this.grounds = grounds;
        this.legalBasis = legalBasis;
        this.responseDue = responseDue;
    }

    void answer(LocalDate on, String statement, boolean waived) {
        this.answeredOn = on;
        this.statement = statement;
        this.waived = waived;
    }

    public boolean isAnswered() {
        return answeredOn != null;
    }

    /** Whether a refusal may now be decided: the answer is in, or the period to answer has passed. */
    public boolean isOverOn(LocalDate day) {
        return isAnswered() || day.isAfter(responseDue);
    }

    public LocalDate getNotifiedOn() {
        return notifiedOn;
    }

    public String getGrounds() {
        return grounds;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public LocalDate getResponseDue() {
        return responseDue;
    }

    public LocalDate getAnsweredOn() {
        return answeredOn;
    }

    public String getStatement() {
        return statement;
    }

    public boolean isWaived() {
        return Boolean.TRUE.equals(waived);
    }
}
