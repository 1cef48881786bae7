package org.yiyong.honours;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiyong.TransientRetry;
import org.yiyong.shared.PaymentReturned;
import org.yiyong.shared.PaymentSettled;

/** What the funds report back about rewards: paid (no longer late), or returned by the bank (due again). */
@Component
class RewardPayments {

    private final HonourGrants grants;

    RewardPayments(HonourGrants grants) {
        this.grants = grants;
    }

    @Async
    @TransactionalEventListener
    void on(PaymentSettled paid) {
        if (HonourGrants.SOURCE.equals(paid.source())) {
            TransientRetry.run(() -> grants.rewardPaid(paid));
        }
    }

    @Async
    @TransactionalEventListener
    void on(PaymentReturned returned) {
        if (HonourGrants.SOURCE.equals(returned.source())) {
            TransientRetry.run(() -> grants.rewardReturned(returned));
        }
    }
}
