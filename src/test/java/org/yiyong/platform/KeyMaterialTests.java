package org.yiyong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyong.shared.FieldCipher;

class KeyMaterialTests {

    @TempDir
    Path dataDir;

    @Test
    void the_embedded_database_generates_a_key_file_once_and_reuses_it() {
        KeyMaterial none = new KeyMaterial(null, 1, null, null);
        FieldCipher first = none.cipher(dataDir, true);
        assertThat(dataDir.resolve(KeyMaterial.KEY_FILE)).exists();
        String stored = first.encrypt("350582199003181234");

        FieldCipher again = none.cipher(dataDir, true);
        assertThat(again.decrypt(stored)).isEqualTo("350582199003181234");
        assertThat(again.blindIndex("x")).isEqualTo(first.blindIndex("x"));
    }

    @Test
    void a_production_database_without_keys_refuses_to_start() {
        assertThatThrownBy(() -> new KeyMaterial(null, 1, null, null).cipher(dataDir, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YIYONG_SM4_KEY");
        assertThat(Files.exists(dataDir.resolve(KeyMaterial.KEY_FILE))).isFalse();
    }

    @Test
    void configured_keys_win_and_older_versions_still_decrypt() {
        String v1 = "MDEyMzQ1Njc4OWFiY2RlZg==";
        String index = "ZmVkY2JhOTg3NjU0MzIxMA==";
        String stored = new KeyMaterial(v1, 1, null, index).cipher(dataDir, false).encrypt("秘密");
        FieldCipher rotated = new KeyMaterial("YWJjZGVmMDEyMzQ1Njc4OQ==", 2, "1:" + v1, index).cipher(dataDir, false);
        assertThat(rotated.decrypt(stored)).isEqualTo("秘密");
        assertThat(rotated.isStale(stored)).isTrue();
    }
}
