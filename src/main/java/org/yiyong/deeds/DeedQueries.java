package org.yiyong.deeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.organization.Regions;
import org.yiyong.shared.DataScope;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/** Lists of deeds, filtered and paginated in SQL within the caller's data scope. */
@Service
@Transactional(readOnly = true)
public class DeedQueries {

    private final JdbcClient jdbc;
    private final DeadlineWatch deadlines;
    private final Regions regions;

    DeedQueries(JdbcClient jdbc, DeadlineWatch deadlines, Regions regions) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.regions = regions;
    }

    public PageResult<DeedSummary> search(DataScope scope, DeedFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("d.region_code in (:scope)"));
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope.regionCodes());
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(d.number) like :q or lower(d.title) like :q or lower(d.address) like :q"
                    + " or exists (select 1 from deed_participant p where p.deed_id = d.id and lower(p.name) like :q))");
            params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.status() != null) {
            where.add("d.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            where.add("d.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            where.add("d.region_code = :region");
            params.put("region", filter.regionCode().trim());
        }
        if (filter.occurredFrom() != null) {
            where.add("d.occurred_at >= :from");
            params.put("from", filter.occurredFrom().atStartOfDay());
        }
        if (filter.occurredTo() != null) {
            where.add("d.occurred_at < :to");
            params.put("to", filter.occurredTo().plusDays(1).atStartOfDay());
        }
        if (filter.overdue()) {
            // the due date follows pauses, the extension and the holiday calendar: worked out in Java
            List<Long> overdue = deadlines.dueSoonOrOverdue(scope).stream().filter(DeadlineWatch.DueDeed::overdue)
                    .map(DeadlineWatch.DueDeed::id).toList();
            where.add("d.id in (:overdue)");
            params.put("overdue", overdue.isEmpty() ? List.of(-1L) : overdue);
        }
        String condition = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from deed d" + condition).params(params).query(Long.class).single();
        List<DeedSummary> items = jdbc.sql("""
                select d.id, d.number, d.region_code, d.category, d.source, d.status,
                       d.occurred_at, d.title, d.received_on, d.accepted_on
                from deed d""" + condition
                        + " order by d.received_on desc, d.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> new DeedSummary(rs.getLong("id"), rs.getString("number"),
                        rs.getString("region_code"), regions.nameOf(rs.getString("region_code")),
                        DeedCategory.valueOf(rs.getString("category")), DeedSource.valueOf(rs.getString("source")),
                        DeedStatus.valueOf(rs.getString("status")),
                        rs.getObject("occurred_at", java.time.LocalDateTime.class), rs.getString("title"),
                        rs.getObject("received_on", java.time.LocalDate.class),
                        rs.getObject("accepted_on", java.time.LocalDate.class)))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }
}
