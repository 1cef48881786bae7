package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the condolence standard: a category's amount from a day on, until a later row replaces it. */
public record CondolenceStandard(long id, CondolenceCategory category, LocalDate effectiveFrom, BigDecimal amount,
        String note, String recordedBy, Instant recordedAt) {
}
