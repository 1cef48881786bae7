package org.yiyong.samaritans.internal;

import org.yiyong.samaritans.SamaritanStatus;

/**
 * Narrows the registry list; every criterion is optional. {@code q} matches a name or registry number;
 * a complete resident ID number in it finds that person through the blind index.
 */
public record SamaritanFilter(String q, SamaritanStatus status, String regionCode, Boolean lostContact) {
}
