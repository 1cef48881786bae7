package org.yiyong.funds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A cashier's batch of approved orders of one association: one bank file, then each order paid or failed. */
@Entity
@Table(name = "disbursement_batch")
public class DisbursementBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;

    private String regionCode;

    private String createdBy;

    private Instant createdAt;

    protected DisbursementBatch() {
    }

    DisbursementBatch(String number, String regionCode, String createdBy, Instant createdAt) {
        this.number = number;
        this.regionCode = regionCode;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
