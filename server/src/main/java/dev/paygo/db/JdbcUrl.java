package dev.paygo.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL split from its password. The connection pool gets the password as a property and every other
 * part of paygo (Flyway, logs, messages, the CLI's output) sees only the URL without it, so a password given in
 * {@code PAYGO_DATABASE_URL} is never printed.
 *
 * @param withoutPassword the URL with its {@code password} query parameter and {@code user:password@} removed
 */
public record JdbcUrl(String withoutPassword, Optional<String> password) {
    /** {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):([^/@]*)@");

    public static JdbcUrl parse(String url) {
        String rest = url;
        String password = null;
        Matcher userInfo = USER_INFO.matcher(rest);
        if (userInfo.find()) {
            password = userInfo.group(2);
            rest = rest.substring(0, userInfo.start()) + "//" + userInfo.group(1) + "@" + rest.substring(userInfo.end());
        }
        int question = rest.indexOf('?');
        if (question < 0) {
            return new JdbcUrl(rest, Optional.ofNullable(password));
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rest.substring(question + 1).split("&", -1)) {
            if (parameter.toLowerCase(Locale.ROOT).startsWith("password=")) {
                password = parameter.substring("password=".length());
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        String base = rest.substring(0, question);
        return new JdbcUrl(kept.isEmpty() ? base : base + "?" + String.join("&", kept), Optional.ofNullable(password));
    }

    /** The URL as it may be shown: its password, if it has one, as {@code ****}. */
    public static String redact(String url) {
        JdbcUrl parsed = parse(url);
        if (parsed.password().isEmpty()) {
            return parsed.withoutPassword();
        }
        String shown = parsed.withoutPassword();
        return shown + (shown.contains("?") ? "&" : "?") + "password=****";
    }
}
