package org.yiyong.care.internal;

import org.yiyong.shared.DomainException;

/** A step refused by a rule of care: the wrong stage, a person twice on a roster, a check not yet recorded. */
public class CareRuleBroken extends DomainException {

    public CareRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
