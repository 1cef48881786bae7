package org.yiyong.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.shared.Masking;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;
import org.yiyong.shared.RecordNotFound;

/**
 * Making messages: a message in a user's centre, or a message to send out by SMS or e-mail. Each is made
 * once for its event key — the same event again (a job run twice, on two nodes, retried) makes nothing —
 * and one address gets at most the daily limit of messages sent out; more are kept as skipped.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    Notifications(JdbcClient jdbc, NotificationProperties properties, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A message in the user's centre; answers whether it is new (false: this event made one already). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean notify(String username, String kind, String subject, String body, String link, String eventKey) {
        try {
            return jdbc.sql("""
                    insert into notification (recipient, kind, subject, body, link, event_key, created_at)
                    select :to, :kind, :subject, :body, :link, :key, :at
                    where not exists (select 1 from notification where event_key = :key)""")
                    .param("to", username).param("kind", kind).param("subject", subject).param("body", body)
                    .param("link", link).param("key", eventKey).param("at", Timestamp.from(clock.instant()))
                    .update() == 1;
        } catch (DuplicateKeyException madeAtTheSameTime) {
            return false;
        }
    }

    /** What a message sent out came to. */
    public enum Outcome {
        /** queued, to be sent by the sender */
        QUEUED,
        /** this event had its message already */
        ALREADY,
        /** the address had its daily limit; kept as skipped */
        OVER_LIMIT
    }

    /** A message to send out by SMS or e-mail to an address, once for its event, within the daily limit. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome send(Channel channel, String username, String address, String subject, String body,
            String eventKey) {
        if (jdbc.sql("select count(*) from outbound_message where event_key = :key").param("key", eventKey)
                .query(Long.class).single() > 0) {
            return Outcome.ALREADY;
        }
        Instant now = clock.instant();
        LocalDateTime startOfDay = LocalDate.now(clock).atStartOfDay();
        long today = jdbc.sql("""
                select count(*) from outbound_message
                where address = :address and created_at >= :day and status <> 'SKIPPED'""")
                .param("address", address)
                .param("day", Timestamp.from(startOfDay.atZone(clock.getZone()).toInstant())).query(Long.class)
                .single();
        boolean over = today >= properties.dailyLimit();
        try {
            jdbc.sql("""
                    insert into outbound_message (channel, recipient, address, subject, body, event_key, status,
                        attempts, next_attempt_at, last_error, created_at)
                    values (:channel, :to, :address, :subject, :body, :key, :status, 0, :at, :error, :at)""")
                    .param("channel", channel.name()).param("to", username).param("address", address)
                    .param("subject", subject).param("body", body).param("key", eventKey)
                    .param("status", over ? "SKIPPED" : "PENDING")
                    .param("error", over ? "daily limit of " + properties.dailyLimit() + " reached" : null)
                    .param("at", Timestamp.from(now)).update();
        } catch (DuplicateKeyException madeAtTheSameTime) {
            return Outcome.ALREADY;
        }
        return over ? Outcome.OVER_LIMIT : Outcome.QUEUED;
    }

    /** A message sent out, as the system administrator follows it: the address masked. */
    public record Outbound(long id, Channel channel, String recipient, String address, String subject, String status,
            int attempts, LocalDateTime createdAt, LocalDateTime nextAttemptAt, LocalDateTime sentAt,
            String lastError) {
    }

    /** The statuses of messages sent out, in the order they are listed. */
    public static final List<String> STATUSES = List.of("FAILED", "PENDING", "SENDING", "SENT", "SKIPPED");

    /** Messages sent out, newest first, of one status or all. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public PageResult<Outbound> outbound(String status, PageRequest page) {
        String only = status != null && STATUSES.contains(status) ? status : null;
        // a condition only when a status is chosen: PostgreSQL cannot type a parameter that is only tested for null
        String where = only == null ? "" : " where status = :status";
        long total = jdbc.sql("select count(*) from outbound_message" + where).params(statusParam(only))
                .query(Long.class).single();
        List<Outbound> items = jdbc.sql("""
                select id, channel, recipient, address, subject, status, attempts, created_at, next_attempt_at,
                       sent_at, last_error
                from outbound_message""" + where + "\n" + """
                order by id desc offset :offset rows fetch next :size rows only""")
                .params(statusParam(only)).param("offset", page.offset()).param("size", page.size())
                .query((rs, row) -> new Outbound(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"), masked(Channel.valueOf(rs.getString("channel")),
                                rs.getString("address")), rs.getString("subject"), rs.getString("status"),
                        rs.getInt("attempts"), local(rs.getTimestamp("created_at")),
                        local(rs.getTimestamp("next_attempt_at")), local(rs.getTimestamp("sent_at")),
                        rs.getString("last_error")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static java.util.Map<String, Object> statusParam(String status) {
        return status == null ? java.util.Map.of() : java.util.Map.of("status", status);
    }

    /** How many messages sent out are in each status. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public java.util.Map<String, Long> outboundCounts() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        STATUSES.forEach(status -> counts.put(status, 0L));
        jdbc.sql("select status, count(*) as n from outbound_message group by status")
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * A failed message is tried again from now, with its tries counted afresh — once the provider is
     * working again. Only a failed one: a message sent or waiting is left alone.
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void retry(long id) {
        int changed = jdbc.sql("""
                update outbound_message set status = 'PENDING', attempts = 0, next_attempt_at = :now
                where id = :id and status = 'FAILED'""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (changed == 0) {
            if (jdbc.sql("select count(*) from outbound_message where id = :id").param("id", id).query(Long.class)
                    .single() == 0) {
                throw new RecordNotFound("OutboundMessage", id);
            }
            throw new MessageNotFailed();
        }
        audit.record(AuditRecord.of(AuditAction.UPDATE, "OutboundMessage", id)
                .withDetail("failed message to be sent again"));
    }

    private static String masked(Channel channel, String address) {
        if (address == null) {
            return null;
        }
        if (channel == Channel.SMS) {
            return Masking.phone(address);
        }
        int at = address.indexOf('@');
        return at <= 1 ? "*" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }

    private LocalDateTime local(Timestamp at) {
        return at == null ? null : LocalDateTime.ofInstant(at.toInstant(), clock.getZone());
    }

    /** A message of the centre. */
    public record Message(long id, String kind, String subject, String body, String link, LocalDateTime createdAt,
            boolean read) {
    }

    /** The user's messages, newest first (at most 100). */
    @Transactional(readOnly = true)
    public List<Message> of(String username) {
        return jdbc.sql("""
                select id, kind, subject, body, link, created_at, read_at from notification
                where recipient = :to order by created_at desc, id desc fetch first 100 rows only""")
                .param("to", username)
                .query((rs, row) -> new Message(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("link"),
                        LocalDateTime.ofInstant(rs.getTimestamp("created_at").toInstant(), clock.getZone()),
                        rs.getTimestamp("read_at") != null))
                .list();
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return jdbc.sql("select count(*) from notification where recipient = :to and read_at is null")
                .param("to", username).query(Long.class).single();
    }

    /** Marks the user's own message read (someone else's is left alone); answers whether one was. */
    @Transactional
    public boolean markRead(String username, long id) {
        return jdbc.sql("update notification set read_at = :at where id = :id and recipient = :to and read_at is null")
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("to", username).update() == 1;
    }

    @Transactional
    public int markAllRead(String username) {
        return jdbc.sql("update notification set read_at = :at where recipient = :to and read_at is null")
                .param("at", Timestamp.from(clock.instant())).param("to", username).update();
    }
}
