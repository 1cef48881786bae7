package org.yiyong.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts sensitive fields at rest with SM4 (GB/T 32907) in GCM mode, and derives a blind index with
 * HMAC-SM3 (GB/T 32905) so that an exact value can be searched without decrypting. Each stored value
 * reads {@code v<key version>:<base64 of nonce and ciphertext>}, so keys can be rotated: values under an
 * older key still decrypt while that key is kept.
 */
public final class FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 16;

    private final int version;
    private final byte[] key;
    private final java.util.Map<Integer, byte[]> olderKeys;
    private final byte[] indexKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param version the version of {@code key}, written into every value it encrypts
     * @param key the SM4 key, 16 bytes
     * @param olderKeys keys of earlier versions, for reading values written before a rotation
     * @param indexKey the HMAC-SM3 key of the blind index, at least 16 bytes; it is never rotated without
     *     recomputing every index
     */
    public FieldCipher(int version, byte[] key, java.util.Map<Integer, byte[]> olderKeys, byte[] indexKey) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key has 16 bytes");
        }
        if (indexKey == null || indexKey.length < KEY_BYTES) {
            throw new IllegalArgumentException("a blind-index key has at least 16 bytes");
        }
        this.version = version;
        this.key = key.clone();
        this.olderKeys = java.util.Map.copyOf(olderKeys);
        this.indexKey = indexKey.clone();
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        byte[] output = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, output, 0);
        try {
            length += cipher.doFinal(output, length);
        } catch (InvalidCipherTextException impossible) {
            throw new IllegalStateException(impossible);
        }
        byte[] stored = new byte[NONCE_BYTES + length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(output, 0, stored, NONCE_BYTES, length);
        return "v" + version + ":" + Base64.getEncoder().encodeToString(stored);
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (!stored.startsWith("v") || colon < 2) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        int valueVersion = Integer.parseInt(stored.substring(1, colon));
        byte[] valueKey = valueVersion == version ? key : olderKeys.get(valueVersion);
        if (valueKey == null) {
            throw new IllegalStateException("no key of version " + valueVersion + " is configured");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(false, new AEADParameters(new KeyParameter(valueKey), TAG_BITS,
                Arrays.copyOfRange(bytes, 0, NONCE_BYTES)));
        byte[] output = new byte[cipher.getOutputSize(bytes.length - NONCE_BYTES)];
        int length = cipher.processBytes(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES, output, 0);
        try {
            length += cipher.doFinal(output, length);
        } catch (InvalidCipherTextException tampered) {
            throw new IllegalStateException("an encrypted value was altered or the key is wrong", tampered);
        }
        return new String(output, 0, length, StandardCharsets.UTF_8);
    }

    /** Whether a stored value was written with an older key and should be re-encrypted. */
    public boolean isStale(String stored) {
        return stored != null && !stored.startsWith("v" + version + ":");
    }

    /** The blind index of a value: equal values give equal indexes; the value cannot be read back. */
    public String blindIndex(String plain) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(indexKey));
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
