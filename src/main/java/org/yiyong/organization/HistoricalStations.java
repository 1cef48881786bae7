package org.yiyong.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.files.Attachments;
import org.yiyong.identity.Users;
import org.yiyong.platform.BatchInserts;
import org.yiyong.shared.DomainException;

/**
 * Work stations of the earlier registers written as organizations, for the community module's import of them: each
 * a work station under its county's association, with a code of its own, noted as coming from an import; removed
 * again with the import while no one and nothing (a staff account, a team, a visit) refers to it.
 */
@Service
public class HistoricalStations {

    /** The owner type of an organization's files. */
    private static final String ATTACHMENT_OWNER = "Organization";

    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final AuditTrail audit;
    private final Users users;
    private final Attachments attachments;
    private final Clock clock;

    HistoricalStations(JdbcClient jdbc, BatchInserts inserts, AuditTrail audit, Users users, Attachments attachments,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.attachments = attachments;
        this.inserts = inserts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A station as the register gives it: its name, county, address and phone. */
    public record NewStation(String name, String regionCode, String address, String phone) {
    }

    /**
     * Writes the stations within the caller's transaction, each under the first active association of its county
     * (none when the county has none), and answers their ids in the order given.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> record(String actor, long importId, List<NewStation> stations) {
        if (stations.isEmpty()) {
            return List.of();
        }
        Map<String, Long> associations = new HashMap<>();
        jdbc.sql("""
                select region_code, min(id) from organization where type = 'ASSOCIATION' and active
                group by region_code""")
                .query(rs -> {
                    associations.put(rs.getString(1), rs.getLong(2));
                });
        Set<String> codes = new HashSet<>(jdbc.sql("select code from organization where code like 'WS-%'")
                .query(String.class).list());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(stations.size());
        for (NewStation station : stations) {
            String code = code(station.regionCode(), codes);
            rows.add(new Object[] {code, station.name(), "WORK_STATION", station.regionCode(),
                    associations.get(station.regionCode()), station.address(), station.phone(), true, now, now,
                    importId});
        }
        List<Long> ids = inserts.insert("organization", """
                code, name, type, region_code, parent_id, address, phone, active, created_at, updated_at, import_id""",
                rows);
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.CREATE, OrganizationManagement.ENTITY,
                id).byActor(actor).withDetail("work station imported with import " + importId)).toList());
        return ids;
    }

    /** The work stations on file, active or not, as county|name. */
    @Transactional(readOnly = true)
    public Set<String> onFile() {
        return new HashSet<>(jdbc.sql("select region_code || '|' || name from organization where type = 'WORK_STATION'")
                .query(String.class).list());
    }

    /** WS-&lt;county&gt;-&lt;n&gt;: the next number free among the codes taken. */
    private static String code(String regionCode, Set<String> taken) {
        for (int n = 1; ; n++) {
            String code = String.format(Locale.ROOT, "WS-%s-%03d", regionCode, n);
            if (taken.add(code)) {
                return code;
            }
        }
    }

    /**
     * Removes the work stations an import wrote, within the caller's transaction.
     *
     * @throws DomainException (conflict) when something refers to one of them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remove(String actor, long importId) {
        List<Long> ids = jdbc.sql("select id from organization where import_id = :id and type = 'WORK_STATION'")
                .param("id", importId).query(Long.class).list();
        // accounts and files name their organization without a foreign key: asked here
        if (users.anyIn(ids) || attachments.hasAny(ATTACHMENT_OWNER, ids)) {
            throw new InUse();
        }
        try {
            jdbc.sql("delete from organization where import_id = :id and type = 'WORK_STATION'")
                    .param("id", importId).update();
        } catch (DataIntegrityViolationException referred) {
            throw new InUse();
        }
        audit.recordAtCommit(ids.stream().map(id -> AuditRecord.of(AuditAction.DELETE, OrganizationManagement.ENTITY,
                id).byActor(actor).withDetail("removed with import " + importId)).toList());
        return ids.size();
    }

    /** Stations of an import that something refers to already stay. */
    static final class InUse extends DomainException {
        InUse() {
            super(Kind.CONFLICT, "import.undo.in-use");
        }
    }
}
