package org.yiyong.care.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/** Home-page reminders: overdue and soon-due visits (those of the user's own station first), open cases. */
@Component
class VisitReminders implements CareReminderSource {

    /** a home page lists a handful; the full lists are a click away */
    private static final int LIMIT = 8;

    private final VisitSchedule schedule;
    private final Assistance assistance;

    VisitReminders(VisitSchedule schedule, Assistance assistance) {
        this.schedule = schedule;
        this.assistance = assistance;
    }

    @Override
    public List<CareReminder> reminders(CurrentUser me) {
        if (!me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF, Role.LEADER)) {
            return List.of();
        }
        List<CareReminder> reminders = new ArrayList<>();
        // the overdue and the soon due, read once: sorted by date, the overdue come first
        List<VisitSchedule.Due> due = schedule.schedule(me, VisitSchedule.Filter.DUE_WITHIN_A_MONTH);
        due.stream().sorted(java.util.Comparator.comparing((VisitSchedule.Due d) ->
                        d.organizationId() == null || d.organizationId() != me.organizationId()))
                .limit(LIMIT)
                .forEach(d -> reminders.add(new CareReminder(d.overdue() ? "visit-overdue" : "visit-due", d.name(),
                        "/visits/new?samaritanId=" + d.samaritanId(), d.due(), d.overdue())));
        assistance.list(me, true, new org.yiyong.shared.PageRequest(0, LIMIT)).items()
                .forEach(c -> reminders.add(new CareReminder("case-open", c.name() + " · " + c.description(),
                        "/assistance-cases/" + c.id(), c.openedOn(), false)));
        return reminders;
    }
}
