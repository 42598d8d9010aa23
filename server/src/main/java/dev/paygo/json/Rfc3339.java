package dev.paygo.json;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses RFC 3339 date-times strictly with ethlo's ITU parser: seconds and a full offset ({@code Z} or
 * {@code +01:00}) are required, so {@code 2025-02-01T12:00Z} and {@code ...+01} are refused. Two things RFC 3339
 * allows that ITU does not take as they are: a fraction longer than nanoseconds (its extra digits are dropped:
 * paygo keeps milliseconds) and a leap second (second 60 of 23:59 UTC at the end of June or December, in any
 * offset, read as 23:59:59 UTC, so the event counts for the day it happened on).
 */
public final class Rfc3339 {
    /** Longer texts are refused before parsing (64 covers any date-time with a 40-digit fraction). */
    static final int MAX_LENGTH = 64;
    private static final int NANO_DIGITS = 9;

    private Rfc3339() {
    }

    /** @throws DateTimeParseException when {@code text} is not an RFC 3339 date-time */
    public static Instant parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new DateTimeParseException("longer than " + MAX_LENGTH + " characters", text, MAX_LENGTH);
        }
        String normalized = withNanosAtMost(text);
        if (isLeapSecond(normalized)) {
            // RFC 3339 §5.7: 23:59:60 UTC (in any offset) at the end of June or December. Read as :59.
            Instant previous = strict(normalized.substring(0, 17) + "59" + normalized.substring(19), text);
            OffsetDateTime utc = previous.atOffset(ZoneOffset.UTC);
            boolean lastSecondOfHalfYear = utc.getHour() == 23 && utc.getMinute() == 59
                    && ((utc.getMonthValue() == 6 && utc.getDayOfMonth() == 30)
                    || (utc.getMonthValue() == 12 && utc.getDayOfMonth() == 31));
            if (!lastSecondOfHalfYear) {
                throw new DateTimeParseException("second 60 is only a leap second at 23:59:60 UTC on June 30 or "
                        + "December 31", text, 17);
            }
            return previous;
        }
        return strict(normalized, text);
    }

    private static boolean isLeapSecond(String text) {
        return text.length() > 19 && text.charAt(16) == ':' && text.charAt(17) == '6' && text.charAt(18) == '0';
    }

    private static Instant strict(String text, String original) {
        try {
            return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeParseException e) {
            throw e;
        } catch (DateTimeException e) {
            throw new DateTimeParseException("not a date-time", original, 0);
        }
    }

    /** The text with a fraction of seconds cut to nine digits (the rest cannot change a millisecond). */
    private static String withNanosAtMost(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        int end = dot + 1;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end - dot - 1 <= NANO_DIGITS ? text : text.substring(0, dot + 1 + NANO_DIGITS) + text.substring(end);
    }
}
