package org.yiyong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.yiyong.FullStackTest;
import org.yiyong.shared.RateLimiter;

/**
 * The limits the public forms and the sign-in use, counted in the database. Two {@link SharedRateLimits}
 * on one database stand for two application nodes: they count the same window.
 */
class SharedRateLimitsTests extends FullStackTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    PlatformTransactionManager transactions;

    private final HandClock hand = new HandClock();
    /** a name of this test's own, so that no other test's counts mix in */
    private final String name = "t-" + UUID.randomUUID().toString().substring(0, 8);

    private SharedRateLimits node() {
        return new SharedRateLimits(jdbc, transactions, hand);
    }

    @AfterEach
    void forgetThisTestsCounts() {
        jdbc.sql("delete from rate_limit_window where limiter = :name").param("name", name).update();
    }

    @Test
    void a_key_may_act_up_to_the_limit_within_its_window() {
        RateLimiter limiter = node().named(name, 3, Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.retryAfter("10.0.0.1")).isZero();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.retryAfter("10.0.0.1")).isEqualTo(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).as("another key counts apart").isTrue();
    }

    @Test
    void two_nodes_count_the_same_window() {
        RateLimiter onA = node().named(name, 4, Duration.ofMinutes(10));
        RateLimiter onB = node().named(name, 4, Duration.ofMinutes(10));
        assertThat(onA.tryAcquire("10.0.0.9")).isTrue();
        assertThat(onB.tryAcquire("10.0.0.9")).isTrue();
        assertThat(onA.tryAcquire("10.0.0.9")).isTrue();
        assertThat(onB.tryAcquire("10.0.0.9")).isTrue();
        assertThat(onA.tryAcquire("10.0.0.9")).isFalse();
        assertThat(onB.tryAcquire("10.0.0.9")).isFalse();
        assertThat(onB.retryAfter("10.0.0.9")).isPositive();
    }

    @Test
    void concurrent_requests_never_pass_more_than_the_limit() throws Exception {
        RateLimiter limiter = node().named(name, 5, Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                tries.add(() -> limiter.tryAcquire("10.0.0.7"));
            }
            int passed = 0;
            for (Future<Boolean> result : pool.invokeAll(tries)) {
                passed += result.get() ? 1 : 0;
            }
            assertThat(passed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_count_starts_again_once_the_window_has_passed() {
        RateLimiter limiter = node().named(name, 3, Duration.ofMinutes(10));
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        hand.now = hand.now.plus(Duration.ofMinutes(4));
        assertThat(limiter.retryAfter("10.0.0.1")).isEqualTo(Duration.ofMinutes(6));
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        hand.now = hand.now.plus(Duration.ofMinutes(6));
        assertThat(limiter.retryAfter("10.0.0.1")).isZero();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
    }

    @Test
    void ended_windows_are_removed_and_clearing_forgets_a_limiters_counts() {
        SharedRateLimits node = node();
        RateLimiter limiter = node.named(name, 1, Duration.ofMinutes(10));
        limiter.tryAcquire("10.0.0.1");
        limiter.tryAcquire("10.0.0.2");
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        limiter.clear();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();

        hand.now = hand.now.plus(Duration.ofMinutes(11));
        node.forgetEndedWindows();
        assertThat(jdbc.sql("select count(*) from rate_limit_window where limiter = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_limit_needs_a_name_at_least_one_event_and_a_window() {
        assertThatThrownBy(() -> node().named(name, 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> node().named(name, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> node().named("Public Lead", 1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
