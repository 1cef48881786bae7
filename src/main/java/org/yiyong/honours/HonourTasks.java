package org.yiyong.honours;

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
 * The honours' steps waiting for someone: city staff approve a proposal someone else made and grant what
 * is approved; the staff who run a round take it on once it is scored and approved; each panel member scores
 * the candidates they are not recused from; staff record what came of a recommendation upward.
 */
@Service
@Transactional(readOnly = true)
public class HonourTasks implements TaskSource {

    private final JdbcClient jdbc;

    HonourTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Task> tasksFor(CurrentUser me) {
        List<Task> tasks = new ArrayList<>();
        if (me.has(Role.CITY_STAFF)) {
            tasks.addAll(jdbc.sql("""
                    select h.id, h.samaritan_id, h.deed_id, h.status, h.proposed_on, h.approved_on, h.region_code,
                           h.deed_number, coalesce(s.name, h.recipient_name, '') as name, t.name as title
                    from honour h join title t on t.id = h.title_id
                    left join samaritans_person_view s on s.id = h.samaritan_id
                    where h.region_code in (:scope) and h.mode <> 'ROUND'
                      and ((h.status = 'PROPOSED' and h.proposed_by <> :me) or h.status = 'APPROVED')
                    order by h.proposed_on, h.id""")
                    .param("scope", me.scope().regionCodes()).param("me", me.username())
                    .query((rs, row) -> {
                        boolean proposed = "PROPOSED".equals(rs.getString("status"));
                        return new Task(proposed ? "honour.approve" : "honour.grant",
                                rs.getString("deed_number"), rs.getString("name") + "　" + rs.getString("title"),
                                rs.getString("region_code"), rs.getObject("samaritan_id") != null
                                        ? "/samaritans/" + rs.getLong("samaritan_id") + "#honours"
                                        : "/deeds/" + rs.getLong("deed_id"),
                                rs.getObject(proposed ? "proposed_on" : "approved_on", LocalDate.class), null);
                    })
                    .list());
        }
        if (me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF)) {
            // a round at a step its staff take: ranked (titles and the granting body's approval), approved (grant)
            tasks.addAll(jdbc.sql("""
                    select r.id, r.name, r.status, r.region_code, r.window_to from honour_round r
                    where r.status in ('RANKED', 'APPROVED')
                      and (r.region_code is null and :city = 1 or r.region_code in (:scope))
                    order by r.id""")
                    .param("scope", me.scope().regionCodes()).param("city", me.has(Role.CITY_STAFF) ? 1 : 0)
                    .query((rs, row) -> new Task("RANKED".equals(rs.getString("status")) ? "round.title"
                            : "round.grant", null, rs.getString("name"), rs.getString("region_code"),
                            "/honour-rounds/" + rs.getLong("id"), rs.getObject("window_to", LocalDate.class), null))
                    .list());
            tasks.addAll(jdbc.sql("""
                    select r.id, r.samaritan_id, r.deed_number, r.region_code, r.recommended_on, r.recommended_to,
                           coalesce(r.group_name, s.name) as name, t.name as title
                    from recommendation r join title t on t.id = r.title_id
                    join samaritans_person_view s on s.id = r.samaritan_id
                    where r.status = 'SUBMITTED' and r.region_code in (:scope)
                    order by r.recommended_on, r.id""")
                    .param("scope", me.scope().regionCodes())
                    .query((rs, row) -> new Task("recommendation.outcome", rs.getString("deed_number"),
                            rs.getString("name") + "　" + rs.getString("title") + "（" + rs.getString("recommended_to")
                                    + "）", rs.getString("region_code"),
                            "/samaritans/" + rs.getLong("samaritan_id"),
                            rs.getObject("recommended_on", LocalDate.class), null))
                    .list());
        }
        if (me.has(Role.COMMITTEE_MEMBER)) {
            // a panel member with candidates left to score (not those they are recused from)
            tasks.addAll(jdbc.sql("""
                    select r.id, r.name, r.region_code, r.window_to,
                           (select count(*) from round_candidate c where c.round_id = r.id
                              and not exists (select 1 from round_conflict x where x.candidate_id = c.id
                                              and x.username = :me)
                              and (select count(*) from round_score sc where sc.candidate_id = c.id
                                   and sc.username = :me)
                                  < (select count(*) from round_criterion k where k.round_id = r.id)) as left_to_score
                    from honour_round r join round_member m on m.round_id = r.id and m.username = :me
                    where r.status = 'REVIEWING' order by r.id""")
                    .param("me", me.username())
                    .query((rs, row) -> rs.getLong("left_to_score") == 0 ? null
                            : new Task("round.score", null, rs.getString("name") + "（" + rs.getLong("left_to_score")
                                    + "）", rs.getString("region_code"), "/honour-rounds/" + rs.getLong("id"),
                                    rs.getObject("window_to", LocalDate.class), null))
                    .list().stream().filter(java.util.Objects::nonNull).toList());
        }
        return tasks;
    }
}
