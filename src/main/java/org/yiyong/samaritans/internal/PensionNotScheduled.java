package org.yiyong.samaritans.internal;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yiyong.shared.DomainException;

/** Only a pension line still on the schedule can be recorded as paid or stopped. */
public class PensionNotScheduled extends DomainException {

    public PensionNotScheduled(int year, PensionStatus actual) {
        super(Kind.CONFLICT, "disability.pension.wrong-status", String.valueOf(year),
                new DefaultMessageSourceResolvable(new String[] {"disability.pension.status." + actual.name()},
                        actual.name()));
    }
}
