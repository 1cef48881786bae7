package org.yiyong.care.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A home visit (入户走访) as recorded: who went, whom they met, how the household lives, what is wrong. */
@Entity
@Immutable
@Table(name = "visit")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long samaritanId;

    private String regionCode;

    private Long organizationId;

    private LocalDate visitedOn;

    private String visitors;

    private String met;

    private String livingConditions;

    private boolean hardship;

    private String problems;

    private String recordedBy;

    private Instant recordedAt;

    protected Visit() {
    }

    Visit(long samaritanId, String regionCode, Long organizationId, LocalDate visitedOn, String visitors, String met,
            String livingConditions, boolean hardship, String problems, String recordedBy, Instant recordedAt) {
        this.samaritanId = samaritanId;
        this.regionCode = regionCode;
        this.organizationId = organizationId;
        this.visitedOn = visitedOn;
        this.visitors = visitors;
        this.met = met;
        this.livingConditions = livingConditions;
        this.hardship = hardship;
        this.problems = problems;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public LocalDate getVisitedOn() {
        return visitedOn;
    }

    public String getVisitors() {
        return visitors;
    }

    public String getMet() {
        return met;
    }

    public String getLivingConditions() {
        return livingConditions;
    }

    public boolean isHardship() {
        return hardship;
    }

    public String getProblems() {
        return problems;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
