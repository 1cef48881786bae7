package org.yiyong.samaritans.internal;

import org.yiyong.shared.DomainException;

/** A step refused by a rule of protection: a death already determined, an illegal benefit transition. */
public class SamaritanRuleBroken extends DomainException {

    public SamaritanRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
