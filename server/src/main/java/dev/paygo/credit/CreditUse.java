package dev.paygo.credit;

import dev.paygo.money.Money;

/** What one invoice takes from one grant (a positive amount), and the grant's description for its line. */
public record CreditUse(String grantId, String description, Money amount) {
}
