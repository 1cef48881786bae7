package org.yiyong.samaritans.internal;

import java.time.LocalDate;
import org.yiyong.shared.InvalidField;

/** A grade is approved only after its public posting is over. */
public class PostingStillRunning extends InvalidField {

    public PostingStillRunning(LocalDate postingEnd) {
        super("approvedOn", "disability.posting.still-running", postingEnd.toString());
    }
}
