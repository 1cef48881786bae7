package org.yiyong.deeds.internal;

/**
 * How a decision deadline is counted: a number of calendar or working days after acceptance, and the
 * most one extension may add. Kept as configuration, since provinces differ (DOMAIN.md §2).
 */
public record DeadlineRule(Counting counting, int days, int maxExtensionDays) {

    /** Whether every day counts, or working days only. */
    public enum Counting {
        /** 自然日: every day counts; a deadline falling on a day off moves to the next working day */
        CALENDAR_DAYS,
        /** 工作日: only working days count */
        WORKING_DAYS
    }

    public DeadlineRule {
        if (counting == null || days <= 0 || maxExtensionDays < 0) {
            throw new IllegalArgumentException("a deadline counts a positive number of days");
        }
    }

    /** The default: 30 calendar days, one extension of up to 30 days. */
    public static DeadlineRule standard() {
        return new DeadlineRule(Counting.CALENDAR_DAYS, 30, 30);
    }
}
