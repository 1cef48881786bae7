package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void a_mobile_keeps_its_first_three_and_last_four_digits() {
        assertThat(Masking.phone("13905951234")).isEqualTo("139****1234");
        assertThat(Masking.phone(" 13905951234 ")).isEqualTo("139****1234");
    }

    @Test
    void a_landline_keeps_its_area_code_extension_and_last_four_digits() {
        assertThat(Masking.phone("0595-22180110")).isEqualTo("0595-****0110");
        assertThat(Masking.phone("010-12345678-8001")).isEqualTo("010-****5678-8001");
    }

    @Test
    void a_short_phone_number_shows_at_most_its_last_four_digits() {
        assertThat(Masking.phone("2218011")).isEqualTo("***8011");
        assertThat(Masking.phone("110")).isEqualTo("***");
    }

    @Test
    void a_bank_account_shows_first_and_last_four_digits_and_hides_its_length() {
        assertThat(Masking.bankAccount("6222021234567890123")).isEqualTo("6222 **** **** 0123");
        assertThat(Masking.bankAccount("6222 0212 3456 7890")).isEqualTo("6222 **** **** 7890");
    }

    @Test
    void a_short_bank_account_never_shows_more_than_its_last_four_digits() {
        assertThat(Masking.bankAccount("12345678")).isEqualTo("**** 5678");
        assertThat(Masking.bankAccount("1234")).isEqualTo("****");
    }

    @Test
    void a_name_keeps_its_first_and_last_character() {
        assertThat(Masking.name("许志强")).isEqualTo("许*强");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masking.name(" 许志强 ")).isEqualTo("许*强");
    }

    @Test
    void a_two_character_name_keeps_the_family_name() {
        assertThat(Masking.name("洪涛")).isEqualTo("洪*");
        assertThat(Masking.name("李")).isEqualTo("*");
    }

    @Test
    void a_rare_character_outside_the_basic_plane_counts_as_one() {
        assertThat(Masking.name("\uD842\uDFB7明")).isEqualTo("\uD842\uDFB7*");
        assertThat(Masking.name("王\uD842\uDFB7明")).isEqualTo("王*明");
    }

    @Test
    void null_stays_null_and_blank_becomes_empty() {
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.bankAccount(null)).isNull();
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.phone("  ")).isEmpty();
        assertThat(Masking.bankAccount("")).isEmpty();
        assertThat(Masking.name(" ")).isEmpty();
    }

    @Test
    void free_text_for_the_public_has_its_id_and_phone_numbers_masked() {
        String text = "施某（身份证350582197804121234，电话13905951234）在金井镇报警，派出所电话0595-85680110。"
                + "案值12000元，编号350582-2026-0007。";
        assertThat(Masking.freeText(text)).isEqualTo("施某（身份证350582********1234，电话139****1234）在金井镇报警，"
                + "派出所电话0595-****0110。案值12000元，编号350582-2026-0007。");
        assertThat(Masking.freeText("身份证号35058219780412123X")).isEqualTo("身份证号350582********123X");
        assertThat(Masking.freeText(null)).isNull();
    }
}
