package dev.paygo.profile;

import dev.paygo.error.Problems;
import dev.paygo.json.JsonFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A requested change to a billing profile, as read from a PUT or PATCH body: fields to set, fields set to
 * {@code null} (cleared), and the card fields. Reading records every problem with its JSON pointer.
 *
 * @param cardNumber the card number exactly as sent (full or masked); checked against the card on file later
 */
public record ProfileChange(Map<String, Object> set, Set<String> cleared, Optional<String> cardNumber,
                            boolean cardCleared, Optional<Integer> expiryMonth, Optional<Integer> expiryYear) {

    static final String INVALID_CARD = "must be a valid card number (12 to 19 digits passing the Luhn check); "
            + "a masked number is accepted only when it is the card on file";
    private static final java.util.regex.Pattern MASKED = java.util.regex.Pattern.compile("XXXX-XXXX-XXXX-[0-9]{4}");

    /** Reads a profile body; problems go to {@code body.problems()}. */
    public static ProfileChange read(JsonFields body) {
        Problems problems = body.problems();
        Map<String, Object> set = new HashMap<>();
        Set<String> cleared = new HashSet<>();
        for (String name : body.fieldNames()) {
            ProfileFields field = ProfileFields.BY_NAME.get(name);
            if (field != null) {
                readField(body, field, set, cleared);
            } else if (ProfileFields.SECURITY_CODES.contains(name)) {
                problems.add(body.pointer(name), "is refused: paygo never accepts a card security code");
            } else if (ProfileFields.WRITE_ONLY.containsKey(name)) {
                body.string(name, ProfileFields.WRITE_ONLY.get(name));
            } else if (!ProfileFields.SERVER_KEPT.contains(name) && !isCardField(name)) {
                problems.add(body.pointer(name), "is not a known field of a billing profile");
            }
        }
        return withCard(body, set, cleared);
    }

    /** Reads only the card fields of a body (the other fields are the caller's). */
    public static ProfileChange readCard(JsonFields body) {
        return withCard(body, Map.of(), Set.of());
    }

    private static ProfileChange withCard(JsonFields body, Map<String, Object> set, Set<String> cleared) {
        Optional<String> cardNumber = body.string(ProfileFields.CARD_NUMBER, 32).map(String::strip);
        if (cardNumber.isPresent() && !MASKED.matcher(cardNumber.get()).matches()
                && CardNumber.parse(cardNumber.get()).isEmpty()) {
            body.problems().add(body.pointer(ProfileFields.CARD_NUMBER), INVALID_CARD);
            cardNumber = Optional.empty();
        }
        Optional<Integer> month = body.integer(ProfileFields.CARD_EXPIRY_MONTH, 1, 12);
        Optional<Integer> year = body.integer(ProfileFields.CARD_EXPIRY_YEAR, 2000, 2199);
        return new ProfileChange(set, cleared, cardNumber, body.isNull(ProfileFields.CARD_NUMBER), month, year);
    }

    private static boolean isCardField(String name) {
        return name.equals(ProfileFields.CARD_NUMBER) || name.equals(ProfileFields.CARD_EXPIRY_MONTH)
                || name.equals(ProfileFields.CARD_EXPIRY_YEAR);
    }

    private static void readField(JsonFields body, ProfileFields field, Map<String, Object> set,
                                  Set<String> cleared) {
        if (body.isNull(field.wireName)) {
            cleared.add(field.wireName);
            return;
        }
        if (field.kind == ProfileFields.Kind.BOOLEAN) {
            body.bool(field.wireName).ifPresent(v -> set.put(field.wireName, v));
            return;
        }
        Optional<String> value = body.string(field.wireName, field.maxLength).map(String::strip);
        if (value.isEmpty()) {
            return;
        }
        String text = field.kind == ProfileFields.Kind.COUNTRY
                ? value.get().toUpperCase(java.util.Locale.ROOT) : value.get();
        if (text.isEmpty()) {
            cleared.add(field.wireName);
        } else if (!field.kind.accepts(text)) {
            body.problems().add(body.pointer(field.wireName), "must be " + field.kind.expected);
        } else {
            set.put(field.wireName, text);
        }
    }
}
