package org.yiyong.care.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/** The care reminders of a user's home page: overdue first, then by date. */
@Service
public class CareReminders {

    private final List<CareReminderSource> sources;

    CareReminders(List<CareReminderSource> sources) {
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    public List<CareReminder> of(CurrentUser me) {
        if (!me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF, Role.FINANCE_REVIEWER, Role.LEADER)) {
            return List.of();
        }
        return sources.stream().flatMap(source -> source.reminders(me).stream())
                .sorted(Comparator.comparing(CareReminder::overdue).reversed()
                        .thenComparing(CareReminder::due, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())))
                .toList();
    }
}
