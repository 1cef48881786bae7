package org.yiyong.samaritans;

import java.util.ArrayList;
import java.util.List;

/**
 * Something care keeps about these people's households may have changed: a person registered or imported,
 * their status, region, name or contact state, their family or a subsistence allowance. Published when the
 * change is written (at most {@link #MAX} people an event: a publication is stored in 4,000 characters); whoever
 * keeps a copy reads the people again.
 */
public record HouseholdsChanged(List<Long> samaritanIds) {

    /** At most this many people in one event. */
    public static final int MAX = 150;

    public HouseholdsChanged {
        samaritanIds = List.copyOf(samaritanIds);
    }

    /** The people in events of at most {@link #MAX}. */
    public static List<HouseholdsChanged> of(List<Long> samaritanIds) {
        List<Long> distinct = samaritanIds.stream().distinct().toList();
        List<HouseholdsChanged> events = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += MAX) {
            events.add(new HouseholdsChanged(distinct.subList(from, Math.min(distinct.size(), from + MAX))));
        }
        return events;
    }
}
