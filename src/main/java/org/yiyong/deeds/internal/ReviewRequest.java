package org.yiyong.deeds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A challenge to the decision after delivery: 复核 by the next level up (within the period set in
 * configuration), 行政复议 or 行政诉讼. Its outcome is recorded once: upheld or changed.
 */
@Entity
@Table(name = "deed_review_request")
public class ReviewRequest {

    /** The three ways to challenge a decision. Stored by name. */
    public enum Kind {
        /** 复核, asked of the next level up */
        REVIEW,
        /** 行政复议 */
        RECONSIDERATION,
        /** 行政诉讼 */
        LITIGATION
    }

    /** What became of the decision. Stored by name. */
    public enum Result {
        /** 维持 */
        UPHELD,
        /** 变更 / 撤销 */
        CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private LocalDate requestedOn;

    private String requestedBy;

    private String grounds;

    private String recordedBy;

    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    private Result outcome;

    private LocalDate outcomeOn;

    private String outcomeNote;

    private String outcomeRecordedBy;

    protected ReviewRequest() {
    }

    ReviewRequest(Kind kind, LocalDate requestedOn, String requestedBy, String grounds, String recordedBy,
            Instant recordedAt) {
        this.kind = kind;
        this.requestedOn = requestedOn;
        this.requestedBy = requestedBy;
        this.grounds = grounds;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void conclude(Result result, LocalDate on, String note, String actor) {
        this.outcome = result;
        this.outcomeOn = on;
        this.outcomeNote = note;
        this.outcomeRecordedBy = actor;
    }

    public boolean isOpen() {
        return outcome == null;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getGrounds() {
        return grounds;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Result getOutcome() {
        return outcome;
    }

    public LocalDate getOutcomeOn() {
        return outcomeOn;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public String getOutcomeRecordedBy() {
        return outcomeRecordedBy;
    }
}
