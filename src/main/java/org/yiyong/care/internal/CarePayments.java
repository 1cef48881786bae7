package org.yiyong.care.internal;

import java.util.List;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentSource;
import org.yiyong.funds.PaymentsSettled;
import org.yiyong.funds.SettledPayments;

/**
 * What the funds report back about care's payments — only those, by the listeners' condition — handed
 * to the part of care whose kind of record was paid. Each is handled in a transaction of its own, tried
 * again when the database refused it for a passing reason.
 */
@Component
@Retryable(includes = TransientDataAccessException.class, maxRetries = 4, delay = 50, jitter = 25, multiplier = 2)
class CarePayments {

    private final List<CarePaymentHandler> handlers;
    private final SettledPayments settled;

    CarePayments(List<CarePaymentHandler> handlers, SettledPayments settled) {
        this.handlers = handlers;
        this.settled = settled;
    }

    @ApplicationModuleListener(condition = "#root.args[0].source().isFrom('" + CarePaymentHandler.MODULE + "')")
    void on(PaymentSettled paid) {
        handlersOf(paid.source()).forEach(handler -> handler.paid(paid));
    }

    /** A batch paid many of care's records at once: each part handed to the parts of care whose records they are. */
    @ApplicationModuleListener(condition = "#root.args[0].isFor('" + CarePaymentHandler.MODULE + "')")
    void on(PaymentsSettled batch) {
        settled.each(batch, 1000, part -> {
            for (CarePaymentHandler handler : handlers) {
                List<PaymentSettled> own = part.stream()
                        .filter(paid -> paid.source().is(CarePaymentHandler.MODULE, handler.kind())).toList();
                if (!own.isEmpty()) {
                    handler.paidAll(own);
                }
            }
        });
    }

    @ApplicationModuleListener(condition = "#root.args[0].source().isFrom('" + CarePaymentHandler.MODULE + "')")
    void on(PaymentReturned returned) {
        handlersOf(returned.source()).forEach(handler -> handler.returned(returned));
    }

    private List<CarePaymentHandler> handlersOf(PaymentSource source) {
        return handlers.stream().filter(handler -> source.is(CarePaymentHandler.MODULE, handler.kind())).toList();
    }
}
