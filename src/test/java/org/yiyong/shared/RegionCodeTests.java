package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTests {

    @Test
    void a_code_is_six_digits_read_without_surrounding_blanks() {
        assertThat(RegionCode.of(" 350582 ").value()).isEqualTo("350582");
        assertThat(RegionCode.of("350582")).isEqualTo(new RegionCode("350582"));
        assertThat(RegionCode.ofNullable("  ")).isNull();
        assertThat(DataScope.of(java.util.List.of("350582")).covers(RegionCode.of("350582"))).isTrue();
        assertThat(DataScope.of(java.util.List.of("350582")).covers(RegionCode.of("350583"))).isFalse();
    }

    @Test
    void what_cannot_be_a_code_is_refused_at_the_region_field() {
        for (String wrong : new String[] {"35058", "3505821", "35058x", "晋江市", "", "3505 82"}) {
            assertThatThrownBy(() -> RegionCode.of(wrong)).as(wrong)
                    .isInstanceOfSatisfying(InvalidField.class, refused -> {
                        assertThat(refused.field()).isEqualTo("region");
                        assertThat(refused.messageKey()).isEqualTo("region.code.format");
                    });
        }
        assertThatThrownBy(() -> RegionCode.of(null)).isInstanceOf(InvalidField.class);
    }
}
