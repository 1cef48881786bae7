package org.yiyong.samaritans.internal;

import java.time.LocalDate;
import org.yiyong.shared.InvalidField;

/** The proposed grade is posted publicly for at least 7 working days; holidays do not count. */
public class PostingTooShort extends InvalidField {

    public PostingTooShort(LocalDate start, LocalDate end, int workingDays, int required) {
        super("postingEnd", "disability.posting.too-short", start.toString(), end.toString(), workingDays, required);
    }
}
