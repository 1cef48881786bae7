package org.yiyong.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;

/**
 * The campaign reminders of the home page, in the user's scope: a roster submitted by someone else waits
 * for the user's approval (due a week before the festival); people who had lost contact wait for a check
 * of recent good conduct before the campaign can be paid (due three days before the festival).
 */
@Component
class CampaignReminders extends StaffReminders {

    static final String APPROVAL = "campaign-approval";
    static final String CONDUCT_CHECK = "campaign-conduct-check";

    CampaignReminders(JdbcClient jdbc, Clock clock) {
        super(jdbc, clock, Role.CITY_STAFF, Role.COUNTY_STAFF);
    }

    @Override
    List<CareReminder> reminders(CurrentUser me, LocalDate today) {
        List<CareReminder> reminders = new ArrayList<>();
        jdbc.sql("""
                select id, name, reference_date from campaign
                where region_code in (:scope) and status = 'SUBMITTED' and created_by <> :me and submitted_by <> :me
                order by reference_date, id""")
                .param("scope", me.scope().regionCodes()).param("me", me.username())
                .query((rs, row) -> {
                    LocalDate due = rs.getObject("reference_date", LocalDate.class).minusDays(7);
                    return reminders.add(CareReminder.due(APPROVAL, rs.getString("name"),
                            "/campaigns/" + rs.getLong("id"), due, today));
                })
                .list();
        jdbc.sql("""
                select c.id, c.name, c.reference_date, count(*) as n
                from campaign c join campaign_line l on l.campaign_id = c.id
                where c.region_code in (:scope) and c.status in ('DRAFT', 'SUBMITTED', 'APPROVED')
                  and l.conduct_check_required and l.conduct_good is null and l.status in ('INCLUDED', 'EXCLUDED')
                  and l.reason_code in ('RULE', 'ADDED_BY_STAFF', 'LOST_CONTACT')
                group by c.id, c.name, c.reference_date
                order by c.reference_date, c.id""")
                .param("scope", me.scope().regionCodes())
                .query((rs, row) -> {
                    LocalDate due = rs.getObject("reference_date", LocalDate.class).minusDays(3);
                    return reminders.add(CareReminder.due(CONDUCT_CHECK, rs.getString("name") + "（" + rs.getLong("n")
                            + "）", "/campaigns/" + rs.getLong("id") + "?filter=check", due, today));
                })
                .list();
        return reminders;
    }
}
