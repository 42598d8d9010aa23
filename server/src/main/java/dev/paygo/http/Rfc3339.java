package dev.paygo.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses RFC 3339 date-times. The common UTC form {@code 2025-02-01T12:00:00Z} (with or without a fraction)
 * is read directly, a few times faster than {@link OffsetDateTime#parse} (it is parsed once per usage event);
 * every other form goes through {@link OffsetDateTime#parse}.
 */
public final class Rfc3339 {
    private Rfc3339() {
    }

    /** @throws DateTimeParseException when {@code text} is not an RFC 3339 date-time */
    public static Instant parse(String text) {
        int length = text.length();
        if (length >= 20 && length <= 30 && text.charAt(length - 1) == 'Z' && text.charAt(4) == '-'
                && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0
                    && minute < 60 && second >= 0 && second < 60;
            if (ok && length > 20) {
                int fraction = length - 21;
                ok = text.charAt(19) == '.' && fraction >= 1 && fraction <= 9;
                if (ok) {
                    int value = digits(text, 20, fraction);
                    ok = value >= 0;
                    nanos = value * (int) Math.pow(10, 9 - fraction);
                }
            }
            if (ok) {
                try {
                    long epochDay = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
                } catch (DateTimeException e) {
                    throw new DateTimeParseException("not a date: " + e.getMessage(), text, 0);
                }
            } else if (length == 20 || text.charAt(19) == '.') {
                throw new DateTimeParseException("not an RFC 3339 date-time", text, 0);
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** The decimal value of {@code count} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
