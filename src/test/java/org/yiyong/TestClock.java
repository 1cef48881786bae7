package org.yiyong;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.yiyong.platform.YiyongProperties;

/**
 * The application's clock in tests: it starts at a fixed instant, {@link #START} (Friday 20 November
 * 2026, 10:00 in Quanzhou), whatever the real date and hour, and runs on at real speed so that records
 * made one after another get times one after another. A test that needs a period to pass moves it
 * forward; a test that needs a particular hour sets it; {@link FullStackTest} puts it back after each
 * test.
 *
 * <p>{@code -Dyiyong.test.clock=2026-11-20T05:30:00+08:00} starts the whole suite at another instant
 * (the early hours of the day, a year end, a holiday).
 */
public class TestClock extends Clock {

    public static final Instant START = OffsetDateTime.parse(
            System.getProperty("yiyong.test.clock", "2026-11-20T10:00:00+08:00")).toInstant();

    private final ZoneId zone;
    /** One timeline for every application context of the test run, so that time never runs backwards. */
    private static final long STARTED_NANOS = System.nanoTime();

    private volatile Duration offset = Duration.ZERO;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Sets the clock to a local date-time of the configured zone, from where it runs on. */
    public void setTo(LocalDateTime local) {
        Instant target = local.atZone(zone).toInstant();
        offset = offset.plus(Duration.between(instant(), target));
    }

    /** Back to the fixed start plus the real time elapsed since the test run began. */
    public void reset() {
        offset = Duration.ZERO;
    }

    /** Today in the configured zone. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    /** The local date-time now in the configured zone, to the minute. */
    public LocalDateTime nowToTheMinute() {
        return LocalDateTime.now(this).withSecond(0).withNano(0);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        TestClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return source.withZone(zone);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - STARTED_NANOS).plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock(YiyongProperties properties) {
            return new TestClock(properties.zone());
        }
    }
}
