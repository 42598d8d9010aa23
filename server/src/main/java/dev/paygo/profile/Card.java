package dev.paygo.profile;

/** The card on file: brand, last four digits and expiry; never the full number nor the security code. */
public record Card(String brand, String last4, int expiryMonth, int expiryYear) {
    public String masked() {
        return new CardNumber(brand, last4).masked();
    }
}
