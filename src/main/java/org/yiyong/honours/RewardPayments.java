package org.yiyong.honours;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiyong.shared.PaymentReturned;
import org.yiyong.shared.PaymentSettled;

/** What the funds report back about rewards: paid (no longer late), or returned by the bank (due again). */
@Component
class RewardPayments {

    private final HonourGrants grants;

    RewardPayments(HonourGrants grants) {
        this.grants = grants;
    }

    @ApplicationModuleListener
    void on(PaymentSettled paid) {
        if (HonourGrants.SOURCE.equals(paid.source())) {
            grants.rewardPaid(paid);
        }
    }

    @ApplicationModuleListener
    void on(PaymentReturned returned) {
        if (HonourGrants.SOURCE.equals(returned.source())) {
            grants.rewardReturned(returned);
        }
    }
}
