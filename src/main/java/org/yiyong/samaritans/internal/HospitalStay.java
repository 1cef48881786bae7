package org.yiyong.samaritans.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.yiyong.shared.Money;

/** A stay in hospital after the act, with the medical expenses and who advanced them. */
@Entity
@Table(name = "hospital_stay")
public class HospitalStay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long samaritanId;

    private String hospital;

    private LocalDate admittedOn;

    private LocalDate dischargedOn;

    private String diagnosis;

    private String recordedBy;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "stay_id", nullable = false)
    @OrderBy("id")
    private List<MedicalExpense> expenses = new ArrayList<>();

    protected HospitalStay() {
    }

    HospitalStay(long samaritanId, String hospital, LocalDate admittedOn, LocalDate dischargedOn, String diagnosis,
            String recordedBy) {
        this.samaritanId = samaritanId;
        this.hospital = hospital;
        this.admittedOn = admittedOn;
        this.dischargedOn = dischargedOn;
        this.diagnosis = diagnosis;
        this.recordedBy = recordedBy;
    }

    void discharged(LocalDate on) {
        this.dischargedOn = on;
    }

    void expense(Money amount, MedicalExpense.Payer payer, LocalDate paidOn, String note) {
        expenses.add(new MedicalExpense(amount, payer, paidOn, note));
    }

    /** Days in hospital: to discharge, or to the given day while still in; at least one. */
    public long days(LocalDate today) {
        LocalDate end = dischargedOn != null ? dischargedOn : today;
        return Math.max(1, ChronoUnit.DAYS.between(admittedOn, end));
    }

    public Money total() {
        return expenses.stream().map(MedicalExpense::getAmount).reduce(Money.ZERO, Money::plus);
    }

    /** The expenses added up by who advanced them. */
    public Map<MedicalExpense.Payer, Money> totalsByPayer() {
        Map<MedicalExpense.Payer, Money> totals = new EnumMap<>(MedicalExpense.Payer.class);
        expenses.forEach(e -> totals.merge(e.getPayer(), e.getAmount(), Money::plus));
        return totals;
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public String getHospital() {
        return hospital;
    }

    public LocalDate getAdmittedOn() {
        return admittedOn;
    }

    public LocalDate getDischargedOn() {
        return dischargedOn;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    public List<MedicalExpense> getExpenses() {
        return expenses;
    }
}
