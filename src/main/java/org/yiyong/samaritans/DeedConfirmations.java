package org.yiyong.samaritans;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiyong.TransientRetry;
import org.yiyong.deeds.DeedConfirmed;

/**
 * Registers each confirmed actor once the decision is committed. The publication is kept in table
 * {@code event_publication} until this has completed, and resubmitted after a restart if it has not.
 */
@Component
class DeedConfirmations {

    private final SamaritanRegistry registry;

    DeedConfirmations(SamaritanRegistry registry) {
        this.registry = registry;
    }

    @Async
    @TransactionalEventListener
    void on(DeedConfirmed confirmed) {
        TransientRetry.run(() -> registry.registerConfirmed(confirmed));
    }
}
