package org.yiyong.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.internal.IdentityProperties;
import org.yiyong.platform.SharedRateLimits;
import org.yiyong.shared.RateLimiter;

/**
 * Failed sign-ins per client address. Locking an account after a few wrong passwords stops guessing
 * one password, but lets anyone lock any account whose name they know; past its limit an address may
 * not try again until its window ends, so it cannot lock account after account. Its attempts are then
 * refused before the password is looked at, and count against no account.
 *
 * <p>Counts are kept in the database ({@link SharedRateLimits}), the same for every node.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final RateLimiter failures;
    private final AuditTrail audit;

    SignInThrottle(IdentityProperties properties, AuditTrail audit, SharedRateLimits limits) {
        this.failures = limits.named("sign-in", properties.maxFailedLoginsPerAddress(), properties.addressWindow());
        this.audit = audit;
    }

    /** How long the request's address must wait before it may sign in again; zero when it may now. */
    Duration waitFor(HttpServletRequest request) {
        return failures.retryAfter(request.getRemoteAddr());
    }

    /** Counts a failed sign-in; the failure that reaches the limit goes on the audit trail. */
    void failed(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        boolean wasOpen = failures.retryAfter(address).isZero();
        failures.tryAcquire(address);
        if (wasOpen && !failures.retryAfter(address).isZero()) {
            log.warn("Sign-ins from {} refused for a while: {} failures in {}", address, failures.limit(),
                    failures.window());
            audit.recordEvent(AuditRecord.of(AuditAction.ACCESS_DENIED, null, null)
                    .withDetail("sign-in throttled: %d failed sign-ins from %s within %s".formatted(failures.limit(),
                            address, failures.window()))
                    .byActor(DeniedRequests.ANONYMOUS));
        }
    }

    /** Refuses the sign-in form's posts from an address past its limit, before any password is checked. */
    static class Filter extends OncePerRequestFilter {

        private final SignInThrottle throttle;

        Filter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod())
                    || !request.getRequestURI().equals(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!throttle.waitFor(request).isZero()) {
                response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?error=throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
