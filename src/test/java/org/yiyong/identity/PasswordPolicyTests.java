package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.yiyong.identity.internal.IdentityProperties;
import org.yiyong.identity.internal.PasswordPolicy;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy(new IdentityProperties(5, Duration.ofMinutes(15), 10));

    @Test
    void a_long_password_of_three_classes_without_the_username_is_accepted() {
        assertThat(policy.violations("jinjiang-staff", "Yiyong@2024")).isEmpty();
        assertThat(policy.violations("someone", "quanzhou2024!")).isEmpty();
    }

    @Test
    void a_password_shorter_than_ten_characters_is_refused() {
        assertThat(policy.violations("someone", "Ab1@xyz9")).contains("password.too-short");
    }

    @Test
    void a_password_of_only_two_character_classes_is_refused() {
        assertThat(policy.violations("someone", "abcdefgh1234")).containsExactly("password.too-simple");
    }

    @Test
    void a_password_containing_the_username_is_refused_whatever_the_case() {
        assertThat(policy.violations("leader", "LEADER@2024x")).containsExactly("password.contains-username");
        assertThat(policy.violations("leader", "leader")).contains("password.contains-username");
    }

    @Test
    void a_password_over_72_bytes_is_refused_as_too_long_counting_a_chinese_character_as_three() {
        assertThat(policy.violations("someone", "Aa1" + "见".repeat(23))).isEmpty();
        assertThat(policy.violations("someone", "Aa1" + "见".repeat(24))).containsExactly("password.too-long");
        assertThat(policy.violations("someone", "Quanzhou@2026" + "x".repeat(60))).containsExactly("password.too-long");
        assertThat(policy.messageArguments()).containsExactly(10, 72, 24);
    }

    @Test
    void a_minimum_no_password_can_meet_is_refused_at_start() {
        assertThatThrownBy(() -> new PasswordPolicy(new IdentityProperties(5, Duration.ofMinutes(15), 73)))
                .isInstanceOf(IllegalStateException.class);
    }
}
