package org.yiyong.deeds;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A deed as lists show it. */
public record DeedSummary(long id, String number, String regionCode, String regionName, DeedCategory category,
        DeedSource source, DeedStatus status, LocalDateTime occurredAt, String title, LocalDate receivedOn,
        LocalDate acceptedOn) {
}
