package org.yiyong.deeds.internal;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yiyong.deeds.DeedStatus;
import org.yiyong.shared.DomainException;

/** A step was asked of a deed that is not at the stage the step belongs to. */
public class DeedNotInStatus extends DomainException {

    public DeedNotInStatus(String number, DeedStatus actual) {
        // the status is named in the reader's language
        super(Kind.CONFLICT, "deed.status.wrong", number,
                new DefaultMessageSourceResolvable(new String[] {"deed.status." + actual.name()}, actual.name()));
    }
}
