package org.yiyong.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in a fixed window of time, for example 5 submissions per client
 * address per 10 minutes. The first event of a key opens its window; once the window has passed, the
 * key starts again from zero.
 *
 * <p>The counts live in this process's memory. That is enough for one application node; with several
 * nodes each counts on its own, so a client may reach the limit once per node.
 */
public final class RateLimiter {

    /** Above this many keys, windows that have ended are swept out before counting. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one event");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a window of some length");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one event for the key; {@code false} when it is beyond the limit of the current window. */
    public boolean tryAcquire(String key) {
        Instant now = clock.instant();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.hasEnded(now));
        }
        Window current = windows.compute(key, (k, w) -> w == null || w.hasEnded(now)
                ? new Window(now.plus(window), 1)
                : new Window(w.end(), Math.min(w.count() + 1, limit + 1)));
        return current.count() <= limit;
    }

    /** How long until the key's window ends and it may act again; zero when it may act now. */
    public Duration retryAfter(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || current.hasEnded(now) || current.count() < limit) {
            return Duration.ZERO;
        }
        return Duration.between(now, current.end());
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** Forgets every count. */
    public void clear() {
        windows.clear();
    }

    private record Window(Instant end, int count) {

        boolean hasEnded(Instant now) {
            return !now.isBefore(end);
        }
    }
}
