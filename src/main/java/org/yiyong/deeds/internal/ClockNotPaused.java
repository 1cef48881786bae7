package org.yiyong.deeds.internal;

import org.yiyong.shared.DomainException;

/** The clock is not paused. */
public class ClockNotPaused extends DomainException {

    public ClockNotPaused() {
        super(Kind.CONFLICT, "deed.deadline.not-paused");
    }
}
