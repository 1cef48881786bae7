package org.yiyong.deeds.internal;

import org.yiyong.shared.DomainException;

/** The deadline can be extended once only. */
public class DeadlineAlreadyExtended extends DomainException {

    public DeadlineAlreadyExtended() {
        super(Kind.CONFLICT, "deed.deadline.already-extended");
    }
}
