package dev.paygo.http;

import java.util.Locale;

/**
 * Reads {@code Accept-Encoding} (RFC 9110 §12.5.3) for one question: may the answer be gzip? A coding with
 * {@code q=0} is refused; an explicit {@code gzip} (or {@code x-gzip}) entry wins over {@code *}.
 */
public final class AcceptEncoding {
    private AcceptEncoding() {
    }

    public static boolean allowsGzip(String header) {
        if (header == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    q = quality(parameter.substring(2).strip());
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? q : Math.max(gzip, q);
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        double chosen = gzip != null ? gzip : any != null ? any : 0;
        return chosen > 0;
    }

    /** A qvalue (0 to 1, at most three decimals); anything else counts as 0, so it never enables gzip. */
    private static double quality(String value) {
        if (!value.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) {
            return 0;
        }
        return Double.parseDouble(value);
    }
}
