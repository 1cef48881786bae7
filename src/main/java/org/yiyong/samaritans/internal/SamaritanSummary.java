package org.yiyong.samaritans.internal;

import org.yiyong.samaritans.SamaritanStatus;

/** A registry row as lists show it: the ID number masked. */
public record SamaritanSummary(long id, String number, String name, String residentIdMasked, String regionCode,
        String regionName, SamaritanStatus status, boolean lostContact, int deeds) {
}
