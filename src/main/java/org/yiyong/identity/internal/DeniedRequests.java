package org.yiyong.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.internal.IdentityProperties;

/**
 * Puts refused requests on the audit trail without letting anonymous callers flood it. A signed-in
 * caller's refusal is written as it happens: it names an account, which can be disabled. Anonymous
 * refusals are tallied per client address: the first of a window is written as it happens, the ones
 * that follow in the same window are only counted and written afterwards as one summary with their
 * number and the last of them. A script hammering the API thus leaves at most two entries per address
 * and window, not one per call.
 *
 * <p>The counts live in this node's memory: with several nodes each summarises what reached it, and a
 * restart loses the count of the window under way (never its first entry).
 */
@Component
class DeniedRequests {

    /** Actor of requests made without signing in. */
    static final String ANONYMOUS = "anonymous";

    /** Beyond this many addresses at once, new ones share one tally, so that memory stays bounded. */
    private static final int MAX_TRACKED = 10_000;
    private static final String MANY_ADDRESSES = "(many addresses)";

    private final AuditTrail audit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Tally> tallies = new ConcurrentHashMap<>();

    DeniedRequests(AuditTrail audit, IdentityProperties properties, Clock clock) {
        this.audit = audit;
        this.window = properties.addressWindow();
        this.clock = clock;
    }

    /** A signed-in caller's refused request, described as method and path. */
    void denied(HttpServletRequest request, String username) {
        audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, null, null).withDetail(describe(request))
                .byActor(username));
    }

    /** A refused request of someone not signed in, tallied by client address. */
    void deniedAnonymous(HttpServletRequest request) {
        String what = describe(request);
        Instant now = clock.instant();
        String address = request.getRemoteAddr();
        if (tallies.size() >= MAX_TRACKED && !tallies.containsKey(address)) {
            address = MANY_ADDRESSES;
        }
        AtomicReference<Tally> ended = new AtomicReference<>();
        AtomicBoolean opened = new AtomicBoolean();
        // compute runs atomically per address; the audit writes happen after it, outside the map's lock
        tallies.compute(address, (key, tally) -> {
            if (tally != null && now.isBefore(tally.end)) {
                tally.more++;
                tally.last = what;
                return tally;
            }
            if (tally != null && tally.more > 0) {
                ended.set(tally);
            }
            opened.set(true);
            return new Tally(now, now.plus(window));
        });
        if (ended.get() != null) {
            summarise(address, ended.get());
        }
        if (opened.get()) {
            audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, null, null).withDetail(what)
                    .byActor(ANONYMOUS).fromAddress(address));
        }
    }

    /** Writes the summaries of windows that have ended, so that a burst is on the trail soon after it stops. */
    @Scheduled(fixedDelayString = "PT1M")
    void summariseEndedWindows() {
        Instant now = clock.instant();
        for (String address : tallies.keySet()) {
            AtomicReference<Tally> ended = new AtomicReference<>();
            tallies.computeIfPresent(address, (key, tally) -> {
                if (now.isBefore(tally.end)) {
                    return tally;
                }
                if (tally.more > 0) {
                    ended.set(tally);
                }
                return null;
            });
            if (ended.get() != null) {
                summarise(address, ended.get());
            }
        }
    }

    private void summarise(String address, Tally tally) {
        audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, null, null)
                .withDetail("%d more refused requests from %s between %s and %s; the last: %s".formatted(tally.more,
                        address, tally.start, tally.end, tally.last))
                .byActor(ANONYMOUS)
                .fromAddress(address));
    }

    private static String describe(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    /** A window's refusals after its first; only touched inside the map's compute functions. */
    private static final class Tally {

        final Instant start;
        final Instant end;
        int more;
        String last;

        Tally(Instant start, Instant end) {
            this.start = start;
            this.end = end;
        }
    }
}
