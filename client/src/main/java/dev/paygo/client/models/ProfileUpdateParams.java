package dev.paygo.client.models;

/**
 * Params of {@code billing().profiles().update(...)} (paygo's API): the fields to write, given as a
 * {@link ProfileGetResponse} built with its builder. By default the fields given are merged into the profile
 * ({@code PATCH}); with {@code replace(true)} they replace it ({@code PUT}). Server-kept fields are ignored.
 */
public final class ProfileUpdateParams {
    private final String accountId;
    private final ProfileGetResponse fields;
    private final boolean replace;

    private ProfileUpdateParams(String accountId, ProfileGetResponse fields, boolean replace) {
        this.accountId = accountId;
        this.fields = fields;
        this.replace = replace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().accountId(accountId).fields(fields).replace(replace);
    }

    public String accountId() {
        return accountId;
    }

    public ProfileGetResponse fields() {
        return fields;
    }

    public boolean replace() {
        return replace;
    }

    /** Builds {@link ProfileUpdateParams}; {@code accountId} and {@code fields} are required. */
    public static final class Builder {
        private String accountId;
        private ProfileGetResponse fields;
        private boolean replace;

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder fields(ProfileGetResponse value) {
            fields = value;
            return this;
        }

        public Builder replace(boolean value) {
            replace = value;
            return this;
        }

        public ProfileUpdateParams build() {
            return new ProfileUpdateParams(Require.accountId("ProfileUpdateParams", accountId),
                    Require.present("ProfileUpdateParams", "fields", fields), replace);
        }
    }
}
