package org.yiyong.honours.internal;

import org.yiyong.shared.DomainException;

/** A step refused by a rule of honours: the wrong stage, approving one's own proposal, a title held twice. */
public class HonourRuleBroken extends DomainException {

    public HonourRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
