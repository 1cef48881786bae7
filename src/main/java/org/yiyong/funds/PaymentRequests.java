package org.yiyong.funds;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiyong.TransientRetry;
import org.yiyong.shared.PaymentRequested;
import org.yiyong.shared.PaymentWithdrawn;

/** Requests of the other modules (rewards now; condolences and aid later) become payment orders, once. */
@Component
class PaymentRequests {

    private final Payments payments;

    PaymentRequests(Payments payments) {
        this.payments = payments;
    }

    @Async
    @TransactionalEventListener
    void on(PaymentRequested requested) {
        TransientRetry.run(() -> payments.fromRequest(requested));
    }

    @Async
    @TransactionalEventListener
    void on(PaymentWithdrawn withdrawn) {
        TransientRetry.run(() -> payments.withdraw(withdrawn));
    }
}
