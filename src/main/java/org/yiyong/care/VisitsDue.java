package org.yiyong.care;

import org.springframework.stereotype.Service;
import org.yiyong.care.internal.VisitSchedule;
import org.yiyong.identity.CurrentUser;

/**
 * How many households of the caller's scope wait for a visit past its due date today, by the schedule's
 * rules (the interval of the household's category since its last visit) — for the dashboard, which links
 * to the schedule itself — and the households of the schedule, for the evaluation of visits on schedule.
 */
@Service
public class VisitsDue {

    private final VisitSchedule schedule;

    VisitsDue(VisitSchedule schedule) {
        this.schedule = schedule;
    }

    /** A household on the visit schedule: who, where, when its next visit is due and whether that is past. */
    public record Household(long samaritanId, String name, String regionCode, java.time.LocalDate due,
            boolean overdue) {
    }

    /** Every household on the schedule within the caller's scope, as the schedule stands today. */
    public java.util.List<Household> households(CurrentUser me) {
        java.time.LocalDate today = schedule.today();
        return schedule.kept(me).stream()
                .map(due -> new Household(due.samaritanId(), due.name(), due.regionCode(), due.due(),
                        due.due().isBefore(today)))
                .toList();
    }

    /** Households overdue for a visit today. */
    public long overdue(CurrentUser me) {
        return schedule.count(me, VisitSchedule.Filter.OVERDUE);
    }
}
