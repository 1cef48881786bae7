package org.yiyong.care;

import org.yiyong.shared.PaymentReturned;
import org.yiyong.shared.PaymentSettled;

/**
 * A part of care that asks the funds to pay (condolences, student aid, hardship grants, targeted aid).
 * It publishes {@link org.yiyong.shared.PaymentRequested} with source {@link #SOURCE} and a
 * {@code sourceRef} that starts with its {@link #prefix()}; it hears back here when the money was paid
 * or returned by the bank. Handlers must be idempotent: the same news may arrive twice.
 */
public interface CarePaymentHandler {

    /** how the funds know the requests of this module */
    String SOURCE = "CARE";

    /** e.g. {@code "campaign-"}; no prefix may start another */
    String prefix();

    void paid(PaymentSettled paid);

    default void returned(PaymentReturned returned) {
    }
}
