package org.yiyong.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyong.shared.RateLimiter;

/**
 * Rate limits counted in the database (table {@code rate_limit_window}), so that every application
 * node behind the load balancer counts the same window for a client: a client cannot reach the limit
 * once per node. Each count is its own short transaction, committed whatever the request then does.
 *
 * <p>Times are this node's clock; nodes synchronised by NTP differ by far less than any window.
 */
@Component
public class SharedRateLimits {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_KEY = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public SharedRateLimits(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * A limiter whose counts all nodes share. Limiters of the same name share their counts, so each use
     * takes a name of its own ({@code public-lead}, {@code sign-in}).
     */
    public RateLimiter named(String name, int limit, Duration window) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a limiter name is lower-case letters, digits and '-': " + name);
        }
        RateLimiter.requireValid(limit, window);
        return new Shared(name, limit, window);
    }

    /** Removes the windows that have ended; any node may do it, and doing it twice does no harm. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int forgetEndedWindows() {
        int removed = jdbc.sql("delete from rate_limit_window where window_end <= :now")
                .param("now", at(clock.instant()))
                .update();
        if (removed > 0) {
            log.debug("Removed {} ended rate-limit windows", removed);
        }
        return removed;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private final class Shared implements RateLimiter {

        private final String name;
        private final int limit;
        private final Duration window;

        Shared(String name, int limit, Duration window) {
            this.name = name;
            this.limit = limit;
            this.window = window;
        }

        @Override
        public boolean tryAcquire(String key) {
            String client = clip(key);
            Instant now = clock.instant();
            // the row is locked by the update until the count is read, so concurrent requests on any node
            // each see their own count; a new key's row is inserted, and a lost race for it counts again
            for (int attempt = 0; attempt < 3; attempt++) {
                Integer hits = ownTransaction.execute(status -> count(client, now));
                if (hits != null) {
                    return hits <= limit;
                }
                if (openWindow(client, now)) {
                    return true;
                }
            }
            throw new IllegalStateException("could not count " + name + " for " + client);
        }

        /** The key's hits after this one, or {@code null} when the key has no row yet. */
        private Integer count(String client, Instant now) {
            int updated = jdbc.sql("""
                    update rate_limit_window
                    set hits = case when window_end <= :now then 1 else least(hits + 1, :cap) end,
                        window_end = case when window_end <= :now then :end else window_end end
                    where limiter = :name and client_key = :key""")
                    .param("now", at(now))
                    .param("end", at(now.plus(window)))
                    .param("cap", limit + 1)
                    .param("name", name)
                    .param("key", client)
                    .update();
            if (updated == 0) {
                return null;
            }
            return jdbc.sql("select hits from rate_limit_window where limiter = :name and client_key = :key")
                    .param("name", name)
                    .param("key", client)
                    .query(Integer.class)
                    .single();
        }

        private boolean openWindow(String client, Instant now) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into rate_limit_window (limiter, client_key, window_end, hits)
                        values (:name, :key, :end, 1)""")
                        .param("name", name)
                        .param("key", client)
                        .param("end", at(now.plus(window)))
                        .update());
                return true;
            } catch (DuplicateKeyException anotherRequestOpenedIt) {
                return false;
            }
        }

        @Override
        public Duration retryAfter(String key) {
            Instant now = clock.instant();
            Optional<Window> current = jdbc.sql("""
                    select window_end, hits from rate_limit_window where limiter = :name and client_key = :key""")
                    .param("name", name)
                    .param("key", clip(key))
                    .query((rs, n) -> new Window(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)))
                    .optional();
            return current.filter(w -> now.isBefore(w.end()) && w.hits() >= limit)
                    .map(w -> Duration.between(now, w.end()))
                    .orElse(Duration.ZERO);
        }

        @Override
        public int limit() {
            return limit;
        }

        @Override
        public Duration window() {
            return window;
        }

        @Override
        public void clear() {
            jdbc.sql("delete from rate_limit_window where limiter = :name").param("name", name).update();
        }

        private static String clip(String key) {
            String k = key == null ? "" : key;
            return k.length() > MAX_KEY ? k.substring(0, MAX_KEY) : k;
        }
    }

    private record Window(Instant end, int hits) {
    }
}
