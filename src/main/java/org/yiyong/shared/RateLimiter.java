package org.yiyong.shared;

import java.time.Duration;

/**
 * At most {@link #limit()} events per key in a fixed window of time, for example 5 submissions per
 * client address per 10 minutes. The first event of a key opens its window; once the window has
 * passed, the key starts again from zero.
 */
public interface RateLimiter {

    /** Counts one event for the key; {@code false} when it is beyond the limit of the current window. */
    boolean tryAcquire(String key);

    /** How long until the key's window ends and it may act again; zero when it may act now. */
    Duration retryAfter(String key);

    int limit();

    Duration window();

    /** Forgets every count. */
    void clear();

    /** Checks a limit's settings, for implementations. */
    static void requireValid(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one event");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a window of some length");
        }
    }
}
