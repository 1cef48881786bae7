package org.yiyong.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.platform.Database;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/** Reads the audit trail. Only the audit administrator may. */
@Service
@PreAuthorize("hasRole('AUDIT_ADMIN')")
@Transactional(readOnly = true)
public class AuditSearch {

    private final JdbcClient jdbc;
    private final Database database;

    AuditSearch(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    public PageResult<AuditEntry> search(AuditQuery query, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (hasText(query.actor())) {
            where.add("actor = :actor");
            params.put("actor", query.actor().trim());
        }
        if (hasText(query.entityType())) {
            where.add("entity_type = :entityType");
            params.put("entityType", query.entityType().trim());
        }
        if (hasText(query.entityId())) {
            where.add("entity_id = :entityId");
            params.put("entityId", query.entityId().trim());
        }
        if (hasText(query.action())) {
            where.add("action = :action");
            params.put("action", query.action().trim());
        }
        if (query.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        if (where.size() > 1 && database.isPostgres()) {
            // planned for the values asked, not once for any: a prepared plan prices every actor, type and action
            // alike and, for two filters, walked the trail by id past millions of entries to find a rare pair
            // (an actor's downloads: 1.2 s a page); with the values, PostgreSQL reads along the rarer one
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
        // counted no further than PageResult.COUNT_CAP + 1: the trail of a busy year holds millions of entries
        long counted = jdbc.sql("select count(*) from (select 1 from audit_entry" + filter + " limit :cap) c")
                .params(params).param("cap", PageResult.COUNT_CAP + 1).query(Long.class).single();
        // the page's ids first, from the filter's index alone, then their entries: asked for whole, a prepared
        // plan walked the trail backwards by id, past millions of entries of other kinds (after a campaign was
        // paid, 5.6 million about payment orders before the newest about deeds)
        List<Long> ids = jdbc.sql("select id from audit_entry" + filter + " order by id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Long.class)
                .list();
        List<AuditEntry> items = ids.isEmpty() ? List.of() : jdbc.sql("""
                select id, occurred_at, actor, ip, action, entity_type, entity_id, changes, detail
                from audit_entry where id in (:ids) order by id desc""")
                .param("ids", ids)
                .query(AuditSearch::toEntry)
                .list();
        return PageResult.counted(items, page.page(), page.size(), counted);
    }

    public AuditEntry entry(long id) {
        return jdbc.sql("""
                select id, occurred_at, actor, ip, action, entity_type, entity_id, changes, detail
                from audit_entry where id = :id""")
                .param("id", id)
                .query(AuditSearch::toEntry)
                .optional()
                .orElseThrow(() -> new RecordNotFound("AuditEntry", id));
    }

    private static AuditEntry toEntry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("ip"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("changes"), rs.getString("detail"));
    }

    /**
     * Walks the whole chain and recomputes every hash. Returns the id of the first entry whose hash or
     * link does not match, or {@code null} when the chain is intact.
     */
    public ChainCheck verifyChain() {
        String[] previous = {ChainHash.GENESIS};
        long[] checked = {0};
        Long[] broken = {null};
        jdbc.sql("""
                select id, occurred_at, actor, ip, action, entity_type, entity_id, changes, detail, prev_hash, hash
                from audit_entry order by id""")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    String expected = ChainHash.of(previous[0], rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("actor"), rs.getString("ip"), rs.getString("action"),
                            rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("changes"),
                            rs.getString("detail"));
                    if (!previous[0].equals(rs.getString("prev_hash")) || !expected.equals(rs.getString("hash"))) {
                        broken[0] = rs.getLong("id");
                    }
                    previous[0] = rs.getString("hash");
                    checked[0]++;
                });
        return new ChainCheck(checked[0], broken[0]);
    }

    /** The outcome of a chain check. */
    public record ChainCheck(long entriesChecked, Long firstBrokenEntry) {

        public boolean intact() {
            return firstBrokenEntry == null;
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
