package org.yiyong.deeds;

import org.yiyong.shared.DomainException;

/** A step was asked of a deed that is not at the stage the step belongs to. */
public class DeedNotInStatus extends DomainException {

    public DeedNotInStatus(String number, DeedStatus actual) {
        super(Kind.CONFLICT, "deed.status.wrong", number, actual.name());
    }
}
