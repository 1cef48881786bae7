package org.yiyong.samaritans.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.yiyong.shared.Money;
import org.yiyong.shared.MoneyConverter;

/** A medical expense and who advanced it (the employer, the hospital for 3 months, then the association). */
@Entity
@Table(name = "medical_expense")
public class MedicalExpense {

    /** Who advanced the money. Stored by name. */
    public enum Payer {
        EMPLOYER,
        HOSPITAL,
        ASSOCIATION,
        SELF,
        OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = MoneyConverter.class)
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "advanced_by")
    private Payer payer;

    private LocalDate paidOn;

    private String note;

    protected MedicalExpense() {
    }

    MedicalExpense(Money amount, Payer payer, LocalDate paidOn, String note) {
        this.amount = amount;
        this.payer = payer;
        this.paidOn = paidOn;
        this.note = note;
    }

    public Money getAmount() {
        return amount;
    }

    public Payer getPayer() {
        return payer;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getNote() {
        return note;
    }
}
