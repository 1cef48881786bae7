package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

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

    private final HandClock clock = new HandClock();
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), clock);

    @Test
    void a_key_may_act_up_to_the_limit_within_its_window() {
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void other_keys_are_counted_apart() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    }

    @Test
    void the_count_starts_again_once_the_window_has_passed() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(limiter.retryAfter("10.0.0.1")).isEqualTo(Duration.ofMinutes(6));
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.retryAfter("10.0.0.1")).isZero();
    }

    @Test
    void clearing_forgets_every_count() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        limiter.clear();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
    }

    @Test
    void a_limit_needs_at_least_one_event_and_a_window() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
