package cn.heatdesk.kernel.crypto;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm3Test {

    @Test
    void standardVectorAbc() {
        // GB/T 32905-2016 appendix A.1
        assertThat(Sm3.hashHex("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void standardVector64Bytes() {
        // GB/T 32905-2016 appendix A.2
        assertThat(Sm3.hashHex("abcd".repeat(16)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void emptyInput() {
        assertThat(Sm3.hashHex(new byte[0]))
                .isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
        assertThat(Sm3.hash((byte[]) null)).hasSize(32);
    }

    @Test
    void hmacMatchesSmCrypto() {
        // vectors produced by sm-crypto 0.5.8: sm3(msg, {key: hex})
        byte[] key = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThat(HmacSm3.macHex(key, "HeatDesk 供热 HMAC test"))
                .isEqualTo("5238a608c8f0e8be4b1b4c5e6ad877c09e70505bb96f243f37b7de1b99217d6a");
        // key longer than the 64-byte block is hashed first
        assertThat(HmacSm3.macHex(Hex.decode("aa".repeat(100)), "abc"))
                .isEqualTo("9971b5bf007547d048ae227b28412570ffcd4a856c5d1daf3738ae12db04d362");
    }

    @Test
    void hmacDependsOnKeyAndRejectsEmptyKey() {
        assertThat(HmacSm3.macHex(new byte[]{1}, "x")).isNotEqualTo(HmacSm3.macHex(new byte[]{2}, "x"));
        assertThatThrownBy(() -> HmacSm3.mac(new byte[0], new byte[]{1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constantTimeHexComparison() {
        assertThat(HmacSm3.constantTimeEqualsHex("abCD", "ABcd")).isTrue();
        assertThat(HmacSm3.constantTimeEqualsHex("abcd", "abce")).isFalse();
        assertThat(HmacSm3.constantTimeEqualsHex("abcd", "abc")).isFalse();
        assertThat(HmacSm3.constantTimeEqualsHex(null, "abc")).isFalse();
    }
}
