package org.yiyong.leads;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.Task;
import org.yiyong.identity.TaskSource;

/** Leads from the public waiting to be triaged (分拣): for the staff of the lead's region. */
@Service
@Transactional(readOnly = true)
public class LeadTasks implements TaskSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadTasks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser me) {
        if (!me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF)) {
            return List.of();
        }
        return jdbc.sql("""
                select id, tracking_code, address, region_code, received_at from lead
                where region_code in (:scope) and status in ('NEW', 'IN_TRIAGE') order by received_at""")
                .param("scope", me.scope().regionCodes())
                .query((rs, row) -> new Task("lead.triage", rs.getString("tracking_code"), rs.getString("address"),
                        rs.getString("region_code"), "/leads/" + rs.getLong("id"),
                        rs.getObject("received_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toLocalDate(),
                        null))
                .list();
    }
}
