package org.yiyong.evaluation;

/**
 * Where a round stands: open (computed and scored, as often as needed), in review by the units (objections until
 * the review ends), approved, published (the ranking visible to every unit).
 */
public enum RoundStatus {
    OPEN,
    REVIEW,
    APPROVED,
    PUBLISHED;

    /** Whether scores and deductions may still change: before approval. */
    public boolean isScoring() {
        return this == OPEN || this == REVIEW;
    }
}
