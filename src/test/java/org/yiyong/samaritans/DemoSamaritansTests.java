package org.yiyong.samaritans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;
import org.yiyong.samaritans.internal.Samaritan;

/** A new installation's registry holds earlier records from several counties, among them a disabled man with his family. */
class DemoSamaritansTests extends FullStackTest {

    private long demo(String name) {
        return jdbc.sql("select id from samaritan where name = :name and source = 'HISTORICAL'").param("name", name)
                .query(Long.class).single();
    }

    @Test
    void the_disabled_samaritan_has_his_grade_certificate_pension_and_family() {
        long id = demo("蔡文龙");
        assertThat(jdbc.sql("select status from samaritan where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("DISABLED");
        assertThat(jdbc.sql("select status || ':' || grade from disability_case where samaritan_id = :id order by id")
                .param("id", id).query(String.class).list()).containsExactly("SUPERSEDED:7", "APPROVED:6");
        assertThat(jdbc.sql("select count(*) from disability_case where samaritan_id = :id and certificate_number is null")
                .param("id", id).query(Long.class).single()).isZero();
        List<String> pensions = jdbc.sql("select status from pension_payment where samaritan_id = :id order by pension_year")
                .param("id", id).query(String.class).list();
        assertThat(pensions).isNotEmpty().contains("PAID");
        assertThat(jdbc.sql("""
                select r.relation from relative r where r.samaritan_id = :id order by r.id""")
                .param("id", id).query(String.class).list()).containsExactly("SPOUSE", "CHILD");
        assertThat(jdbc.sql("""
                select count(*) from entitlement e join relative r on r.id = e.relative_id
                where r.samaritan_id = :id and r.relation = 'CHILD' and e.ended_on is null""")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void the_others_are_deceased_with_survivors_lost_and_traced_and_active() {
        long deceased = demo("黄清水");
        assertThat(jdbc.sql("select status from samaritan where id = :id").param("id", deceased).query(String.class)
                .single()).isEqualTo("DECEASED");
        assertThat(jdbc.sql("select count(*) from relative where samaritan_id = :id").param("id", deceased)
                .query(Long.class).single()).isEqualTo(3);
        long lost = demo("吴建国");
        assertThat(jdbc.sql("select lost_contact from samaritan where id = :id").param("id", lost).query(Boolean.class)
                .single()).isTrue();
        assertThat(jdbc.sql("select count(*) from samaritan_tracing where samaritan_id = :id").param("id", lost)
                .query(Long.class).single()).isEqualTo(2);
        long active = demo("郑丽华");
        assertThat(jdbc.sql("select status from samaritan where id = :id").param("id", active).query(String.class)
                .single()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Samaritan' and entity_id = :id")
                .param("id", String.valueOf(active)).query(Long.class).single()).isPositive();
    }
}
