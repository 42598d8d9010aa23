package dev.paygo.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An account's billing profile.
 *
 * @param fields the writable contact, address and tax fields by wire name (strings and booleans only)
 * @param balanceMicros the account balance in micro-units of its billing currency; kept by the server
 */
public record BillingProfile(String id, String accountId, Map<String, Object> fields, Optional<Card> card,
                             long balanceMicros, Instant createdOn, Instant editedOn) {
    public BillingProfile {
        fields = Map.copyOf(fields);
    }

    /** The payment gateway the profile names ({@code payment_gateway}), if it names one. */
    public Optional<String> paymentGateway() {
        return Optional.ofNullable(fields.get("payment_gateway")).map(Object::toString);
    }
}
