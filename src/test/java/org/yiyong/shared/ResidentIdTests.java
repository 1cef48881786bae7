package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** The check character by ISO 7064 MOD 11-2, written out here so the test does not trust the class. */
    private static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.getNumericValue(first17.charAt(i)) * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static void assertRefused(String text, String messageKey) {
        Throwable thrown = catchThrowable(() -> ResidentId.parse(text, TODAY));
        assertThat(thrown).isInstanceOf(InvalidField.class);
        InvalidField refusal = (InvalidField) thrown;
        assertThat(refusal.field()).isEqualTo("residentId");
        assertThat(refusal.messageKey()).isEqualTo(messageKey);
    }

    @Test
    void a_valid_number_tells_birth_date_region_and_sex() {
        String number = withCheckDigit("35058219900307123");
        assertThat(number).isEqualTo("350582199003071238");

        ResidentId id = ResidentId.parse(number, TODAY);

        assertThat(id.value()).isEqualTo(number);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(id.regionCode()).isEqualTo("350582");
        assertThat(id.isMale()).isTrue();
    }

    @Test
    void the_example_in_the_standard_is_accepted_and_an_even_order_code_is_a_woman() {
        ResidentId id = ResidentId.parse("11010519491231002X", TODAY);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.isMale()).isFalse();
    }

    @Test
    void a_lower_case_x_and_surrounding_spaces_are_accepted_and_normalised() {
        ResidentId id = ResidentId.parse("  11010519491231002x \t", TODAY);

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id).isEqualTo(ResidentId.parse("11010519491231002X", TODAY));
        assertThat(id).hasSameHashCodeAs(ResidentId.parse("11010519491231002X", TODAY));
    }

    @Test
    void the_system_clock_accepts_a_past_birth_date() {
        assertThat(ResidentId.parse("350582199003071238").birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
    }

    @Test
    void a_wrong_length_is_refused_as_a_format_error() {
        assertRefused("35058219900307123", "resident-id.format");
        assertRefused("3505821990030712380", "resident-id.format");
        assertRefused("350582900307123", "resident-id.format");
    }

    @Test
    void a_letter_among_the_first_17_or_a_last_character_other_than_x_is_refused_as_a_format_error() {
        assertRefused("3505821990030712X8", "resident-id.format");
        assertRefused("35058219900307I238", "resident-id.format");
        assertRefused("35058219900307123Y", "resident-id.format");
    }

    @Test
    void nothing_at_all_is_refused_as_a_format_error() {
        assertRefused(null, "resident-id.format");
        assertRefused("   ", "resident-id.format");
    }

    @Test
    void a_day_that_does_not_exist_is_refused_as_a_birth_date_error() {
        assertRefused(withCheckDigit("35058220230230123"), "resident-id.birth-date");
        assertRefused(withCheckDigit("35058219901301123"), "resident-id.birth-date");
        assertRefused(withCheckDigit("35058219000229123"), "resident-id.birth-date");
    }

    @Test
    void a_birth_date_before_1900_is_refused_and_1900_01_01_is_accepted() {
        assertRefused(withCheckDigit("35058218991231123"), "resident-id.birth-date");
        assertThat(ResidentId.isValid(withCheckDigit("35058219000101123"))).isTrue();
    }

    @Test
    void a_birth_date_after_today_is_refused_and_today_is_accepted() {
        assertRefused(withCheckDigit("35058220250602123"), "resident-id.birth-date");
        assertThat(ResidentId.parse(withCheckDigit("35058220250601123"), TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void a_wrong_check_digit_is_refused() {
        assertRefused("350582199003071239", "resident-id.check-digit");
        assertRefused("350582199003071230", "resident-id.check-digit");
        assertRefused("110105194912310021", "resident-id.check-digit");
        assertRefused("35058219900307123X", "resident-id.check-digit");
    }

    @Test
    void is_valid_answers_without_throwing() {
        assertThat(ResidentId.isValid("350582199003071238")).isTrue();
        assertThat(ResidentId.isValid("350582199003071239")).isFalse();
        assertThat(ResidentId.isValid(null)).isFalse();
    }

    @Test
    void the_masked_form_keeps_the_first_6_and_last_4_characters() {
        ResidentId id = ResidentId.parse("350582199003181234", TODAY);

        assertThat(id.masked()).isEqualTo("350582********1234");
    }

    @Test
    void to_string_never_shows_the_full_number() {
        ResidentId id = ResidentId.parse("350582199003181234", TODAY);

        assertThat(id.toString()).isEqualTo("350582********1234").doesNotContain("19900318");
        assertThat(String.valueOf(id)).doesNotContain("350582199003181234");
    }

    @Test
    void a_refusal_does_not_carry_the_number_in_its_message() {
        Throwable thrown = catchThrowable(() -> ResidentId.parse("350582199003071239", TODAY));

        assertThat(thrown.getMessage()).doesNotContain("350582199003071239");
    }
}
