package org.yiyong.care;

import org.springframework.stereotype.Service;
import org.yiyong.care.internal.VisitSchedule;
import org.yiyong.identity.CurrentUser;

/**
 * How many households of the caller's scope wait for a visit past its due date today, by the schedule's
 * rules (the interval of the household's category since its last visit) — for the dashboard, which links
 * to the schedule itself.
 */
@Service
public class VisitsDue {

    private final VisitSchedule schedule;

    VisitsDue(VisitSchedule schedule) {
        this.schedule = schedule;
    }

    /** Households overdue for a visit today. */
    public long overdue(CurrentUser me) {
        return schedule.schedule(me, VisitSchedule.Filter.OVERDUE).size();
    }
}
