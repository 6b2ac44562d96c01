package cn.heatdesk.kernel.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;

/** SM3 message digest (GB/T 32905-2016), 256-bit output. */
public final class Sm3 {

    /** Digest length in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private Sm3() {
    }

    public static byte[] hash(byte[] data) {
        SM3Digest digest = new SM3Digest();
        if (data != null && data.length > 0) {
            digest.update(data, 0, data.length);
        }
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** SM3 of the UTF-8 bytes of {@code text}. */
    public static byte[] hash(String text) {
        return hash(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SM3 of {@code data} (64 characters). */
    public static String hashHex(byte[] data) {
        return Hex.toHexString(hash(data));
    }

    /** Lower-case hex SM3 of the UTF-8 bytes of {@code text}. */
    public static String hashHex(String text) {
        return Hex.toHexString(hash(text));
    }
}
