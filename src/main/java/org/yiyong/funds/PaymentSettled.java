package org.yiyong.funds;

import java.time.LocalDate;
import org.yiyong.shared.Money;

/**
 * The funds paid what a module asked for: the order's number, the amount, the day and the bank's
 * reference. A module hears only its own: its listener's condition asks {@code source().isFrom(…)}.
 */
public record PaymentSettled(PaymentSource source, long orderId, String orderNumber, Money amount, LocalDate paidOn,
        String bankReference) {
}
