package dev.paygo.profile;

import dev.paygo.auth.UserService;
import dev.paygo.payment.ManualGateway;
import dev.paygo.payment.TestGateway;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The writable fields of a billing profile (the seed's {@code ProfileGetResponse}), each with its rule.
 * Card fields, write-only payment fields and server-kept fields are handled apart.
 */
enum ProfileFields {
    ACCOUNT_TYPE("account_type", Kind.CODE, 32),
    FIRST_NAME("first_name", Kind.TEXT, 100),
    LAST_NAME("last_name", Kind.TEXT, 100),
    COMPANY("company", Kind.TEXT, 200),
    ADDRESS("address", Kind.TEXT, 200),
    ADDRESS2("address2", Kind.TEXT, 200),
    CITY("city", Kind.TEXT, 100),
    STATE("state", Kind.TEXT, 100),
    ZIPCODE("zipcode", Kind.POSTAL_CODE, 20),
    COUNTRY("country", Kind.COUNTRY, 2),
    TELEPHONE("telephone", Kind.TELEPHONE, 32),
    PRIMARY_EMAIL("primary_email", Kind.EMAIL, 254),
    BILLING_EMAIL("billing_email", Kind.EMAIL, 254),
    SECONDARY_BILLING_EMAIL("secondary_billing_email", Kind.EMAIL, 254),
    PREFERRED_LOCALE("preferred_locale", Kind.LOCALE, 35),
    BUYING_RATE_PLAN("buying_rate_plan", Kind.CODE, 64),
    ENTERPRISE_BILLING_EMAIL("enterprise_billing_email", Kind.EMAIL, 254),
    ENTERPRISE_PRIMARY_EMAIL("enterprise_primary_email", Kind.EMAIL, 254),
    IS_PARTNER("is_partner", Kind.BOOLEAN, 0),
    USE_LEGACY("use_legacy", Kind.BOOLEAN, 0),
    PAYMENT_FIRST_NAME("payment_first_name", Kind.TEXT, 100),
    PAYMENT_LAST_NAME("payment_last_name", Kind.TEXT, 100),
    PAYMENT_ADDRESS("payment_address", Kind.TEXT, 200),
    PAYMENT_ADDRESS2("payment_address2", Kind.TEXT, 200),
    PAYMENT_CITY("payment_city", Kind.TEXT, 100),
    PAYMENT_STATE("payment_state", Kind.TEXT, 100),
    PAYMENT_ZIPCODE("payment_zipcode", Kind.POSTAL_CODE, 20),
    PAYMENT_COUNTRY("payment_country", Kind.COUNTRY, 2),
    PAYMENT_EMAIL("payment_email", Kind.EMAIL, 254),
    PAYMENT_GATEWAY("payment_gateway", Kind.GATEWAY, 32),
    VAT("vat", Kind.TAX_ID, 32),
    TAX_ID_TYPE("tax_id_type", Kind.CODE, 32);

    /** Fields the server keeps; a client may send them back (a GET → PUT round trip) and they are ignored. */
    static final Set<String> SERVER_KEPT = Set.of("id", "balance", "created_on", "edited_on", "next_bill_date",
            "card_brand");
    /** Accepted for compatibility with Cloudflare's clients, validated, and never stored nor returned. */
    static final Map<String, Integer> WRITE_ONLY = Map.of("payment_nonce", 1024, "device_data", 8192,
            "validation_code", 64, "captcha_challenge_jwt", 8192, "cf_turnstile_response", 4096,
            "h_captcha_response", 8192);
    /** Card security codes: refused outright, whatever their value. */
    static final Set<String> SECURITY_CODES = Set.of("cvv", "cvc", "cvv2", "cvc2", "card_cvv", "card_cvc",
            "security_code", "card_security_code");
    static final String CARD_NUMBER = "card_number";
    static final String CARD_EXPIRY_MONTH = "card_expiry_month";
    static final String CARD_EXPIRY_YEAR = "card_expiry_year";

    static final Map<String, ProfileFields> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.wireName, Function.identity()));

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    final String wireName;
    final Kind kind;
    final int maxLength;

    ProfileFields(String wireName, Kind kind, int maxLength) {
        this.wireName = wireName;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    /** The field's rule for string values; booleans are checked by type alone. */
    enum Kind {
        TEXT(null, "text without control characters"),
        CODE(Pattern.compile("[A-Za-z0-9_.-]+"), "letters, digits, '_', '.' or '-'"),
        POSTAL_CODE(Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]*"), "a postal code of letters, digits, spaces and '-'"),
        COUNTRY(null, "an ISO 3166-1 alpha-2 country code such as US"),
        TELEPHONE(Pattern.compile("\\+?[0-9][0-9 ().-]{3,31}"), "a telephone number such as +1 415 555 0100"),
        EMAIL(UserService.EMAIL, "an email address"),
        LOCALE(Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}"), "a locale such as en-US"),
        GATEWAY(Pattern.compile(TestGateway.NAME + "|" + ManualGateway.NAME), "a payment gateway paygo has: "
                + TestGateway.NAME + " (charges the card on file) or " + ManualGateway.NAME + " (bank transfer)"),
        TAX_ID(Pattern.compile("[A-Za-z0-9][A-Za-z0-9 .-]*"), "a tax identifier of letters, digits, spaces, '.' and '-'"),
        BOOLEAN(null, "true or false");

        final Pattern pattern;
        final String expected;

        Kind(Pattern pattern, String expected) {
            this.pattern = pattern;
            this.expected = expected;
        }

        boolean accepts(String value) {
            return switch (this) {
                case TEXT -> value.chars().noneMatch(Character::isISOControl);
                case COUNTRY -> COUNTRIES.contains(value);
                case BOOLEAN -> false;
                default -> pattern.matcher(value).matches();
            };
        }
    }
}
