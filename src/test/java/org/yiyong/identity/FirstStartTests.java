package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yiyong.identity.internal.UserAccount;
import org.yiyong.identity.internal.UserAccounts;

/**
 * A production installation starts empty: without demo data, the first start creates one system
 * administrator with a random one-time password, printed once, that must be changed.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:first-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "yiyong.demo-data=false"})
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTests {

    @Autowired
    UserAccounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void the_first_start_without_demo_data_creates_sysadmin_with_a_one_time_password(CapturedOutput output) {
        assertThat(accounts.count()).isEqualTo(1);
        UserAccount admin = accounts.findByUsername("sysadmin").orElseThrow();
        assertThat(admin.getRoles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(admin.isPasswordChangeRequired()).isTrue();
        assertThat(admin.getRegionCode()).isEqualTo("350500");

        Matcher printed = Pattern.compile("one-time password: (\\S+)").matcher(output.getAll());
        assertThat(printed.find()).as("the password is printed to the log").isTrue();
        assertThat(encoder.matches(printed.group(1), admin.getPasswordHash())).isTrue();
        assertThat(printed.group(1)).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo("Yiyong@2024");
        assertThat(accounts.findByUsername("jinjiang-staff")).as("no demo users").isEmpty();
    }
}
