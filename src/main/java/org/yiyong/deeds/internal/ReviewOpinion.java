package org.yiyong.deeds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reviewer's opinion on a deed (committee or bureau review). */
@Entity
@Table(name = "deed_review_opinion")
public class ReviewOpinion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reviewer;

    private String opinion;

    private Instant recordedAt;

    protected ReviewOpinion() {
    }

    ReviewOpinion(String reviewer, String opinion, Instant recordedAt) {
        this.reviewer = reviewer;
        this.opinion = opinion;
        this.recordedAt = recordedAt;
    }

    public String getReviewer() {
        return reviewer;
    }

    public String getOpinion() {
        return opinion;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
