package org.yiyong.funds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone who gives: an enterprise or a person; anonymous gifts have no donor record. */
@Entity
@Table(name = "donor")
public class Donor {

    /**
     * Stored by name. {@code GOVERNMENT}: a government body giving government money (财政拨款, such as the
     * city government's rewards for its models) — income, but not a donation.
     */
    public enum Kind {
        ENTERPRISE, INDIVIDUAL, ANONYMOUS, GOVERNMENT;

        /** The income account money from this kind of giver is credited to. */
        public Account incomeAccount() {
            return this == GOVERNMENT ? Account.GOVERNMENT_GRANT_INCOME : Account.DONATION_INCOME;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String name;

    private String contact;

    private String regionCode;

    private String createdBy;

    private Instant createdAt;

    protected Donor() {
    }

    Donor(Kind kind, String name, String contact, String regionCode, String createdBy, Instant createdAt) {
        this.kind = kind;
        this.name = name;
        this.contact = contact;
        this.regionCode = regionCode;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getContact() {
        return contact;
    }

    public String getRegionCode() {
        return regionCode;
    }
}
