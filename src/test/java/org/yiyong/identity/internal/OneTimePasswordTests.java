package org.yiyong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.yiyong.identity.internal.IdentityProperties;
import org.yiyong.identity.internal.PasswordPolicy;

/** The first administrator's one-time password is one the password policy accepts. */
class OneTimePasswordTests {

    private static PasswordPolicy policy(int minLength) {
        return new PasswordPolicy(new IdentityProperties(5, Duration.ofMinutes(15), minLength));
    }

    @Test
    void it_has_sixteen_characters_by_default_and_meets_the_policy() {
        String password = IdentityBootstrap.oneTimePassword(policy(10));
        assertThat(password).hasSize(16);
        assertThat(policy(10).violations("sysadmin", password)).isEmpty();
    }

    @Test
    void it_grows_to_a_larger_configured_minimum_but_never_past_what_bcrypt_hashes() {
        assertThat(IdentityBootstrap.oneTimePassword(policy(30))).hasSize(30);
        assertThat(IdentityBootstrap.oneTimePassword(policy(72))).hasSize(72);
    }
}
