package org.yiyong.shared;

/** The bank returned a payment the funds had made: what was settled is due again. */
public record PaymentReturned(String source, String sourceRef, String reason) {
}
