package org.yiyong.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and password rules, and how one client address is kept from flooding the sign-in form and
 * the audit trail.
 *
 * @param addressWindow the window in which failed sign-ins and refused requests are counted per client
 *     address
 * @param maxFailedLoginsPerAddress failed sign-ins one address may make per window, whatever names it
 *     tries; beyond them its sign-ins are refused until the window ends
 */
@ConfigurationProperties("yiyong.identity")
public record IdentityProperties(int maxFailedLogins, Duration lockDuration, int passwordMinLength,
        Duration addressWindow, int maxFailedLoginsPerAddress) {

    @ConstructorBinding
    public IdentityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockDuration,
            @DefaultValue("10") int passwordMinLength, @DefaultValue("10m") Duration addressWindow,
            @DefaultValue("20") int maxFailedLoginsPerAddress) {
        this.maxFailedLogins = maxFailedLogins;
        this.lockDuration = lockDuration;
        this.passwordMinLength = passwordMinLength;
        this.addressWindow = addressWindow;
        this.maxFailedLoginsPerAddress = maxFailedLoginsPerAddress;
    }

    /** The account rules alone, with the default limits per address. */
    public IdentityProperties(int maxFailedLogins, Duration lockDuration, int passwordMinLength) {
        this(maxFailedLogins, lockDuration, passwordMinLength, Duration.ofMinutes(10), 20);
    }
}
