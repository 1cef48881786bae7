package org.yiyong.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiyong.funds.internal.ChineseAmount;

/** Capital amounts as receipts write them. */
class ChineseAmountTests {

    @ParameterizedTest
    @CsvSource({
        "0, 零元整",
        "0.50, 伍角整",
        "0.05, 伍分",
        "1, 壹元整",
        "10, 壹拾元整",
        "105, 壹佰零伍元整",
        "1000.50, 壹仟元伍角整",
        "1000.05, 壹仟元零伍分",
        "10010, 壹万零壹拾元整",
        "100000, 壹拾万元整",
        "2049100, 贰佰零肆万玖仟壹佰元整",
        "8500000, 捌佰伍拾万元整",
        "100010000, 壹亿零壹万元整",
        "12000.50, 壹万贰仟元伍角整"
    })
    void writes_amounts_in_capitals(String amount, String capitals) {
        assertThat(ChineseAmount.of(new BigDecimal(amount))).isEqualTo(capitals);
    }
}
