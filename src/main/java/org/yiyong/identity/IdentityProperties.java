package org.yiyong.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Sign-in and password rules. */
@ConfigurationProperties("yiyong.identity")
public record IdentityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("10") int passwordMinLength) {
}
