package dev.paygo.profile;

import java.util.Optional;

/**
 * A payment card number reduced to what paygo keeps: its brand and last four digits. The full number is
 * checked (12 to 19 ASCII digits, spaces or dashes allowed, Luhn checksum) and then forgotten.
 */
public record CardNumber(String brand, String last4) {

    /** The brand and last four digits of a valid full number, or empty when it is not one. */
    public static Optional<CardNumber> parse(String input) {
        String digits = input.replace(" ", "").replace("-", "");
        // ASCII digits only: Character.isDigit also takes other scripts' digits (full-width "４２４２").
        if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || !luhn(digits)) {
            return Optional.empty();
        }
        return Optional.of(new CardNumber(brand(digits), digits.substring(digits.length() - 4)));
    }

    /** How a stored card is shown: only its last four digits. */
    public String masked() {
        return "XXXX-XXXX-XXXX-" + last4;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    static String brand(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        int three = Integer.parseInt(digits.substring(0, 3));
        if (digits.startsWith("4")) {
            return "visa";
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "mastercard";
        }
        if (two == 34 || two == 37) {
            return "amex";
        }
        if (digits.startsWith("6011") || two == 65 || (three >= 644 && three <= 649)) {
            return "discover";
        }
        if (four >= 3528 && four <= 3589) {
            return "jcb";
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38) {
            return "diners";
        }
        if (two == 62) {
            return "unionpay";
        }
        return "unknown";
    }
}
