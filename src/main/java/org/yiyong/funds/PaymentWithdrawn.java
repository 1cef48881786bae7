package org.yiyong.funds;

/** What caused a payment request no longer stands (an honour revoked): its order, unless paid, is cancelled. */
public record PaymentWithdrawn(PaymentSource source, String reason) {
}
