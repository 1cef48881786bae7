package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import org.junit.jupiter.api.Test;

/** The rules every text, date and amount keeps, named at the field. */
class InputsTests {

    @Test
    void text_keeps_tabs_and_line_breaks_but_no_other_control_character() {
        assertThat(Inputs.check("note", "第一行\r\n第二行\t完")).isEqualTo("第一行\r\n第二行\t完");
        for (String bad : new String[] {"a\u0000b", "\u0007", "a\u001bb", "a\u007fb", "a\u0085b"}) {
            assertThatThrownBy(() -> Inputs.check("note", bad)).isInstanceOfSatisfying(InvalidField.class,
                    refused -> {
                        assertThat(refused.field()).isEqualTo("note");
                        assertThat(refused.messageKey()).isEqualTo("validation.control-characters");
                    });
        }
        assertThatThrownBy(() -> Inputs.text("note", "  备注\u0000  ", 100, false)).isInstanceOf(InvalidField.class);
    }

    @Test
    void dates_lie_between_1900_and_2100() {
        assertThat(Inputs.check("on", LocalDate.of(1900, 1, 1))).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(Inputs.check("on", LocalDate.of(2100, 12, 31))).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(Inputs.check("at", LocalDateTime.of(2100, 12, 31, 23, 59))).isNotNull();
        for (Object bad : new Object[] {LocalDate.of(1899, 12, 31), LocalDate.of(2101, 1, 1), LocalDate.of(1, 1, 1),
                LocalDateTime.of(9999, 12, 31, 0, 0), Year.of(10000)}) {
            assertThatThrownBy(() -> Inputs.check("on", bad)).isInstanceOf(InvalidField.class)
                    .hasMessageContaining("range");
        }
    }

    @Test
    void decimals_fit_the_narrowest_money_column() {
        assertThat(Inputs.check("amount", new BigDecimal("9999999999.99"))).isNotNull();
        assertThat(Inputs.check("amount", new BigDecimal("-9999999999.99"))).isNotNull();
        assertThat(Inputs.check("amount", new BigDecimal("1.500"))).isNotNull();
        assertThatThrownBy(() -> Inputs.check("amount", new BigDecimal("10000000000")))
                .hasMessageContaining("validation.amount-range");
        assertThatThrownBy(() -> Inputs.check("amount", new BigDecimal("1E+20")))
                .hasMessageContaining("validation.amount-range");
        assertThatThrownBy(() -> Inputs.check("amount", new BigDecimal("0.001"))).hasMessageContaining("money.cents");
    }
}
