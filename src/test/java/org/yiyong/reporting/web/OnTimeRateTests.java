package org.yiyong.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The dashboard's on-time rate: the share on time in percent, one decimal, and none when nothing was due. */
class OnTimeRateTests {

    @Test
    void a_rate_is_the_share_on_time_rounded_half_up_to_one_decimal() {
        assertThat(DashboardController.rate(BigDecimal.ONE, BigDecimal.valueOf(2))).isEqualByComparingTo("33.3");
        assertThat(DashboardController.rate(BigDecimal.valueOf(2), BigDecimal.ONE)).isEqualByComparingTo("66.7");
        assertThat(DashboardController.rate(BigDecimal.valueOf(5), BigDecimal.ZERO)).isEqualByComparingTo("100.0");
    }

    @Test
    void a_year_with_nothing_decided_has_no_rate() {
        assertThat(DashboardController.rate(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
    }
}
