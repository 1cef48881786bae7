package org.yiyong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void one_person_holds_at_most_one_of_the_three_administrators() {
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SYSTEM_ADMIN))).isTrue();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN))).isFalse();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN))).isFalse();
    }

    @Test
    void an_administrator_holds_no_business_role() {
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SECURITY_ADMIN, Role.CITY_STAFF))).isFalse();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.AUDIT_ADMIN, Role.FINANCE_REVIEWER))).isFalse();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SYSTEM_ADMIN, Role.CASHIER))).isFalse();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.SECURITY_ADMIN, Role.LEADER))).isFalse();
        assertThat(Role.keepsAdministratorsApart(EnumSet.of(Role.FINANCE_REVIEWER, Role.CASHIER, Role.CITY_STAFF)))
                .as("business roles alone are no administrator's business").isTrue();
        assertThat(Role.keepsAdministratorsApart(EnumSet.noneOf(Role.class))).isTrue();
    }
}
