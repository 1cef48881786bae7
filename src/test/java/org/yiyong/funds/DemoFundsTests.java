package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyong.FullStackTest;

/** The demo donations tell the city's story as it is. */
class DemoFundsTests extends FullStackTest {

    @Test
    void the_awareness_day_donation_was_received_on_the_first_of_september() {
        List<LocalDate> days = jdbc.sql("select received_on from donation where note like '%见义勇为宣传日%'")
                .query(LocalDate.class).list();
        assertThat(days).isNotEmpty().allSatisfy(day -> {
            assertThat(day.getMonth()).isEqualTo(Month.SEPTEMBER);
            assertThat(day.getDayOfMonth()).isEqualTo(1);
        });
        assertThat(jdbc.sql("select count(*) from donation where note like '%5·20%' or note like '%5月20%'")
                .query(Long.class).single()).isZero();
    }
}
