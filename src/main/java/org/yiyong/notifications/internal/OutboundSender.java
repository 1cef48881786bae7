package org.yiyong.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.MessageGateway;
import org.yiyong.notifications.NotificationProperties;

/**
 * Sends the messages that are due, on one node at a time: each is claimed before it is sent (so two nodes
 * never send one twice), then marked sent; a refusal is tried again after 1, 2, 4… minutes and failed after
 * the last try, with the provider's words kept.
 */
@Component
public class OutboundSender {

    private static final String LOCK = "outbound-messages";

    private final JdbcClient jdbc;
    private final MessageGateway gateway;
    private final NotificationProperties properties;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    OutboundSender(JdbcClient jdbc, MessageGateway gateway, NotificationProperties properties,
            LockingTaskExecutor locks, Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yiyong.notifications.send-every:PT1M}")
    public void sendDueOnOneNode() {
        locks.executeWithLock((Runnable) this::sendDue,
                new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofMinutes(5), Duration.ZERO));
    }

    private record Due(long id, Channel channel, String address, String subject, String body, int attempts) {
    }

    /** Sends every message due now; answers how many were sent. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                select id, channel, address, subject, body, attempts from outbound_message
                where status = 'PENDING' and next_attempt_at <= :now order by id fetch first 200 rows only""")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Due(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("address"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
        int sent = 0;
        for (Due message : due) {
            if (jdbc.sql("update outbound_message set status = 'SENDING' where id = :id and status = 'PENDING'")
                    .param("id", message.id()).update() != 1) {
                continue; // another sender has it
            }
            try {
                gateway.send(message.channel(), message.address(), message.subject(), message.body());
                jdbc.sql("""
                        update outbound_message set status = 'SENT', attempts = attempts + 1, sent_at = :at,
                               last_error = null where id = :id""")
                        .param("at", Timestamp.from(clock.instant())).param("id", message.id()).update();
                sent++;
            } catch (MessageGateway.GatewayFailure | RuntimeException refused) {
                int attempts = message.attempts() + 1;
                boolean last = attempts >= properties.maxAttempts();
                Instant next = clock.instant().plus(Duration.ofMinutes(
                        (long) properties.firstRetryMinutes() << Math.min(attempts - 1, 20)));
                String why = String.valueOf(refused.getMessage());
                jdbc.sql("""
                        update outbound_message set status = :status, attempts = :attempts, next_attempt_at = :next,
                               last_error = :error where id = :id""")
                        .param("status", last ? "FAILED" : "PENDING").param("attempts", attempts)
                        .param("next", Timestamp.from(next))
                        .param("error", why.length() > 500 ? why.substring(0, 500) : why)
                        .param("id", message.id()).update();
            }
        }
        return sent;
    }
}
