package org.yiyong.deeds.internal;

import org.yiyong.shared.DomainException;

/** An objection is resolved once; its resolution stays on record as it was written. */
public class ObjectionAlreadyResolved extends DomainException {

    public ObjectionAlreadyResolved(String number) {
        super(Kind.CONFLICT, "deed.objection.already-resolved", number);
    }
}
