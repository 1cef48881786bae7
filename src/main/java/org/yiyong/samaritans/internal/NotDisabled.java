package org.yiyong.samaritans.internal;

import org.yiyong.shared.DomainException;

/** A disability pension is owed only to a living person with an approved grade. */
public class NotDisabled extends DomainException {

    public NotDisabled(String name) {
        super(Kind.CONFLICT, "disability.pension.not-disabled", name);
    }
}
