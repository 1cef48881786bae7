package org.yiyong.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yiyong.audit.internal.ChainHash;
import org.yiyong.platform.BatchInserts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends entries to the audit trail. An entry joins the transaction of the change it records, so a
 * change that rolls back leaves no entry, and an entry is never written for a change that did not
 * happen. Entries are chained: each carries the SM3 hash of its content and of the entry before it, so
 * an edited or deleted entry breaks the chain. The chain head row is locked while appending, which
 * keeps the chain linear across several application nodes.
 */
@Service
public class AuditTrail {

    /** The actor recorded when nobody is signed in and no actor was named (start-up, schedules). */
    public static final String SYSTEM_ACTOR = "system";

    private final JdbcClient jdbc;
    private final BatchInserts inserts;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, BatchInserts inserts, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change within the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord record) {
        append(record);
    }

    /**
     * Records many changes within the caller's transaction, chained in the order given: for work that changes
     * many records at once (an import), one lock of the chain's head for all of them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Chain chain = new Chain();
        records.forEach(chain::append);
        chain.close();
    }

    /**
     * Entries handed over one at a time, when the transaction records them: for changes to more records than are
     * kept in memory, read back page by page from what the transaction wrote.
     */
    @FunctionalInterface
    public interface Entries {

        /** Hands each entry to {@code out}, in the order they are chained. */
        void writeTo(Consumer<AuditRecord> out);
    }

    /**
     * Records many changes of a long transaction when it commits, after its other work: the chain's head is locked
     * only for the moment it takes to write them, not for the whole transaction (an import saving its rows).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAtCommit(List<AuditRecord> records) {
        if (!records.isEmpty()) {
            List<AuditRecord> kept = List.copyOf(records);
            recordAtCommit(out -> kept.forEach(out));
        }
    }

    /** As {@link #recordAtCommit(List)}, for entries read only when the transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAtCommit(Entries entries) {
        @SuppressWarnings("unchecked")
        List<Entries> pending = (List<Entries>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<Entries> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    Chain chain = new Chain();
                    created.forEach(each -> each.writeTo(chain::append));
                    chain.close();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = created;
        }
        pending.add(entries);
    }

    /** The key of the changes a transaction will record when it commits. */
    private static final Object PENDING = new Object();

    /**
     * Entries appended to the chain a thousand at a time ({@link BatchInserts}: in the order given, ids ascending), its head locked from the first entry (none
     * locked if none come) until the transaction ends; {@link #close} moves the head to the last.
     */
    private final class Chain {

        private static final int BATCH = 1000;

        private final List<Object[]> rows = new ArrayList<>(BATCH);
        private String previous;
        private Instant at;
        private String defaultActor;
        private String defaultIp;
        private long count;

        void append(AuditRecord record) {
            if (previous == null) {
                previous = jdbc.sql("select last_hash from audit_chain_head where id = 1 for update")
                        .query(String.class)
                        .single();
                at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                defaultActor = currentActor();
                defaultIp = clientAddress();
            }
            String actor = truncate(record.actor() != null ? record.actor() : defaultActor, 100);
            String ip = truncate(record.address() != null ? record.address() : defaultIp, 64);
            String entityType = truncate(record.entityType(), 60);
            String entityId = truncate(record.entityId(), 100);
            String changes = record.changes().isEmpty() ? null : json.writeValueAsString(record.changes());
            String detail = truncate(record.detail(), 500);
            String hash = ChainHash.of(previous, at, actor, ip, record.action().name(), entityType, entityId,
                    changes, detail);
            rows.add(new Object[] {java.sql.Timestamp.from(at), actor, ip, record.action().name(), entityType,
                entityId, changes, detail, previous, hash});
            previous = hash;
            count++;
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void close() {
            if (count == 0) {
                return;
            }
            flush();
            jdbc.sql("update audit_chain_head set last_hash = :hash, entries = entries + :count where id = 1")
                    .param("hash", previous)
                    .param("count", count)
                    .update();
        }

        private void flush() {
            if (!rows.isEmpty()) {
                inserts.insert("audit_entry", "occurred_at, actor, ip, action, entity_type, entity_id, changes, detail, "
                        + "prev_hash, hash", rows);
                rows.clear();
            }
        }
    }

    /**
     * Records an event that is not part of a change to data (a login, a refusal), in a transaction of
     * its own so that the refusal that follows cannot roll it back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordEvent(AuditRecord record) {
        append(record);
    }

    /**
     * One change a person made: when, what (created or updated), to which record, the entry's words, and whether
     * the record has since been removed (so that no one is sent to it).
     */
    public record Done(Instant at, AuditAction action, String entityType, String entityId, String detail,
            boolean removed) {
    }

    /**
     * The changes a person made since a moment (已办), newest first, at most {@code limit}: records created
     * and updated, not sign-ins, views or downloads.
     */
    @Transactional(readOnly = true)
    public List<Done> doneBy(String actor, Instant since, int limit) {
        return jdbc.sql("""
                select e.occurred_at, e.action, e.entity_type, e.entity_id, e.detail,
                       case when exists (select 1 from audit_entry r where r.entity_type = e.entity_type
                                         and r.entity_id = e.entity_id and r.action = 'DELETE')
                            then true else false end as removed
                from audit_entry e
                where e.actor = :actor and e.occurred_at >= :since and e.action in ('CREATE', 'UPDATE')
                order by e.occurred_at desc, e.id desc fetch first %d rows only""".formatted(limit))
                .param("actor", actor).param("since", java.sql.Timestamp.from(since))
                .query((rs, row) -> new Done(rs.getTimestamp("occurred_at").toInstant(),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("detail"), rs.getBoolean("removed")))
                .list();
    }

    private void append(AuditRecord record) {
        String previous = jdbc.sql("select last_hash from audit_chain_head where id = 1 for update")
                .query(String.class)
                .single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // cut to the column sizes before hashing, so that what is stored is exactly what was hashed
        String actor = truncate(record.actor() != null ? record.actor() : currentActor(), 100);
        String ip = truncate(record.address() != null ? record.address() : clientAddress(), 64);
        String entityType = truncate(record.entityType(), 60);
        String entityId = truncate(record.entityId(), 100);
        String changes = record.changes().isEmpty() ? null : json.writeValueAsString(record.changes());
        String detail = truncate(record.detail(), 500);
        String hash = ChainHash.of(previous, at, actor, ip, record.action().name(), entityType, entityId, changes,
                detail);
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor, ip, action, entity_type, entity_id, changes, detail,
                                         prev_hash, hash)
                values (:at, :actor, :ip, :action, :entityType, :entityId, :changes, :detail, :prev, :hash)
                """)
                .param("at", java.sql.Timestamp.from(at))
                .param("actor", actor)
                .param("ip", ip)
                .param("action", record.action().name())
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("changes", changes)
                .param("detail", detail)
                .param("prev", previous)
                .param("hash", hash)
                .update();
        jdbc.sql("update audit_chain_head set last_hash = :hash, entries = entries + 1 where id = 1")
                .param("hash", hash)
                .update();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            return SYSTEM_ACTOR;
        }
        return authentication.getName();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
