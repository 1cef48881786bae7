package org.yiyong.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yiyong.shared.FieldCipher;

/**
 * The keys that protect sensitive fields: the SM4 key (with its version, and older versions kept for
 * reading after a rotation) and the HMAC-SM3 blind-index key. They come from configuration
 * ({@code YIYONG_SM4_KEY}, {@code YIYONG_INDEX_KEY}, base64) or from the key file
 * {@code <data dir>/keys/yiyong.keys}. Only the embedded database generates that file on first start;
 * a production database without keys refuses to start rather than invent keys one node would not share.
 *
 * @param oldKeys earlier SM4 keys as {@code version:base64} pairs separated by commas
 */
@ConfigurationProperties("yiyong.crypto")
public record KeyMaterial(String sm4Key, @DefaultValue("1") int keyVersion, String oldKeys, String indexKey) {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    static final String KEY_FILE = "keys/yiyong.keys";

    FieldCipher cipher(Path dataDir, boolean embeddedDatabase) {
        if (hasText(sm4Key) && hasText(indexKey)) {
            return new FieldCipher(keyVersion, decode(sm4Key), parseOld(oldKeys), decode(indexKey));
        }
        Path file = dataDir.resolve(KEY_FILE);
        if (Files.exists(file)) {
            return fromFile(file);
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("No encryption keys: set YIYONG_SM4_KEY and YIYONG_INDEX_KEY (16 random "
                    + "bytes each, base64, e.g. `openssl rand -base64 16`) or provide " + file
                    + ". Every node must use the same keys.");
        }
        return generate(file);
    }

    private static FieldCipher fromFile(Path file) {
        Properties keys = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
        return new FieldCipher(Integer.parseInt(keys.getProperty("sm4.version", "1")),
                decode(keys.getProperty("sm4.key")), parseOld(keys.getProperty("sm4.old-keys")),
                decode(keys.getProperty("index.key")));
    }

    private static FieldCipher generate(Path file) {
        byte[] key = FieldCipher.newKey();
        byte[] index = FieldCipher.newKey();
        Properties keys = new Properties();
        keys.setProperty("sm4.version", "1");
        keys.setProperty("sm4.key", Base64.getEncoder().encodeToString(key));
        keys.setProperty("index.key", Base64.getEncoder().encodeToString(index));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                keys.store(out, "Yiyong encryption keys. Back this file up apart from the database: without it "
                        + "the encrypted fields cannot be read.");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the folder's permissions
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file, e);
        }
        log.warn("Generated new encryption keys in {} — back this file up apart from the database.", file);
        return new FieldCipher(1, key, Map.of(), index);
    }

    private static Map<Integer, byte[]> parseOld(String text) {
        Map<Integer, byte[]> keys = new HashMap<>();
        if (hasText(text)) {
            for (String pair : text.split(",")) {
                String[] parts = pair.trim().split(":", 2);
                keys.put(Integer.parseInt(parts[0].trim()), decode(parts[1].trim()));
            }
        }
        return keys;
    }

    private static byte[] decode(String base64) {
        if (!hasText(base64)) {
            throw new IllegalStateException("an encryption key is missing");
        }
        return Base64.getDecoder().decode(base64.trim());
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
