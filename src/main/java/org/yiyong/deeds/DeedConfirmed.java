package org.yiyong.deeds;

import java.time.LocalDate;

/**
 * An actor was confirmed (确认为见义勇为) — by the decision, or later by a review that changed it. The
 * registry of samaritans and the honours build on it. The resident ID number travels as stored:
 * SM4-encrypted, with its blind index and masked form.
 */
public record DeedConfirmed(long deedId, String deedNumber, String regionCode, DeedCategory category,
        LocalDate occurredOn, long participantId, String name, String residentIdEncrypted, String residentIdIndex,
        String residentIdMasked, Harm harm, LocalDate confirmedOn, String decisionNumber) {
}
