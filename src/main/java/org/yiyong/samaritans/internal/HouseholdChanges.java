package org.yiyong.samaritans.internal;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yiyong.samaritans.HouseholdsChanged;

/**
 * Says {@link HouseholdsChanged} whenever a person's record is written: every change to a record, its family,
 * benefits, tracing or status goes through the record (its timeline and version), so writing it is the one
 * place to hear of them. Rows written around the records (imports, demo data) are announced with
 * {@link #changed(Collection)}.
 */
@Component
class HouseholdChanges {

    private final ApplicationEventPublisher events;

    HouseholdChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    void written(Samaritan samaritan) {
        events.publishEvent(new HouseholdsChanged(List.of(samaritan.getId())));
    }

    /** These people's rows were written without their records. */
    void changed(Collection<Long> samaritanIds) {
        HouseholdsChanged.of(List.copyOf(samaritanIds)).forEach(events::publishEvent);
    }
}
