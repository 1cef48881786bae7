package org.yiyong.samaritans.internal;

import org.yiyong.shared.DomainException;

/**
 * The resident ID number is already in the registry. Inside the caller's data scope the refusal names
 * the record; outside it, it only says that another county holds the person, since the registry
 * number (and the county it encodes) is not the caller's to see.
 */
public class AlreadyRegistered extends DomainException {

    private AlreadyRegistered(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }

    /** Registered in a region the caller sees: the registry number lets them open the record. */
    public static AlreadyRegistered as(String number) {
        return new AlreadyRegistered("samaritan.already-registered", number);
    }

    /** Registered in a region the caller does not see: who to ask, and nothing about the record. */
    public static AlreadyRegistered elsewhere() {
        return new AlreadyRegistered("samaritan.registered-elsewhere");
    }
}
