package org.yiyong.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/**
 * Student aid applications awaiting approval, one reminder per school year, for the city staff who
 * may approve them (not their own): due 30 days after the oldest was submitted.
 */
@Component
public class StudentAidReminders extends StaffReminders {

    static final int APPROVAL_DAYS = 30;

    StudentAidReminders(JdbcClient jdbc, Clock clock) {
        super(jdbc, clock, Role.CITY_STAFF);
    }

    @Override
    List<CareReminder> reminders(CurrentUser me, LocalDate today) {
        return jdbc.sql("""
                select a.school_year, count(*) as n, min(a.submitted_on) as oldest
                from student_aid_application a join samaritans_person_view s on s.id = a.samaritan_id
                where a.status = 'SUBMITTED' and a.submitted_by <> :me and s.region_code in (:scope)
                group by a.school_year order by a.school_year""")
                .param("me", me.username()).param("scope", me.scope().regionCodes())
                .query((rs, row) -> {
                    StudentAidYear year = new StudentAidYear(rs.getInt("school_year"));
                    LocalDate due = rs.getObject("oldest", LocalDate.class).plusDays(APPROVAL_DAYS);
                    return CareReminder.due("student-aid.awaiting-approval", year.label() + " · " + rs.getLong("n"),
                            "/student-aid?year=" + year.label() + "&status=SUBMITTED", due, today);
                }).list();
    }
}
