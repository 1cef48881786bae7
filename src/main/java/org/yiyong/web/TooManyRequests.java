package org.yiyong.web;

import java.time.Duration;

/** A client used a public form more often than {@link PublicThrottle} allows; answered 429. */
public class TooManyRequests extends RuntimeException {

    private final transient PublicThrottle.Action action;
    private final transient Duration retryAfter;

    public TooManyRequests(PublicThrottle.Action action, Duration retryAfter) {
        super("too many " + action);
        this.action = action;
        this.retryAfter = retryAfter;
    }

    public PublicThrottle.Action action() {
        return action;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
