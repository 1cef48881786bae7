package org.yiyong.samaritans.internal;

import org.yiyong.shared.InvalidField;

/** Disability grades run from 1 (the most severe) to 10. */
public class GradeOutOfRange extends InvalidField {

    public GradeOutOfRange(Integer grade) {
        super("grade", "disability.grade.out-of-range", String.valueOf(grade));
    }
}
