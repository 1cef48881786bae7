package org.yiyong.leads.internal;

import java.time.LocalDate;

/**
 * What the reporter learns from the tracking code: where the lead stands, when it arrived and, when it
 * was not taken up, why. Nothing about the people, the narrative or the deed.
 */
public record PublicLeadStatus(String trackingCode, LeadStatus status, LocalDate receivedOn,
        String rejectionReason, Long deedId) {
}
