package org.yiyong.funds;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiyong.shared.PaymentRequested;
import org.yiyong.shared.PaymentWithdrawn;

/** Requests of the other modules (rewards now; condolences and aid later) become payment orders, once. */
@Component
class PaymentRequests {

    private final Payments payments;

    PaymentRequests(Payments payments) {
        this.payments = payments;
    }

    @ApplicationModuleListener
    void on(PaymentRequested requested) {
        payments.fromRequest(requested);
    }

    @ApplicationModuleListener
    void on(PaymentWithdrawn withdrawn) {
        payments.withdraw(withdrawn);
    }
}
