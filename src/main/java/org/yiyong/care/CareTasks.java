package org.yiyong.care;

import java.util.List;
import org.springframework.stereotype.Service;
import org.yiyong.care.internal.CareReminders;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.Task;
import org.yiyong.identity.TaskSource;

/**
 * Care waiting for someone, as its reminders have it: visits overdue and due, assistance cases open,
 * condolence rosters to approve and people to check, student aid to approve, targeted aid without an
 * outcome or its money for too long.
 */
@Service
public class CareTasks implements TaskSource {

    private final CareReminders reminders;

    CareTasks(CareReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public List<Task> tasksFor(CurrentUser me) {
        if (!me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF, Role.FINANCE_REVIEWER)) {
            return List.of(); // a leader reads the reminders on the dashboard; they are nobody's task there
        }
        return reminders.of(me).stream().map(reminder -> new Task("care." + reminder.kind(), null,
                reminder.subject(), null, reminder.link(), null, reminder.due())).toList();
    }
}
