package org.yiyong.samaritans.internal;

import java.time.LocalDate;
import org.yiyong.shared.DomainException;

/** A person has one disability case under way at a time; the next waits until it is decided. */
public class DisabilityCaseOpen extends DomainException {

    public DisabilityCaseOpen(LocalDate appliedOn) {
        super(Kind.CONFLICT, "disability.case.open", appliedOn.toString());
    }
}
