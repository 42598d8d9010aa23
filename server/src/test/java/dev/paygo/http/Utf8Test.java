package dev.paygo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Property(tries = 1000)
    void everyStringWithoutNulEncodesToCleanUtf8(@ForAll String text) {
        // NUL anywhere and U+FEFF at the start (the bytes of a byte-order mark) are refused on purpose, see below.
        String clean = text.replace("\u0000", "").replaceFirst("^\uFEFF+", "");
        // Unpaired surrogates become '?' in the encoder: the bytes are always valid UTF-8.
        assertThat(Utf8.firstInvalid(clean.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aByteOrderMarkIsRefusedOnlyAtTheStart() {
        // jqwik once drew "\uFEFF": as the first character it is a byte-order mark (RFC 8259: never sent, refused
        // here); inside a string it is an ordinary character.
        assertThat(Utf8.firstInvalid("\uFEFF".getBytes(StandardCharsets.UTF_8))).hasValue(0);
        assertThat(Utf8.firstInvalid("[\"\uFEFF\"]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void badBytesAreFoundWhereTheyStart() {
        assertThat(Utf8.firstInvalid(bytes('a', 'b', 0xff))).hasValue(2);
        assertThat(Utf8.firstInvalid(bytes('u', '8', '-', 0xfe))).hasValue(3);
        assertThat(Utf8.firstInvalid(bytes(0xc0, 0xaf))).hasValue(0);             // overlong '/'
        assertThat(Utf8.firstInvalid(bytes(0xe0, 0x80, 0xaf))).hasValue(0);       // overlong
        assertThat(Utf8.firstInvalid(bytes(0xed, 0xa0, 0x80))).hasValue(0);       // a surrogate
        assertThat(Utf8.firstInvalid(bytes(0xf4, 0x90, 0x80, 0x80))).hasValue(0); // beyond U+10FFFF
        assertThat(Utf8.firstInvalid(bytes('x', 0xe2, 0x82))).hasValue(1);        // cut short
        assertThat(Utf8.firstInvalid(bytes(0xe2, 0x82, 'x'))).hasValue(0);        // broken continuation
    }

    @Test
    void byteOrderMarksAndUtf16AreRefused() {
        assertThat(Utf8.firstInvalid(bytes(0xef, 0xbb, 0xbf, '[', ']'))).hasValue(0);
        assertThat(Utf8.firstInvalid("[]".getBytes(StandardCharsets.UTF_16LE))).hasValue(1);
        assertThat(Utf8.firstInvalid("[]".getBytes(StandardCharsets.UTF_16BE))).hasValue(0);
        assertThat(Utf8.firstInvalid("{\"a\": \"€ 𝄞\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
