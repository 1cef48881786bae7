package org.yiyong.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.Task;
import org.yiyong.identity.TaskSource;

/**
 * The community's work waiting for someone: a station built and awaiting the association's acceptance (for
 * county and city staff of its region), and an active volunteer's certificate running out within 60 days (for
 * the staff of the county, and a station's staff for their own station's teams), due the day it expires.
 */
@Service
@Transactional(readOnly = true)
public class CommunityTasks implements TaskSource {

    private final JdbcClient jdbc;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;

    CommunityTasks(JdbcClient jdbc, org.springframework.context.MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser me) {
        boolean association = me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
        boolean station = me.has(Role.STATION_STAFF);
        if (!association && !station) {
            return List.of();
        }
        List<Task> tasks = new ArrayList<>();
        if (association) {
            tasks.addAll(jdbc.sql("""
                    select s.organization_id, s.region_code, s.host_name,
                           (select max(p.step_on) from station_step p where p.organization_id = s.organization_id
                              and p.status = 'BUILT') as built_on
                    from station s where s.status = 'BUILT' and s.region_code in (:scope)""")
                    .param("scope", me.scope().regionCodes())
                    .query((rs, row) -> new Task("community.accept-station", null, rs.getString("host_name"),
                            rs.getString("region_code"), "/stations/" + rs.getLong("organization_id"),
                            rs.getObject("built_on", LocalDate.class), null))
                    .list());
        }
        LocalDate today = LocalDate.now(clock);
        tasks.addAll(jdbc.sql("""
                select v.id, v.name, v.region_code, c.expires_on, c.kind from volunteer_certificate c
                join volunteer v on v.id = c.volunteer_id join volunteer_team t on t.id = v.team_id
                where v.status = 'ACTIVE' and v.region_code in (:scope) and c.expires_on between :today and :until
                  and (:all = 1 or t.organization_id = :organization)
                order by c.expires_on""")
                .param("scope", me.scope().regionCodes()).param("today", today)
                .param("until", today.plusDays(Volunteering.EXPIRY_WARNING_DAYS)).param("all", association ? 1 : 0)
                .param("organization", me.organizationId())
                .query((rs, row) -> new Task("community.renew-certificate", rs.getString("name"),
                        messages.getMessage("certificate.kind." + rs.getString("kind"), null, rs.getString("kind"),
                                org.springframework.context.i18n.LocaleContextHolder.getLocale()),
                        rs.getString("region_code"), "/volunteers/" + rs.getLong("id") + "#certificates",
                        null, rs.getObject("expires_on", LocalDate.class)))
                .list());
        return tasks;
    }
}
