package org.yiyong.shared;

/** What caused a payment request no longer stands (an honour revoked): its order, unless paid, is cancelled. */
public record PaymentWithdrawn(String source, String sourceRef, String reason) {
}
