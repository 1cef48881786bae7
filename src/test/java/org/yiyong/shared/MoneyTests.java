package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void every_amount_has_exactly_two_decimals() {
        assertThat(Money.of(5000).amount()).isEqualTo(new BigDecimal("5000.00"));
        assertThat(Money.of("8500.5").amount()).isEqualTo(new BigDecimal("8500.50"));
        assertThat(Money.of(new BigDecimal("12")).amount()).isEqualTo(new BigDecimal("12.00"));
        assertThat(Money.ZERO.amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void amounts_written_differently_are_equal() {
        assertThat(Money.of("1.5")).isEqualTo(Money.of(new BigDecimal("1.500"))).isEqualTo(Money.of("1.50"));
        assertThat(Money.of("1.5")).hasSameHashCodeAs(Money.of(new BigDecimal("1.500")));
        assertThat(Money.of(0)).isEqualTo(Money.ZERO);
    }

    @Test
    void more_than_two_decimals_are_refused_rather_than_rounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("0.005"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("100.001")));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("12,000"));
    }

    @Test
    void of_rounded_rounds_half_up_to_the_fen() {
        assertThat(Money.ofRounded(new BigDecimal("0.005"))).isEqualTo(Money.of("0.01"));
        assertThat(Money.ofRounded(new BigDecimal("0.0049"))).isEqualTo(Money.ZERO);
        assertThat(Money.ofRounded(new BigDecimal("-1.125"))).isEqualTo(Money.of("-1.13"));
        assertThat(Money.ofRounded(new BigDecimal("3"))).isEqualTo(Money.of(3));
    }

    @Test
    void arithmetic_keeps_two_decimals() {
        Money sum = Money.of("0.10").plus(Money.of("0.20"));
        assertThat(sum).isEqualTo(Money.of("0.30"));
        assertThat(sum.amount().scale()).isEqualTo(2);
        assertThat(Money.of(100).minus(Money.of("0.01"))).isEqualTo(Money.of("99.99"));
        assertThat(Money.of("1333.33").times(3)).isEqualTo(Money.of("3999.99"));
        assertThat(Money.of("1333.33").times(3).amount().scale()).isEqualTo(2);
    }

    @Test
    void sign_and_order() {
        assertThat(Money.of(5).minus(Money.of(8)).isNegative()).isTrue();
        assertThat(Money.of(5).isNegative()).isFalse();
        assertThat(Money.ZERO.isNegative()).isFalse();
        assertThat(Money.of(5).minus(Money.of(5)).isZero()).isTrue();
        assertThat(Money.of("0.01").isZero()).isFalse();
        assertThat(Money.of(5)).isGreaterThan(Money.of("4.99")).isLessThan(Money.of("5.01"));
        assertThat(Money.of("5.00").compareTo(Money.of(5))).isZero();
    }

    @Test
    void table_format_groups_thousands_with_a_yuan_sign() {
        assertThat(Money.of(1_040_000).format()).isEqualTo("¥1,040,000.00");
        assertThat(Money.of("8500.5").format()).isEqualTo("¥8,500.50");
        assertThat(Money.of("0.05").format()).isEqualTo("¥0.05");
        assertThat(Money.ZERO.format()).isEqualTo("¥0.00");
        assertThat(Money.of("-1234.5").format()).isEqualTo("-¥1,234.50");
    }

    @Test
    void prose_format_in_wan_drops_trailing_zeros() {
        assertThat(Money.of(1_040_000).formatWan()).isEqualTo("104万元");
        assertThat(Money.of(10_000).formatWan()).isEqualTo("1万元");
        assertThat(Money.of(15_000).formatWan()).isEqualTo("1.5万元");
        assertThat(Money.of(12_300).formatWan()).isEqualTo("1.23万元");
        assertThat(Money.of(-20_000).formatWan()).isEqualTo("-2万元");
    }

    @Test
    void prose_format_in_wan_rounds_to_two_decimals_half_up() {
        assertThat(Money.of(12_345).formatWan()).isEqualTo("1.23万元");
        assertThat(Money.of(12_350).formatWan()).isEqualTo("1.24万元");
        assertThat(Money.of("99999.99").formatWan()).isEqualTo("10万元");
        assertThat(Money.of(1_000_000).formatWan()).isEqualTo("100万元");
    }

    @Test
    void prose_format_under_ten_thousand_is_in_yuan() {
        assertThat(Money.of(5000).formatWan()).isEqualTo("5000元");
        assertThat(Money.of("8500.50").formatWan()).isEqualTo("8500.50元");
        assertThat(Money.of("9999.99").formatWan()).isEqualTo("9999.99元");
        assertThat(Money.ZERO.formatWan()).isEqualTo("0元");
        assertThat(Money.of(-300).formatWan()).isEqualTo("-300元");
    }

    @Test
    void to_string_is_the_plain_amount() {
        assertThat(Money.of(1_040_000)).hasToString("1040000.00");
    }

    @Test
    void a_split_sums_to_the_amount_exactly_with_the_odd_fen_on_the_first_share() {
        assertThat(Money.of(100).split(3)).containsExactly(Money.of("33.34"), Money.of("33.33"), Money.of("33.33"));
        assertThat(Money.of(100).split(6)).containsExactly(Money.of("16.70"), Money.of("16.66"), Money.of("16.66"),
                Money.of("16.66"), Money.of("16.66"), Money.of("16.66"));
        assertThat(Money.of("0.01").split(3)).containsExactly(Money.of("0.01"), Money.ZERO, Money.ZERO);
        assertThat(Money.of(5000).split(1)).containsExactly(Money.of(5000));
        assertThat(Money.of("-100").split(3)).containsExactly(Money.of("-33.34"), Money.of("-33.33"), Money.of("-33.33"));
        for (String amount : new String[] {"0.00", "0.07", "1.00", "99.99", "12345.67", "9999999999.99"}) {
            for (int parts = 1; parts <= 13; parts++) {
                var shares = Money.of(amount).split(parts);
                assertThat(shares).hasSize(parts);
                assertThat(shares.stream().reduce(Money.ZERO, Money::plus)).isEqualTo(Money.of(amount));
                assertThat(shares).allSatisfy(share -> assertThat(share.amount().scale()).isEqualTo(2));
            }
        }
    }

    @Test
    void an_amount_is_split_into_one_part_or_more() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100).split(0));
    }
}
