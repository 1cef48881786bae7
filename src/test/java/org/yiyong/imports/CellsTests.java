package org.yiyong.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yiyong.shared.ResidentId;

/** What old registers do to numbers, dates and amounts, undone where the meaning is certain and only there. */
class CellsTests {

    @Test
    void resident_ids_lose_full_width_digits_spaces_and_hyphens_and_old_numbers_gain_their_century() {
        String id = ResidentId.withCheckDigit("35058219900101123");
        assertThat(Cells.residentId(" ３５０５８２ 1990-0101 123" + id.charAt(17) + "　")).isEqualTo(id);
        assertThat(Cells.residentId(id.substring(0, 17) + "x")).endsWith("X");
        // GB 11643: 15 digits (region, YYMMDD, sequence) become 18 with "19" and the check digit
        assertThat(Cells.residentId("350582900101123")).isEqualTo(id);
        assertThat(ResidentId.isValid(Cells.residentId("350582900101123"))).isTrue();
        assertThat(Cells.residentId("   ")).isNull();
        // anything else is left for the register to refuse
        assertThat(Cells.residentId("35058219900101")).isEqualTo("35058219900101");
    }

    @Test
    void dates_are_read_in_the_usual_forms_and_as_excel_day_numbers() {
        LocalDate day = LocalDate.of(2019, 3, 5);
        for (String text : new String[] {"2019.3.5", "2019-03-05", "2019/3/5", "2019年3月5日", "2019 年 3 月 5 日",
                "20190305", "２０１９．３．５", "43529", "43529.0"}) {
            assertThat(Cells.date(text)).as(text).isEqualTo(day);
        }
        assertThat(Cells.date(null)).isNull();
        for (String text : new String[] {"2019.2.30", "三月五日", "2019", "5/3/2019", "3.5", "12"}) {
            assertThatThrownBy(() -> Cells.date(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void amounts_drop_currency_signs_and_commas_and_ten_thousands_are_multiplied() {
        assertThat(Cells.amount("¥1,200.50")).isEqualByComparingTo("1200.50");
        assertThat(Cells.amount("￥ 3000 元")).isEqualByComparingTo("3000");
        assertThat(Cells.amount("2.5万元")).isEqualByComparingTo("25000");
        assertThat(Cells.amount("1万")).isEqualByComparingTo(new BigDecimal("10000"));
        assertThat(Cells.amount("５０００")).isEqualByComparingTo("5000");
        for (String text : new String[] {"五千元", "1,2,3.4.5", "-100", "约2000", "2000美元"}) {
            assertThatThrownBy(() -> Cells.amount(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void text_is_trimmed_of_every_kind_of_blank_and_formulas_are_defused_on_the_way_out() {
        assertThat(Cells.text("\u3000陈建华 \u00A0")).isEqualTo("陈建华");
        assertThat(Cells.text(" \u3000 ")).isNull();
        assertThat(Cells.defused("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(Cells.defused("+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(Cells.defused("@SUM(A1)")).startsWith("'@");
        assertThat(Cells.defused("陈建华")).isEqualTo("陈建华");
    }
}
