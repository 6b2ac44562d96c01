package cn.heatdesk.kernel.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** HMAC with SM3 as the hash function (RFC 2104 construction, 64-byte block). */
public final class HmacSm3 {

    private HmacSm3() {
    }

    public static byte[] mac(byte[] key, byte[] data) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("HMAC-SM3 key must not be empty");
        }
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        if (data != null && data.length > 0) {
            hmac.update(data, 0, data.length);
        }
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    /** Lower-case hex HMAC-SM3 of the UTF-8 bytes of {@code data}. */
    public static String macHex(byte[] key, String data) {
        return Hex.toHexString(mac(key, data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of two MACs (or any two byte strings). */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Constant-time comparison of two hex strings, case-insensitive. Strings of different length compare unequal
     * (the length of a MAC is not secret).
     */
    public static boolean constantTimeEqualsHex(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= Character.toLowerCase(a.charAt(i)) ^ Character.toLowerCase(b.charAt(i));
        }
        return diff == 0;
    }
}
