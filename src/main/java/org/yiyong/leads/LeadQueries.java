package org.yiyong.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.leads.internal.LeadFilter;
import org.yiyong.leads.internal.LeadStatus;
import org.yiyong.leads.internal.LeadSummary;
import org.yiyong.leads.internal.LeadTriage;
import org.yiyong.leads.internal.Leads;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/** Lists and counts of leads, filtered and paginated in SQL within the caller's data scope. */
@Service
@Transactional(readOnly = true)
public class LeadQueries {

    static final int EXCERPT = 60;

    private final JdbcClient jdbc;
    private final Regions regions;

    LeadQueries(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** Newest first. */
    @PreAuthorize(LeadTriage.READERS)
    public PageResult<LeadSummary> search(DataScope scope, LeadFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("l.region_code in (:scope)"));
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope.regionCodes());
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(l.tracking_code) like :q or lower(l.narrative) like :q or lower(l.address) like :q"
                    + " or lower(l.people_involved) like :q or lower(l.deed_number) like :q)");
            params.put("q", "%" + filter.q().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.status() != null) {
            where.add("l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            where.add("l.region_code = :region");
            params.put("region", filter.regionCode().strip());
        }
        String condition = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from lead l" + condition).params(params).query(Long.class).single();
        List<LeadSummary> items = jdbc.sql("""
                select l.id, l.tracking_code, l.status, l.region_code, l.occurred_on,
                       l.address, substring(l.narrative from 1 for %d) as excerpt, l.received_at, l.deed_number
                from lead l""".formatted(EXCERPT + 1) + condition
                        + " order by l.received_at desc, l.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> new LeadSummary(rs.getLong("id"), rs.getString("tracking_code"),
                        LeadStatus.valueOf(rs.getString("status")), rs.getString("region_code"),
                        regions.nameOf(rs.getString("region_code")), rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("address"), excerpt(rs.getString("excerpt")),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getString("deed_number")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Leads new or being checked, which staff still have to decide on. */
    public long awaitingTriage(DataScope scope) {
        return jdbc.sql("select count(*) from lead where region_code in (:scope) and status in ('NEW', 'IN_TRIAGE')")
                .param("scope", scope.regionCodes())
                .query(Long.class)
                .single();
    }

    /**
     * A lead an organization's staff registered for its reporter, as the organization's ledger lists it;
     * {@code status} is the name of the lead's status (NEW, IN_TRIAGE, ACCEPTED, MERGED, REJECTED).
     */
    public record ReportedLead(long id, String trackingCode, String status, String regionCode, String regionName,
            LocalDate occurredOn, Instant receivedAt, String excerpt, String deedNumber) {
    }

    /** How many leads the organization reported within the scope since an instant, and the latest of them. */
    public record Reported(long since, List<ReportedLead> latest) {
    }

    /**
     * The leads an organization's staff registered for their reporters, of the caller's scope: how many since
     * {@code since}, and the latest {@code limit}, newest first.
     */
    public Reported reportedBy(DataScope scope, long organizationId, Instant since, int limit) {
        long count = jdbc.sql("""
                select count(*) from lead
                where reporting_organization_id = :org and region_code in (:scope) and received_at >= :since""")
                .param("org", organizationId).param("scope", scope.regionCodes())
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Long.class).single();
        List<ReportedLead> latest = jdbc.sql("""
                select id, tracking_code, status, region_code, occurred_on, received_at,
                       substring(narrative from 1 for %d) as excerpt, deed_number
                from lead where reporting_organization_id = :org and region_code in (:scope)
                order by received_at desc, id desc limit :limit""".formatted(EXCERPT + 1))
                .param("org", organizationId).param("scope", scope.regionCodes()).param("limit", limit)
                .query((rs, row) -> new ReportedLead(rs.getLong("id"), rs.getString("tracking_code"),
                        rs.getString("status"), rs.getString("region_code"), regions.nameOf(rs.getString("region_code")),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), excerpt(rs.getString("excerpt")),
                        rs.getString("deed_number")))
                .list();
        return new Reported(count, latest);
    }

    /**
     * How many leads each organization's staff registered for their reporters between two instants (the first
     * included, the second not), by organization id: for the evaluation of work stations.
     */
    public Map<Long, Long> reportedCounts(Instant from, Instant to) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                select reporting_organization_id as org, count(*) as n from lead
                where reporting_organization_id is not null and received_at >= :from and received_at < :to
                group by reporting_organization_id""")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, row) -> counts.put(rs.getLong("org"), rs.getLong("n"))).list();
        return counts;
    }

    private static String excerpt(String start) {
        if (start == null) {
            return "";
        }
        return start.length() > EXCERPT ? start.substring(0, EXCERPT) + "…" : start;
    }
}
