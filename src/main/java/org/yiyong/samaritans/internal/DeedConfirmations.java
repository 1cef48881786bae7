package org.yiyong.samaritans.internal;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.yiyong.deeds.DeedConfirmed;
import org.yiyong.samaritans.SamaritanRegistry;

/**
 * Registers each confirmed actor once the decision is committed, in a transaction of its own, tried
 * again when the database refused it for a passing reason. The publication is kept in table
 * {@code event_publication} until this has completed, and resubmitted (by one node, once it is overdue) if it has not.
 */
@Component
@Retryable(includes = TransientDataAccessException.class, maxRetries = 4, delay = 50, jitter = 25, multiplier = 2)
class DeedConfirmations {

    private final SamaritanRegistry registry;

    DeedConfirmations(SamaritanRegistry registry) {
        this.registry = registry;
    }

    @ApplicationModuleListener
    void on(DeedConfirmed confirmed) {
        registry.registerConfirmed(confirmed);
    }
}
