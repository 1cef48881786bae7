package org.yiyong.samaritans.internal;

import jakarta.persistence.CascadeType;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SchoolStage;

/** A member of a samaritan's family, with what they are entitled to. */
@Entity
@Table(name = "relative")
public class Relative {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Relation relation;

    private String name;

    private String residentId;

    private String residentIdIndex;

    private String residentIdMasked;

    private LocalDate birthDate;

    private String phone;

    private String school;

    @Enumerated(EnumType.STRING)
    private SchoolStage stage;

    private LocalDate schoolingEndsOn;

    private LocalDate remarriedOn;

    private LocalDate diedOn;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "relative_id", nullable = false)
    @OrderBy("id")
    private List<Entitlement> entitlements = new ArrayList<>();

    protected Relative() {
    }

    Relative(Relation relation, String name, Protected residentId, LocalDate birthDate, String phone) {
        this.relation = relation;
        this.name = name;
        if (residentId != null) {
            this.residentId = residentId.encrypted();
            this.residentIdIndex = residentId.blindIndex();
            this.residentIdMasked = residentId.masked();
        }
        this.birthDate = birthDate;
        this.phone = phone;
    }

    void schooling(String school, SchoolStage stage, LocalDate endsOn) {
        this.school = school;
        this.stage = stage;
        this.schoolingEndsOn = endsOn;
    }

    void remarried(LocalDate on) {
        this.remarriedOn = on;
    }

    void died(LocalDate on) {
        this.diedOn = on;
    }

    Entitlement entitle(EntitlementKind kind, LocalDate from, EndCondition until) {
        Entitlement entitlement = new Entitlement(kind, from, until);
        entitlements.add(entitlement);
        return entitlement;
    }

    public Long getId() {
        return id;
    }

    public Relation getRelation() {
        return relation;
    }

    public String getName() {
        return name;
    }

    String getResidentIdEncrypted() {
        return residentId;
    }

    public String getResidentIdMasked() {
        return residentIdMasked;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public String getSchool() {
        return school;
    }

    public SchoolStage getStage() {
        return stage;
    }

    public LocalDate getSchoolingEndsOn() {
        return schoolingEndsOn;
    }

    public LocalDate getRemarriedOn() {
        return remarriedOn;
    }

    public LocalDate getDiedOn() {
        return diedOn;
    }

    public List<Entitlement> getEntitlements() {
        return entitlements;
    }
}
