package org.yiyong.deeds.internal;

import org.yiyong.shared.DomainException;

/** The clock is already paused for documents. */
public class ClockAlreadyPaused extends DomainException {

    public ClockAlreadyPaused() {
        super(Kind.CONFLICT, "deed.deadline.already-paused");
    }
}
