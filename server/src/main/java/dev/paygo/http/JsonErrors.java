package dev.paygo.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with malformed JSON in paygo's own words, with the line and column: never the JSON
 * library's text (its class names, settings and "Source: REDACTED" notes are nobody's business).
 */
public final class JsonErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) [\"']([^\"']{0,64})");

    private JsonErrors() {
    }

    /** E.g. {@code is not valid JSON at line 1, column 17: a value is missing after ','}. */
    public static String describe(JsonProcessingException e) {
        return "is not valid JSON" + where(e.getLocation()) + ": " + what(e);
    }

    private static String what(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String lower = original.toLowerCase(Locale.ROOT);
        if (e instanceof StreamConstraintsException) {
            if (lower.contains("nesting")) {
                return "it is nested more than 64 levels deep";
            }
            if (lower.contains("number")) {
                return "a number has more than 64 characters";
            }
            return "a string or name is too long";
        }
        if (e instanceof JsonEOFException || lower.contains("end-of-input")) {
            return "it ends before the JSON is complete";
        }
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "the key \"" + duplicate.group(1) + "\" appears twice in one object";
        }
        if (lower.contains("trailing token")) {
            return "there is more after the JSON value";
        }
        if (lower.contains("utf-8") || lower.contains("utf8")) {
            return "it is not valid UTF-8";
        }
        if (lower.contains("control character") || lower.contains("illegal unquoted character")) {
            return "a string holds an unescaped control character";
        }
        if (lower.contains("non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (lower.contains("comment")) {
            return "JSON has no comments";
        }
        if (lower.contains("unrecognized token") || lower.contains("unexpected character")
                || lower.contains("was expecting")) {
            return "an unexpected character or word";
        }
        return "the text is not JSON";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
