package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

    private static void assertRefused(String text) {
        Throwable thrown = catchThrowable(() -> PhoneNumber.parse(text));
        assertThat(thrown).as(String.valueOf(text)).isInstanceOf(InvalidField.class);
        InvalidField refusal = (InvalidField) thrown;
        assertThat(refusal.field()).isEqualTo("phone");
        assertThat(refusal.messageKey()).isEqualTo("phone.format");
    }

    @Test
    void a_mobile_number_is_eleven_digits_starting_with_13_to_19() {
        PhoneNumber phone = PhoneNumber.parse("13905951234");

        assertThat(phone.value()).isEqualTo("13905951234");
        assertThat(phone.isMobile()).isTrue();
        assertThat(PhoneNumber.parse("19912345678").value()).isEqualTo("19912345678");
    }

    @Test
    void spaces_are_ignored() {
        assertThat(PhoneNumber.parse(" 139 0595 1234 ").value()).isEqualTo("13905951234");
        assertThat(PhoneNumber.parse("0595 22180110").value()).isEqualTo("0595-22180110");
    }

    @Test
    void a_landline_is_normalised_with_a_hyphen_after_the_area_code() {
        PhoneNumber phone = PhoneNumber.parse("059522180110");

        assertThat(phone.value()).isEqualTo("0595-22180110");
        assertThat(phone.isMobile()).isFalse();
        assertThat(PhoneNumber.parse("0595-22180110")).isEqualTo(phone);
    }

    @Test
    void a_three_digit_area_code_is_told_from_a_four_digit_one_without_a_hyphen() {
        assertThat(PhoneNumber.parse("01012345678").value()).isEqualTo("010-12345678");
        assertThat(PhoneNumber.parse("02188889999").value()).isEqualTo("021-88889999");
        assertThat(PhoneNumber.parse("05951234567").value()).isEqualTo("0595-1234567");
    }

    @Test
    void a_landline_may_have_an_extension() {
        assertThat(PhoneNumber.parse("0595-22180110-8001").value()).isEqualTo("0595-22180110-8001");
        assertThat(PhoneNumber.parse("059522180110-8001").value()).isEqualTo("0595-22180110-8001");
    }

    @Test
    void the_masked_form_hides_the_middle() {
        assertThat(PhoneNumber.parse("13905951234").masked()).isEqualTo("139****1234");
        assertThat(PhoneNumber.parse("059522180110").masked()).isEqualTo("0595-****0110");
    }

    @Test
    void a_malformed_number_is_refused() {
        assertRefused("1390595123");
        assertRefused("139059512345");
        assertRefused("12905951234");
        assertRefused("1390595123a");
        assertRefused("22180110");
        assertRefused("0595-221801");
        assertRefused("0595-221801101");
        assertRefused("0195-22180110");
        assertRefused("13905951234-8001");
        assertRefused("0595-22180110-");
        assertRefused("");
        assertRefused(null);
    }
}
