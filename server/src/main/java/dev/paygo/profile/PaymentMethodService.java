package dev.paygo.profile;

import dev.paygo.account.Account;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.payment.PaymentService;
import dev.paygo.payment.SetupIntent;
import dev.paygo.payment.SetupIntentService;
import dev.paygo.payment.TestGateway;
import org.jdbi.v3.core.Jdbi;

/**
 * Saving a card through the profile's gateway: a setup intent first ({@code billing.profiles.paymentMethod.create}),
 * then the intent confirmed with the card, which becomes the profile's card on file (brand, last four digits,
 * expiry; never the full number). Only the {@code test} gateway takes cards. Thread-safe.
 */
public final class PaymentMethodService {
    private final Jdbi jdbi;
    private final ProfileService profiles;
    private final PaymentService payments;
    private final SetupIntentService intents;

    public PaymentMethodService(Jdbi jdbi, ProfileService profiles, PaymentService payments,
                                SetupIntentService intents) {
        this.jdbi = jdbi;
        this.profiles = profiles;
        this.payments = payments;
        this.intents = intents;
    }

    /** A setup intent of the account's gateway; 409 when its gateway takes no card (manual: bank transfers). */
    public SetupIntent createIntent(Account account) {
        BillingProfile profile = profiles.get(account);
        String gateway = profile.paymentGateway().orElse(TestGateway.NAME);
        if (!payments.gateway(gateway).map(g -> g.chargesAutomatically()).orElse(false)) {
            throw new PaygoException(ErrorCode.CONFLICT, "the profile's payment_gateway is " + gateway
                    + ", which takes bank transfers, not cards: set payment_gateway to test to save a card");
        }
        return intents.create(account.id());
    }

    /**
     * Confirms a setup intent with a card: the card (checked as a profile's card is) becomes the card on file,
     * and the intent is used up, in one transaction. 400 for a bad card or an unknown, used or expired intent.
     */
    public BillingProfile confirm(Account account, String clientSecret, ProfileChange card) {
        return jdbi.inTransaction(h -> {
            BillingProfile saved = profiles.patch(account, card);
            if (!intents.succeed(account.id(), clientSecret)) {
                throw PaygoException.invalid("/client_secret", "names no setup intent of this account that is "
                        + "waiting for a card (it is unknown, used, or more than a day old)");
            }
            return saved;
        });
    }
}
