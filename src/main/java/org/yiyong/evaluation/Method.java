package org.yiyong.evaluation;

/** How an indicator is scored: as the sum of the indicators under it, computed by a metric, or by hand. */
public enum Method {
    GROUP,
    COMPUTED,
    MANUAL;

    /** Whether a unit gets a score of its own on the indicator (every indicator but a group). */
    public boolean isScored() {
        return this != GROUP;
    }
}
