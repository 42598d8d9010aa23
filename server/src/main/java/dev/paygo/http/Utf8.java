package dev.paygo.http;

import java.util.OptionalInt;

/**
 * Strict UTF-8 (RFC 3629) checks of request bodies before they are parsed: no invalid or overlong sequence, no
 * surrogate, nothing beyond U+10FFFF, no byte-order mark and no NUL byte (JSON never holds a raw NUL, and
 * UTF-16 or UTF-32 text always does). Decoding with replacement would silently turn two different bad ids into
 * one.
 */
final class Utf8 {
    private Utf8() {
    }

    /** The offset of the first byte that breaks the rules, or empty when {@code bytes} is clean UTF-8 JSON text. */
    static OptionalInt firstInvalid(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return OptionalInt.of(0);
        }
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                if (b == 0) {
                    return OptionalInt.of(i);
                }
                i++;
                continue;
            }
            int length;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                min = 0x10000;
            } else {
                return OptionalInt.of(i);
            }
            if (i + length > bytes.length) {
                return OptionalInt.of(i);
            }
            int codePoint = b & (0xff >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return OptionalInt.of(i);
                }
                codePoint = (codePoint << 6) | (next & 0x3f);
            }
            if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                return OptionalInt.of(i);
            }
            i += length;
        }
        return OptionalInt.empty();
    }
}
