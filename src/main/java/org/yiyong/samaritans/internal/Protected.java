package org.yiyong.samaritans.internal;

/** A number kept the way sensitive numbers are kept: SM4-encrypted, blind-indexed, and masked for display. */
public record Protected(String encrypted, String blindIndex, String masked) {
}
