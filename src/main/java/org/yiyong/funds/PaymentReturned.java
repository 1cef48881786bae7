package org.yiyong.funds;

import org.yiyong.shared.Money;

/** The bank returned a payment the funds had made: what was settled is due again. */
public record PaymentReturned(PaymentSource source, long orderId, String orderNumber, Money amount, String reason) {
}
