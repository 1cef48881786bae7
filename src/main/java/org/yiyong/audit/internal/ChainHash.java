package org.yiyong.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The SM3 hash that links an audit entry to the one before it (GB/T 32905). */
public final class ChainHash {

    /** The hash the first entry links to. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String previous, Instant at, String actor, String ip, String action, String entityType,
            String entityId, String changes, String detail) {
        SM3Digest digest = new SM3Digest();
        for (String part : new String[] {previous, String.valueOf(at.toEpochMilli()), actor, ip, action, entityType,
                entityId, changes, detail}) {
            byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
            digest.update(bytes, 0, bytes.length);
            digest.update((byte) 0x1f);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
