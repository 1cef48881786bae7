package org.yiyong.deeds.internal;

import java.time.LocalDate;

/**
 * How long after the act a case may still be accepted: normally a year; up to two with a recorded
 * city-level approval (DOMAIN.md §2, configurable).
 */
public record FilingWindow(int years, int extendedYears) {

    public FilingWindow {
        if (years <= 0 || extendedYears < years) {
            throw new IllegalArgumentException("the extended window is at least the normal one");
        }
    }

    /** Refuses an acceptance that comes too late for the window, or needs an approval it lacks. */
    public void requireOpen(LocalDate actDate, LocalDate acceptedOn, String lateFilingApproval) {
        if (!acceptedOn.isAfter(actDate.plusYears(years))) {
            return;
        }
        if (acceptedOn.isAfter(actDate.plusYears(extendedYears))) {
            throw new FilingWindowClosed("deed.filing.too-late", extendedYears);
        }
        if (lateFilingApproval == null || lateFilingApproval.isBlank()) {
            throw new FilingWindowClosed("deed.filing.needs-approval", years);
        }
    }
}
