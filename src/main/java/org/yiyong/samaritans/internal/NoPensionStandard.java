package org.yiyong.samaritans.internal;

import org.yiyong.shared.InvalidField;

/** The pension standard of the year and grade has not been entered yet. */
public class NoPensionStandard extends InvalidField {

    public NoPensionStandard(int year, int grade) {
        super("year", "disability.pension.no-standard", String.valueOf(year), grade);
    }
}
