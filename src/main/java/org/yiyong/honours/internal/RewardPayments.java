package org.yiyong.honours.internal;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.yiyong.funds.PaymentReturned;
import org.yiyong.funds.PaymentSettled;
import org.yiyong.funds.PaymentsSettled;
import org.yiyong.funds.SettledPayments;

/**
 * What the funds report back about rewards: paid (no longer late), or returned by the bank (due again).
 * Only the news about this module's requests reaches it; each is handled in a transaction of its own,
 * tried again when the database refused it for a passing reason.
 */
@Component
@Retryable(includes = TransientDataAccessException.class, maxRetries = 4, delay = 50, jitter = 25, multiplier = 2)
class RewardPayments {

    private final RewardLedger ledger;
    private final SettledPayments settled;

    RewardPayments(RewardLedger ledger, SettledPayments settled) {
        this.ledger = ledger;
        this.settled = settled;
    }

    /** A batch paid many rewards at once: each as if paid alone. */
    @ApplicationModuleListener(condition = "#root.args[0].isFor('" + RewardRequest.MODULE + "')")
    void on(PaymentsSettled batch) {
        settled.each(batch, 500, part -> part.forEach(ledger::rewardPaid));
    }

    @ApplicationModuleListener(condition = "#root.args[0].source().isFrom('" + RewardRequest.MODULE + "')")
    void on(PaymentSettled paid) {
        ledger.rewardPaid(paid);
    }

    @ApplicationModuleListener(condition = "#root.args[0].source().isFrom('" + RewardRequest.MODULE + "')")
    void on(PaymentReturned returned) {
        ledger.rewardReturned(returned);
    }
}
