package org.yiyong.deeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.organization.Regions;
import org.yiyong.platform.Database;
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
    private final Database database;

    DeedQueries(JdbcClient jdbc, DeadlineWatch deadlines, Regions regions, Database database) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.regions = regions;
        this.database = database;
    }

    public PageResult<DeedSummary> search(DataScope scope, DeedFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String condition = condition(scope, filter, params);
        // counted no further than a list is read: a province's count would cost more than its page
        long counted = jdbc.sql("select count(*) from (select 1 from deed d" + condition + " limit :cap) c")
                .params(params).param("cap", PageResult.COUNT_CAP + 1).query(Long.class).single();
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
        return PageResult.counted(items, page.page(), page.size(), counted);
    }

    /** A line of the register of deeds (案件台账): the deed, its dates and decision, and its actors. */
    public record RegisterLine(String number, String title, DeedCategory category, DeedSource source, DeedStatus status,
            String regionName, java.time.LocalDateTime occurredAt, String address, java.time.LocalDate receivedOn,
            java.time.LocalDate acceptedOn, java.time.LocalDate decidedOn, java.time.LocalDate decisionDueOn,
            String decisionNumber, String actors, long confirmed, long refused) {
    }

    /**
     * The register of every deed the filter finds, in the list's order, at most {@code limit} of them, each handed to
     * {@code each} as it is read (a thousand rows fetched at a time), none kept.
     */
    public void register(DataScope scope, DeedFilter filter, int limit, Consumer<RegisterLine> each) {
        Map<String, Object> params = new HashMap<>();
        String condition = condition(scope, filter, params);
        jdbc.sql("""
                select d.number, d.title, d.category, d.source, d.status, d.region_code, d.occurred_at, d.address,
                       d.received_on, d.accepted_on, d.decided_on, d.decision_due_on, d.decision_number,
                       (select count(*) from deed_participant p where p.deed_id = d.id and p.role = 'ACTOR'
                          and p.outcome = 'CONFIRMED') as confirmed,
                       (select count(*) from deed_participant p where p.deed_id = d.id and p.role = 'ACTOR'
                          and p.outcome = 'REFUSED') as refused,
                       (select string_agg(p.name, '、' order by p.id) from deed_participant p
                        where p.deed_id = d.id and p.role = 'ACTOR') as actors
                from deed d""" + condition + " order by d.received_on desc, d.id desc limit :limit")
                .params(params).param("limit", limit)
                .withFetchSize(1000)
                .query((RowCallbackHandler) rs -> each.accept(new RegisterLine(rs.getString("number"), rs.getString("title"),
                        DeedCategory.valueOf(rs.getString("category")), DeedSource.valueOf(rs.getString("source")),
                        DeedStatus.valueOf(rs.getString("status")), regions.nameOf(rs.getString("region_code")),
                        rs.getObject("occurred_at", java.time.LocalDateTime.class), rs.getString("address"),
                        rs.getObject("received_on", java.time.LocalDate.class),
                        rs.getObject("accepted_on", java.time.LocalDate.class),
                        rs.getObject("decided_on", java.time.LocalDate.class),
                        rs.getObject("decision_due_on", java.time.LocalDate.class), rs.getString("decision_number"),
                        rs.getString("actors"), rs.getLong("confirmed"), rs.getLong("refused"))));
    }

    /** Titles holding a pair of characters (as estimated) from which it is looked for along the list instead. */
    private int frequentPair = 2000;

    private static boolean isTwoCharacters(String q) {
        return q.codePointCount(0, q.length()) == 2 && q.chars().allMatch(c -> c > 0x7f);
    }

    /**
     * Two characters (a name such as 王芳, a place such as 安海) make no trigram; on PostgreSQL titles, addresses and
     * actors' names are also indexed by their pairs of characters (V71), and a pair is in a text exactly when the
     * two characters are. A rare pair finds its few deeds by those indexes. A frequent one (落水: one title in
     * eight) would gather a hundred thousand deeds that way, so its deeds are found by reading them in the list's
     * order, each checked with LIKE, its actors still by their index. Which pairs are frequent PostgreSQL's
     * statistics of the titles' index say (its most common elements); without them a pair counts as rare. Deed
     * numbers hold no such characters.
     */
    private String pairCondition(String pair, Map<String, Object> params) {
        params.put("pair", pair);
        String actors = "select p.deed_id from deed_participant p where yiyong_pairs(lower(p.name)) @> array[cast(:pair as text)]";
        double titles = jdbc.sql("""
                select coalesce(max(u.f * c.reltuples), 0)
                from pg_stats s
                cross join lateral unnest(cast(cast(s.most_common_elems as text) as text[]), s.most_common_elem_freqs)
                     as u(e, f)
                join pg_class c on c.relname = 'deed' and c.relnamespace = cast(current_schema() as regnamespace)
                where s.schemaname = current_schema() and s.tablename = 'deed_title_pairs_idx' and u.e = :pair""")
                .param("pair", pair).query(Double.class).single();
        if (titles >= frequentPair) {
            return "(lower(d.title) like :q or lower(d.address) like :q or d.id in (" + actors + "))";
        }
        return "d.id in (select t.id from deed t where yiyong_pairs(lower(t.title)) @> array[cast(:pair as text)]"
                + " union select t.id from deed t where yiyong_pairs(lower(t.address)) @> array[cast(:pair as text)]"
                + " union " + actors + ")";
    }

    private String condition(DataScope scope, DeedFilter filter, Map<String, Object> params) {
        List<String> where = new ArrayList<>(List.of("d.region_code in (:scope)"));
        params.put("scope", scope.regionCodes());
        if (filter.q() != null && !filter.q().isBlank()) {
            if (filter.q().trim().length() >= 3) {
                // one branch for each text, so that each is read through its own trigram index
                where.add("d.id in (select t.id from deed t where lower(t.number) like :q"
                        + " union select t.id from deed t where lower(t.title) like :q"
                        + " union select t.id from deed t where lower(t.address) like :q"
                        + " union select p.deed_id from deed_participant p where lower(p.name) like :q)");
            } else if (database.isPostgres() && isTwoCharacters(filter.q().trim())) {
                where.add(pairCondition(filter.q().trim().toLowerCase(Locale.ROOT), params));
            } else {
                // one or two characters make no trigram: the deeds of the scope are read, and their actors
                where.add("(lower(d.number) like :q or lower(d.title) like :q or lower(d.address) like :q"
                        + " or exists (select 1 from deed_participant p where p.deed_id = d.id and lower(p.name) like :q))");
            }
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
        return " where " + String.join(" and ", where);
    }
}
