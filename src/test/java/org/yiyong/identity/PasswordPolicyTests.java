package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
}
