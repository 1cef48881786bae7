package org.yiyong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private final byte[] key = FieldCipher.newKey();
    private final byte[] indexKey = FieldCipher.newKey();
    private final FieldCipher cipher = new FieldCipher(1, key, Map.of(), indexKey);

    @Test
    void a_value_encrypts_to_something_else_and_decrypts_back() {
        String stored = cipher.encrypt("350582199003181234");
        assertThat(stored).startsWith("v1:").doesNotContain("350582199003181234");
        assertThat(cipher.decrypt(stored)).isEqualTo("350582199003181234");
    }

    @Test
    void the_same_value_encrypts_differently_each_time_but_has_one_blind_index() {
        assertThat(cipher.encrypt("许志强")).isNotEqualTo(cipher.encrypt("许志强"));
        assertThat(cipher.blindIndex("350582199003181234")).isEqualTo(cipher.blindIndex("350582199003181234"))
                .hasSize(64)
                .isNotEqualTo(cipher.blindIndex("350582199003181235"));
    }

    @Test
    void the_blind_index_depends_on_its_key() {
        FieldCipher other = new FieldCipher(1, key, Map.of(), FieldCipher.newKey());
        assertThat(other.blindIndex("350582199003181234")).isNotEqualTo(cipher.blindIndex("350582199003181234"));
    }

    @Test
    void after_a_rotation_old_values_still_decrypt_and_are_marked_stale() {
        String old = cipher.encrypt("6222021234567890123");
        FieldCipher rotated = new FieldCipher(2, FieldCipher.newKey(), Map.of(1, key), indexKey);
        assertThat(rotated.decrypt(old)).isEqualTo("6222021234567890123");
        assertThat(rotated.isStale(old)).isTrue();
        assertThat(rotated.isStale(rotated.encrypt("x"))).isFalse();
    }

    @Test
    void an_altered_value_or_a_wrong_key_is_detected() {
        String stored = cipher.encrypt("350582199003181234");
        String altered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
        FieldCipher stranger = new FieldCipher(1, FieldCipher.newKey(), Map.of(), indexKey);
        assertThatThrownBy(() -> stranger.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }
}
