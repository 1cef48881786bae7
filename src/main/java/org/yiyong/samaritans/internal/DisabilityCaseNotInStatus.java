package org.yiyong.samaritans.internal;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yiyong.shared.DomainException;

/** A step was asked of a disability case that is not at the stage the step belongs to. */
public class DisabilityCaseNotInStatus extends DomainException {

    public DisabilityCaseNotInStatus(DisabilityStatus actual) {
        // the status is named in the reader's language
        super(Kind.CONFLICT, "disability.case.wrong-status",
                new DefaultMessageSourceResolvable(new String[] {"disability.status." + actual.name()}, actual.name()));
    }
}
