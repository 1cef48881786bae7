package org.yiyong.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/**
 * Targeted aid to follow up: an application without an outcome more than 60 days after it was made, and
 * aid granted but not yet received 60 days after the decision.
 */
@Component
public class TargetedAidReminders extends StaffReminders {

    static final int FOLLOW_UP_DAYS = 60;

    TargetedAidReminders(JdbcClient jdbc, Clock clock) {
        super(jdbc, clock, Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    @Override
    List<CareReminder> reminders(CurrentUser me, LocalDate today) {
        LocalDate since = today.minusDays(FOLLOW_UP_DAYS);
        return jdbc.sql("""
                select a.id, a.status, a.applied_to, a.applied_on, a.decided_on, s.name
                from targeted_aid_application a join samaritans_person_view s on s.id = a.samaritan_id
                where s.region_code in (:scope)
                  and ((a.status = 'SUBMITTED' and a.applied_on < :since)
                       or (a.status = 'GRANTED' and a.decided_on < :since))
                order by a.applied_on, a.id""")
                .param("scope", me.scope().regionCodes()).param("since", since)
                .query((rs, row) -> {
                    boolean granted = "GRANTED".equals(rs.getString("status"));
                    LocalDate from = rs.getObject(granted ? "decided_on" : "applied_on", LocalDate.class);
                    LocalDate due = from.plusDays(FOLLOW_UP_DAYS);
                    return CareReminder.due(granted ? "targeted-aid.awaiting-money" : "targeted-aid.awaiting-outcome",
                            rs.getString("name"), "/targeted-aid#targeted-aid-" + rs.getLong("id"), due, today);
                }).list();
    }
}
