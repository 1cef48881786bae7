package org.yiyong.funds.internal;

import org.yiyong.shared.DomainException;

/**
 * A step refused by a rule of the funds: approving one's own order, paying one not approved, a fund
 * going below zero, a payment already made.
 */
public class FundRuleBroken extends DomainException {

    public FundRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
