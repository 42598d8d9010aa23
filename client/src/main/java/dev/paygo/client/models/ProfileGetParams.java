package dev.paygo.client.models;

/** Params of {@code billing().profiles().get(...)}: the account whose profile to read. Immutable. */
public final class ProfileGetParams {
    private final String accountId;

    private ProfileGetParams(String accountId) {
        this.accountId = accountId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().accountId(accountId);
    }

    public String accountId() {
        return accountId;
    }

    /** Builds {@link ProfileGetParams}; {@code accountId} is required. */
    public static final class Builder {
        private String accountId;

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public ProfileGetParams build() {
            return new ProfileGetParams(Require.accountId("ProfileGetParams", accountId));
        }
    }
}
