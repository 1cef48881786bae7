package org.yiyong.samaritans.internal;

import java.time.LocalDate;
import org.yiyong.shared.InvalidField;

/** A re-assessment is applied for no sooner than 1 year after the last approval. */
public class ReassessmentTooSoon extends InvalidField {

    public ReassessmentTooSoon(LocalDate lastApprovedOn, LocalDate earliest) {
        super("appliedOn", "disability.reassessment.too-soon", lastApprovedOn.toString(), earliest.toString());
    }
}
