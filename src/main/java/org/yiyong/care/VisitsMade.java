package org.yiyong.care;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.shared.DataScope;

/**
 * The home visits an organization (a work station, a county office) made, for its ledger: each visit
 * records the organization of the staff member who recorded it.
 */
@Service
@Transactional(readOnly = true)
public class VisitsMade {

    private final JdbcClient jdbc;

    VisitsMade(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A visit as the ledger lists it: when, whom, who went, and whether the household was found in hardship. */
    public record VisitMade(long id, LocalDate visitedOn, long samaritanId, String samaritanName, String visitors,
            boolean hardship) {
    }

    /** How many visits the organization made within the scope since a day, and the latest of them. */
    public record Made(long since, List<VisitMade> latest) {
    }

    /**
     * How many visits each organization made between two days (both included), by organization id: for the
     * evaluation of work stations.
     */
    public java.util.Map<Long, Long> counts(LocalDate from, LocalDate to) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select organization_id as org, count(*) as n from visit
                where organization_id is not null and visited_on between :from and :to group by organization_id""")
                .param("from", from).param("to", to)
                .query((rs, row) -> counts.put(rs.getLong("org"), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * The visits the organization made to households of the caller's scope: how many on or after
     * {@code since}, and the latest {@code limit}, newest first.
     */
    public Made by(DataScope scope, long organizationId, LocalDate since, int limit) {
        long count = jdbc.sql("""
                select count(*) from visit
                where organization_id = :org and region_code in (:scope) and visited_on >= :since""")
                .param("org", organizationId).param("scope", scope.regionCodes()).param("since", since)
                .query(Long.class).single();
        List<VisitMade> latest = jdbc.sql("""
                select v.id, v.visited_on, v.samaritan_id, s.name, v.visitors, v.hardship
                from visit v join samaritans_person_view s on s.id = v.samaritan_id
                where v.organization_id = :org and v.region_code in (:scope)
                order by v.visited_on desc, v.id desc limit :limit""")
                .param("org", organizationId).param("scope", scope.regionCodes()).param("limit", limit)
                .query((rs, row) -> new VisitMade(rs.getLong("id"), rs.getObject("visited_on", LocalDate.class),
                        rs.getLong("samaritan_id"), rs.getString("name"), rs.getString("visitors"),
                        rs.getBoolean("hardship")))
                .list();
        return new Made(count, latest);
    }
}
