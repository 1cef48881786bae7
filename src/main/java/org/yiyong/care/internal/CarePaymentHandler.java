package org.yiyong.care.internal;

import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;

/**
 * A part of care that asks the funds to pay (condolences, student aid, hardship grants). Its records
 * register {@link org.yiyong.funds.PaymentRequested} naming themselves as {@link #source(long)} does, and it
 * hears back here when the money was paid or returned by the bank — only about records of its own {@link #kind()}.
 * Handlers must be idempotent: the same news may arrive twice.
 */
public interface CarePaymentHandler {

    /** how the funds know the requests of this module */
    String MODULE = "CARE";

    /** the kind of record this part pays, e.g. {@code "campaign"}; one part per kind */
    String kind();

    /** How the funds name a record of this part that is paid as one. */
    default PaymentSource source(long recordId) {
        return PaymentSource.of(MODULE, kind(), recordId);
    }

    void paid(PaymentSettled paid);

    /** Many of its records paid by one batch ({@link org.yiyong.funds.PaymentsSettled}): each as {@link #paid}. */
    default void paidAll(java.util.List<PaymentSettled> paid) {
        paid.forEach(this::paid);
    }

    default void returned(PaymentReturned returned) {
    }
}
