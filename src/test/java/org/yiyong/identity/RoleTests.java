package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void one_person_holds_at_most_one_of_the_three_administrators() {
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SYSTEM_ADMIN))).isTrue();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SECURITY_ADMIN, Role.LEADER))).isTrue();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN))).isFalse();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN))).isFalse();
    }
}
