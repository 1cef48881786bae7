package org.yiyong.reporting.internal;

import org.yiyong.shared.DomainException;

/** A step on an annual work report refused by its rules: a report issued and locked, a year already begun. */
public class AnnualReportRuleBroken extends DomainException {

    public AnnualReportRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
