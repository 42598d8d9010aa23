package dev.paygo.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Identifiers in Cloudflare's styles: 32 lowercase hex characters for accounts, tokens, users and
 * policies; 26 uppercase Crockford base-32 characters (a ULID: 48-bit millisecond time, 80 random bits) for
 * subscriptions. Thread-safe.
 */
public final class Ids {
    public static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String hex32() {
        return hex(16);
    }

    /** {@code bytes} random bytes as lowercase hex. */
    public static String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    public static boolean isHex32(String value) {
        return value != null && HEX32.matcher(value).matches();
    }

    /** A ULID for the given instant: sortable by time, 26 characters. */
    public static String ulid(Instant at) {
        long time = at.toEpochMilli();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits as 16 base-32 characters, five bits at a time.
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    /**
     * A URL-safe secret of {@code length} characters drawn from 64 symbols (6 bits of entropy each), except
     * that the first is a letter or digit: a secret that began with {@code -} would read as an option on a
     * command line ({@code paygo usage send --token -h…} fails to parse).
     */
    public static String secret(int length) {
        char[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(i == 0 ? 62 : alphabet.length)];
        }
        return new String(out);
    }
}
