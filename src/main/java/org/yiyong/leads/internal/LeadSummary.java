package org.yiyong.leads.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A lead as lists show it: the start of what happened, without the reporter. */
public record LeadSummary(long id, String trackingCode, LeadStatus status, String regionCode, String regionName,
        LocalDate occurredOn, String address, String excerpt, Instant receivedAt, String deedNumber) {
}
