package org.yiyong.samaritans;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
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

    @ApplicationModuleListener
    void on(DeedConfirmed confirmed) {
        registry.registerConfirmed(confirmed);
    }
}
