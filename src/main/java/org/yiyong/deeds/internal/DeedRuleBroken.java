package org.yiyong.deeds.internal;

import org.yiyong.shared.DomainException;

/**
 * A step that the deed's stage would allow, refused by a rule of the procedure: a refusal before the
 * applicant was heard, a confirmation that was never publicly noticed, a review asked too late.
 */
public class DeedRuleBroken extends DomainException {

    public DeedRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
