package org.yiyong.funds.internal;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.yiyong.funds.PaymentRequested;
import org.yiyong.funds.PaymentWithdrawn;

/**
 * Requests of the other modules (rewards, condolences, aid) become payment orders, once; a withdrawn
 * request cancels its order. Each runs after the asking module committed, in a transaction of its own,
 * tried again when the database refused it for a passing reason (a row lock, a concurrent update).
 */
@Component
@Retryable(includes = TransientDataAccessException.class, maxRetries = 4, delay = 50, jitter = 25, multiplier = 2)
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
