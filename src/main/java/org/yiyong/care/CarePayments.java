package org.yiyong.care;

import java.util.List;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiyong.TransientRetry;
import org.yiyong.shared.PaymentReturned;
import org.yiyong.shared.PaymentSettled;

/** What the funds report back about care's payments, handed to the part of care that asked. */
@Component
class CarePayments {

    private final List<CarePaymentHandler> handlers;

    CarePayments(List<CarePaymentHandler> handlers) {
        this.handlers = handlers;
    }

    @Async
    @TransactionalEventListener
    void on(PaymentSettled paid) {
        if (CarePaymentHandler.SOURCE.equals(paid.source())) {
            handlers.stream().filter(h -> paid.sourceRef().startsWith(h.prefix()))
                    .forEach(h -> TransientRetry.run(() -> h.paid(paid)));
        }
    }

    @Async
    @TransactionalEventListener
    void on(PaymentReturned returned) {
        if (CarePaymentHandler.SOURCE.equals(returned.source())) {
            handlers.stream().filter(h -> returned.sourceRef().startsWith(h.prefix()))
                    .forEach(h -> TransientRetry.run(() -> h.returned(returned)));
        }
    }
}
