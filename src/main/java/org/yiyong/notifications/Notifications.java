package org.yiyong.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making messages: a message in a user's centre, or a message to send out by SMS or e-mail. Each is made
 * once for its event key — the same event again (a job run twice, on two nodes, retried) makes nothing —
 * and one address gets at most the daily limit of messages sent out; more are kept as skipped.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifications(JdbcClient jdbc, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
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
