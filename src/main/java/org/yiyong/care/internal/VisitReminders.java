package org.yiyong.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/** Home-page reminders: overdue and soon-due visits (those of the user's own station first), open cases. */
@Component
class VisitReminders implements CareReminderSource {

    /** a home page lists a handful; the full lists are a click away */
    private static final int LIMIT = 8;

    /** How long the visits of a home page are kept: reading them means working out a whole scope's schedule. */
    static final Duration KEPT = Duration.ofMinutes(5);

    private final VisitSchedule schedule;
    private final Assistance assistance;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** The visit reminders of a scope and station as read at a moment, after so many changes of the schedule. */
    private record Kept(long changes, Instant at, LocalDate day, List<CareReminder> reminders) {
    }

    VisitReminders(VisitSchedule schedule, Assistance assistance, Clock clock) {
        this.schedule = schedule;
        this.assistance = assistance;
        this.clock = clock;
    }

    @Override
    public List<CareReminder> reminders(CurrentUser me) {
        if (!me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF, Role.LEADER)) {
            return List.of();
        }
        List<CareReminder> reminders = new ArrayList<>(visits(me));
        assistance.list(me, true, new org.yiyong.shared.PageRequest(0, LIMIT)).items()
                .forEach(c -> reminders.add(new CareReminder("case-open", c.name() + " · " + c.description(),
                        "/assistance-cases/" + c.id(), c.openedOn(), false)));
        return reminders;
    }

    /**
     * The visits most due, kept for {@link #KEPT} within the day unless a visit, an assignment or a policy changed
     * the schedule meanwhile (on this node; another node's change shows here when the time is up).
     */
    private List<CareReminder> visits(CurrentUser me) {
        String key = me.scope().sortedCodes() + "|" + me.organizationId();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        long changes = schedule.changes();
        Kept before = kept.get(key);
        if (before != null && before.changes() == changes && before.day().equals(today)
                && before.at().plus(KEPT).isAfter(now)) {
            return before.reminders();
        }
        List<CareReminder> reminders = new ArrayList<>();
        // the overdue and the soon due, read once: sorted by date, the overdue come first
        List<VisitSchedule.Due> due = schedule.first(me, VisitSchedule.Filter.DUE_WITHIN_A_MONTH, LIMIT, true);
        due.forEach(d -> reminders.add(new CareReminder(d.overdue() ? "visit-overdue" : "visit-due", d.name(),
                        "/visits/new?samaritanId=" + d.samaritanId(), d.due(), d.overdue())));
        if (kept.size() > 1000) {
            kept.clear();
        }
        kept.put(key, new Kept(changes, now, today, List.copyOf(reminders)));
        return reminders;
    }
}
