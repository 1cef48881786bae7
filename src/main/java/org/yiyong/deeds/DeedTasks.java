package org.yiyong.deeds;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.deeds.internal.DecidingBureaus;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.Role;
import org.yiyong.identity.Task;
import org.yiyong.identity.TaskSource;

/**
 * The steps of a deed waiting for someone: the county's staff accept it, send it to investigation, close a
 * notice that has run, deliver the letter and answer review requests; the police bureau that confirms the
 * region's deeds proposes the outcomes, hears and decides; the investigators of the organization it was
 * sent to report; each committee member gives an opinion. A step inside the decision's deadline carries
 * that deadline.
 */
@Service
@Transactional(readOnly = true)
public class DeedTasks implements TaskSource {

    private final JdbcClient jdbc;
    private final DeadlineWatch deadlines;
    private final Clock clock;
    private final DecidingBureaus bureaus;

    DeedTasks(JdbcClient jdbc, DeadlineWatch deadlines, Clock clock, DecidingBureaus bureaus) {
        this.bureaus = bureaus;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser me) {
        boolean bureau = me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF);
        boolean investigator = me.has(Role.INVESTIGATOR);
        boolean committee = me.has(Role.COMMITTEE_MEMBER);
        if (!bureau && !investigator && !committee) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        String confirming = bureaus.confirmingRegion(me).orElse(null);
        Map<Long, LocalDate> due = new HashMap<>();
        deadlines.running(me.scope()).forEach(deed -> due.put(deed.id(), deed.dueDate()));
        List<Task> tasks = new ArrayList<>();
        jdbc.sql("""
                select d.id, d.number, d.title, d.region_code, d.status, d.received_on, d.accepted_on,
                       d.notice_end, d.reported_on, d.decided_on, d.investigating_organization_id,
                       d.investigator_username,
                       (select count(*) from deed_review_opinion o where o.deed_id = d.id and o.reviewer = :me)
                           as my_opinions,
                       (select count(*) from deed_review_request r where r.deed_id = d.id and r.outcome is null)
                           as open_requests
                from deed d
                where d.region_code in (:scope)
                  and d.id in (select x.id from deed x where x.region_code in (:scope)
                                 and x.status in ('RECEIVED', 'ACCEPTED', 'INVESTIGATING', 'UNDER_REVIEW',
                                                  'IN_NOTICE', 'NOTICE_CLOSED', 'HEARING', 'DECIDED')
                               union
                               select r.deed_id from deed_review_request r where r.outcome is null)
                order by d.received_on, d.id""")
                .param("scope", me.scope().regionCodes()).param("me", me.username())
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    DeedStatus status = DeedStatus.valueOf(rs.getString("status"));
                    String kind = null;
                    boolean confirms = bureau && rs.getString("region_code").equals(confirming);
                    LocalDate since = rs.getObject("received_on", LocalDate.class);
                    LocalDate by = due.get(id);
                    switch (status) {
                        case RECEIVED -> kind = bureau ? "deed.accept" : null;
                        case ACCEPTED -> {
                            kind = bureau ? "deed.assign" : null;
                            since = rs.getObject("accepted_on", LocalDate.class);
                        }
                        case INVESTIGATING -> {
                            Object organization = rs.getObject("investigating_organization_id");
                            String named = rs.getString("investigator_username");
                            // the investigator it was given to, or, when none was named, those of the organization
                            kind = investigator && (named != null ? named.equals(me.username())
                                    : organization != null && ((Number) organization).longValue() == me.organizationId())
                                    ? "deed.investigate" : null;
                            since = rs.getObject("accepted_on", LocalDate.class);
                        }
                        case UNDER_REVIEW -> {
                            kind = committee && rs.getLong("my_opinions") == 0 ? "deed.opinion"
                                    : confirms ? "deed.propose" : null;
                            since = rs.getObject("reported_on", LocalDate.class);
                        }
                        case IN_NOTICE -> {
                            LocalDate end = rs.getObject("notice_end", LocalDate.class);
                            // waiting for the notice to run its course; then it is to be closed
                            kind = bureau && end != null && end.isBefore(today) ? "deed.close-notice" : null;
                            since = end == null ? since : end.plusDays(1);
                        }
                        case NOTICE_CLOSED -> kind = confirms ? "deed.decide" : null;
                        case HEARING -> kind = confirms ? "deed.hearing" : null;
                        case DECIDED -> {
                            kind = bureau ? "deed.deliver" : null;
                            since = rs.getObject("decided_on", LocalDate.class);
                        }
                        default -> kind = null;
                    }
                    if (kind == null && bureau && rs.getLong("open_requests") > 0) {
                        kind = "deed.review-request";
                    }
                    return kind == null ? null : new Task(kind, rs.getString("number"), rs.getString("title"),
                            rs.getString("region_code"), "/deeds/" + id, since, by);
                })
                .list().stream().filter(java.util.Objects::nonNull).forEach(tasks::add);
        return tasks;
    }
}
