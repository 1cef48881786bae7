package org.yiyong.deeds.internal;

import org.yiyong.shared.InvalidField;

/** The act lies too far back to be accepted, or only with an approval that is missing. */
public class FilingWindowClosed extends InvalidField {

    public FilingWindowClosed(String messageKey, int years) {
        super("lateFilingApproval", messageKey, years);
    }
}
