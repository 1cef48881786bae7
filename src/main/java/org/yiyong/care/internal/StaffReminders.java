package org.yiyong.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/**
 * Reminders read from care's records for the staff of some roles only; anyone else has none of them.
 * They are read on the day of the care clock.
 */
abstract class StaffReminders implements CareReminderSource {

    final JdbcClient jdbc;
    private final Clock clock;
    private final Role[] roles;

    StaffReminders(JdbcClient jdbc, Clock clock, Role... roles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.roles = roles.clone();
    }

    @Override
    public List<CareReminder> reminders(CurrentUser me) {
        if (!me.hasAny(roles)) {
            return List.of();
        }
        return reminders(me, LocalDate.now(clock));
    }

    /** The reminders of a user of one of the roles, on the given day. */
    abstract List<CareReminder> reminders(CurrentUser me, LocalDate today);
}
