package org.yiyong.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiyong.platform.SharedRateLimits;
import org.yiyong.shared.RateLimiter;

/**
 * Keeps one client address from flooding the forms of the public portal, where nobody signs in. A
 * request beyond the limit is answered 429 with a page that says to try again later, before anything
 * is saved.
 *
 * <p>Counts are kept in the database ({@link SharedRateLimits}): several nodes behind a load balancer
 * count the same window for a client.
 */
@Component
public class PublicThrottle {

    /** What is counted; each has its own limit from {@link PublicThrottleProperties}. */
    public enum Action {
        /** a lead sent through the public lead form */
        LEAD_SUBMISSION,
        /** a tracking code looked up */
        LEAD_LOOKUP,
        /** an objection to a public notice */
        OBJECTION
    }

    private static final Logger log = LoggerFactory.getLogger(PublicThrottle.class);

    private final Map<Action, RateLimiter> limiters = new EnumMap<>(Action.class);
    private final boolean trustForwardedFor;

    PublicThrottle(PublicThrottleProperties properties, SharedRateLimits limits) {
        limiters.put(Action.LEAD_SUBMISSION,
                limits.named("public-lead", properties.leadSubmissions(), properties.window()));
        limiters.put(Action.LEAD_LOOKUP, limits.named("public-lookup", properties.leadLookups(), properties.window()));
        limiters.put(Action.OBJECTION, limits.named("public-objection", properties.objections(), properties.window()));
        this.trustForwardedFor = properties.trustForwardedFor();
    }

    /**
     * Counts the request against its client's limit.
     *
     * @throws TooManyRequests when the client is beyond the limit for this action
     */
    public void check(Action action, HttpServletRequest request) {
        RateLimiter limiter = limiters.get(action);
        String client = clientAddress(request);
        if (!limiter.tryAcquire(client)) {
            log.warn("Throttled {} from {}: more than {} in {}", action, client, limiter.limit(), limiter.window());
            throw new TooManyRequests(action, limiter.retryAfter(client));
        }
    }

    /** Forgets every count, for tests. */
    public void clear() {
        limiters.values().forEach(RateLimiter::clear);
    }

    String clientAddress(HttpServletRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
