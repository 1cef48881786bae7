package org.yiyong.shared;

import java.time.LocalDate;

/** The funds paid what a module asked for: the order's number, the day and the bank's reference. */
public record PaymentSettled(String source, String sourceRef, long orderId, String orderNumber, LocalDate paidOn,
        String bankReference) {
}
