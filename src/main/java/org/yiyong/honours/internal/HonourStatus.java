package org.yiyong.honours.internal;

/** Where an honour stands. Stored by name. */
public enum HonourStatus {
    PROPOSED,
    APPROVED,
    GRANTED,
    REFUSED,
    REVOKED
}
