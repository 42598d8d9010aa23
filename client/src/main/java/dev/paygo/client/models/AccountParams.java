package dev.paygo.client.models;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Params that name one account: {@code profiles().get}, {@code usage().paygoInfo}, {@code accounts().get},
 * {@code tokens().list}, {@code tokens().verify} (optional there: the user route when absent). Immutable.
 */
public final class AccountParams {
    private final String accountId;

    private AccountParams(String accountId) {
        this.accountId = accountId;
    }

    public static AccountParams of(String accountId) {
        return new AccountParams(Require.accountId("AccountParams", accountId));
    }

    public String accountId() {
        return accountId;
    }

    /** Params of {@code accounts().create(...)} (operator): a name, and optionally currency and anchor. */
    public static final class Create {
        private final String name;
        private final String billingCurrency;
        private final OffsetDateTime billingCycleAnchor;

        private Create(String name, String billingCurrency, OffsetDateTime billingCycleAnchor) {
            this.name = name;
            this.billingCurrency = billingCurrency;
            this.billingCycleAnchor = billingCycleAnchor;
        }

        public static Create of(String name) {
            return new Create(Require.present("AccountParams.Create", "name", name), null, null);
        }

        public Create withBillingCurrency(String currency) {
            return new Create(name, currency, billingCycleAnchor);
        }

        public Create withBillingCycleAnchor(OffsetDateTime anchor) {
            return new Create(name, billingCurrency, anchor);
        }

        public String name() {
            return name;
        }

        public Optional<String> billingCurrency() {
            return Optional.ofNullable(billingCurrency);
        }

        public Optional<OffsetDateTime> billingCycleAnchor() {
            return Optional.ofNullable(billingCycleAnchor);
        }
    }
}
