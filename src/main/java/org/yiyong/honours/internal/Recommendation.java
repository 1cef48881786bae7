package org.yiyong.honours.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** 向上推荐: a samaritan recommended to the province or the nation for a title, and what came of it. */
@Entity
@Table(name = "recommendation")
public class Recommendation {

    /** Stored by name. */
    public enum Status {
        SUBMITTED,
        GRANTED,
        NOT_GRANTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long samaritanId;

    private long deedId;

    private String deedNumber;

    private String regionCode;

    private long titleId;

    private LocalDate recommendedOn;

    private String recommendedTo;

    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate outcomeOn;

    private String outcomeNote;

    private Long honourId;

    private String recordedBy;

    /** set when the recommendation is for the group of the deed's actors */
    private String groupName;

    private Long groupDeedId;

    @Version
    private long version;

    protected Recommendation() {
    }

    Recommendation(long samaritanId, long deedId, String deedNumber, String regionCode, long titleId,
            LocalDate recommendedOn, String recommendedTo, String reason, String recordedBy) {
        this.samaritanId = samaritanId;
        this.deedId = deedId;
        this.deedNumber = deedNumber;
        this.regionCode = regionCode;
        this.titleId = titleId;
        this.recommendedOn = recommendedOn;
        this.recommendedTo = recommendedTo;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.status = Status.SUBMITTED;
    }

    void concluded(boolean granted, LocalDate on, String note, Long honour) {
        if (status != Status.SUBMITTED) {
            throw new HonourRuleBroken("recommendation.concluded");
        }
        if (on.isBefore(recommendedOn)) {
            throw new org.yiyong.shared.InvalidField("outcomeOn", "recommendation.outcome-before", recommendedOn.toString());
        }
        this.status = granted ? Status.GRANTED : Status.NOT_GRANTED;
        this.outcomeOn = on;
        this.outcomeNote = note;
        this.honourId = honour;
    }

    public Long getId() {
        return id;
    }

    public String getGroupName() {
        return groupName;
    }

    void forGroup(String name) {
        this.groupName = name;
        this.groupDeedId = deedId;
    }

    public long getSamaritanId() {
        return samaritanId;
    }

    public long getDeedId() {
        return deedId;
    }

    public String getDeedNumber() {
        return deedNumber;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public long getTitleId() {
        return titleId;
    }

    public LocalDate getRecommendedOn() {
        return recommendedOn;
    }

    public String getRecommendedTo() {
        return recommendedTo;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getOutcomeOn() {
        return outcomeOn;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public Long getHonourId() {
        return honourId;
    }
}
