package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.yiyong.samaritans.SchoolStage;

/** The student aid of one stage a year, from the start of a school year until the next rate of the stage. */
public record StudentAidRate(long id, SchoolStage stage, LocalDate effectiveFrom, BigDecimal amount, String note,
        String recordedBy, Instant recordedAt) {

    public StudentAidYear fromYear() {
        return StudentAidYear.of(effectiveFrom);
    }
}
