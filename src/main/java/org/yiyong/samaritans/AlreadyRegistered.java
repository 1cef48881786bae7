package org.yiyong.samaritans;

import org.yiyong.shared.DomainException;

/** The resident ID number is already in the registry, under the given registry number. */
public class AlreadyRegistered extends DomainException {

    public AlreadyRegistered(String number) {
        super(Kind.CONFLICT, "samaritan.already-registered", number);
    }
}
