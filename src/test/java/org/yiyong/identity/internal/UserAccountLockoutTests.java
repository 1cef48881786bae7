package org.yiyong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserAccountLockoutTests {

    private static final Duration LOCK = Duration.ofMinutes(15);
    private final Instant start = Instant.parse("2026-11-28T02:00:00Z");

    private UserAccount account() {
        return new UserAccount("someone", "某人", "hash", 1L, "350582", false, start);
    }

    @Test
    void the_fifth_wrong_password_locks_the_account_for_fifteen_minutes() {
        UserAccount account = account();
        for (int i = 1; i <= 4; i++) {
            assertThat(account.recordFailedLogin(start.plusSeconds(i), 5, LOCK)).isFalse();
        }
        assertThat(account.recordFailedLogin(start.plusSeconds(5), 5, LOCK)).isTrue();
        assertThat(account.isLocked(start.plusSeconds(6))).isTrue();
        assertThat(account.isLocked(start.plusSeconds(5).plus(LOCK).minusSeconds(1))).isTrue();
        assertThat(account.isLocked(start.plusSeconds(5).plus(LOCK))).isFalse();
    }

    @Test
    void after_the_lock_ends_counting_starts_again() {
        UserAccount account = account();
        for (int i = 1; i <= 5; i++) {
            account.recordFailedLogin(start.plusSeconds(i), 5, LOCK);
        }
        Instant later = start.plus(LOCK).plusSeconds(60);
        assertThat(account.recordFailedLogin(later, 5, LOCK)).isFalse();
        assertThat(account.isLocked(later)).isFalse();
        assertThat(account.getFailedAttempts()).isEqualTo(1);
    }

    @Test
    void a_successful_sign_in_clears_the_count() {
        UserAccount account = account();
        account.recordFailedLogin(start, 5, LOCK);
        account.recordFailedLogin(start, 5, LOCK);
        account.recordSuccessfulLogin(start.plusSeconds(10));
        assertThat(account.getFailedAttempts()).isZero();
    }
}
