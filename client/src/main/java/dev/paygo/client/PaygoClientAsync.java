package dev.paygo.client;

import dev.paygo.client.models.Account;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.CatalogResponse;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.ProfileGetParams;
import dev.paygo.client.models.ProfileGetResponse;
import dev.paygo.client.models.ProfileUpdateParams;
import dev.paygo.client.models.Token;
import dev.paygo.client.models.TokenCreateParams;
import dev.paygo.client.models.TokenVerifyResponse;
import dev.paygo.client.models.UsageIngestParams;
import dev.paygo.client.models.UsageIngestResponse;
import dev.paygo.client.models.UsagePaygoInfoResponse;
import dev.paygo.client.models.UsagePaygoParams;
import dev.paygo.client.models.UsagePaygoResponseItem;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The asynchronous twin of {@link PaygoClient}: the same calls, each returning a {@link CompletableFuture}
 * that completes with the result or with the same exception the synchronous call throws. Thread-safe.
 */
public final class PaygoClientAsync {
    private final Billing billing;
    private final Accounts accounts;
    private final Tokens tokens;
    private final Catalog catalog;

    PaygoClientAsync(PaygoClient client, Executor executor) {
        this.billing = new Billing(client.billing(), executor);
        this.accounts = new Accounts(client.accounts(), executor);
        this.tokens = new Tokens(client.tokens(), executor);
        this.catalog = new Catalog(client.catalog(), executor);
    }

    public Billing billing() {
        return billing;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Catalog catalog() {
        return catalog;
    }

    private static <T> CompletableFuture<T> run(Executor executor, Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** {@code async().billing()}. */
    public static final class Billing {
        private final Profiles profiles;
        private final Usage usage;

        Billing(BillingService sync, Executor executor) {
            this.profiles = new Profiles(sync.profiles(), executor);
            this.usage = new Usage(sync.usage(), executor);
        }

        public Profiles profiles() {
            return profiles;
        }

        public Usage usage() {
            return usage;
        }
    }

    /** {@code async().billing().profiles()}. */
    public static final class Profiles {
        private final ProfilesService sync;
        private final Executor executor;

        Profiles(ProfilesService sync, Executor executor) {
            this.sync = sync;
            this.executor = executor;
        }

        public CompletableFuture<ProfileGetResponse> get(ProfileGetParams params) {
            return run(executor, () -> sync.get(params));
        }

        public CompletableFuture<ProfileGetResponse> update(ProfileUpdateParams params) {
            return run(executor, () -> sync.update(params));
        }
    }

    /** {@code async().billing().usage()}. */
    public static final class Usage {
        private final UsageService sync;
        private final Executor executor;

        Usage(UsageService sync, Executor executor) {
            this.sync = sync;
            this.executor = executor;
        }

        public CompletableFuture<List<UsagePaygoResponseItem>> paygo(UsagePaygoParams params) {
            return run(executor, () -> sync.paygo(params));
        }

        public CompletableFuture<List<UsagePaygoResponseItem>> billable(UsagePaygoParams params) {
            return run(executor, () -> sync.billable(params));
        }

        public CompletableFuture<UsagePaygoInfoResponse> paygoInfo(AccountParams params) {
            return run(executor, () -> sync.paygoInfo(params));
        }

        public CompletableFuture<UsageIngestResponse> ingest(UsageIngestParams params) {
            return run(executor, () -> sync.ingest(params));
        }
    }

    /** {@code async().accounts()}. */
    public static final class Accounts {
        private final AccountsService sync;
        private final Executor executor;

        Accounts(AccountsService sync, Executor executor) {
            this.sync = sync;
            this.executor = executor;
        }

        public CompletableFuture<Account> create(AccountParams.Create params) {
            return run(executor, () -> sync.create(params));
        }

        public CompletableFuture<Account> get(AccountParams params) {
            return run(executor, () -> sync.get(params));
        }

        public CompletableFuture<Page<Account>> list(PageParams params) {
            return run(executor, () -> sync.list(params));
        }
    }

    /** {@code async().tokens()}. */
    public static final class Tokens {
        private final TokensService sync;
        private final Executor executor;

        Tokens(TokensService sync, Executor executor) {
            this.sync = sync;
            this.executor = executor;
        }

        public CompletableFuture<Token> create(TokenCreateParams params) {
            return run(executor, () -> sync.create(params));
        }

        public CompletableFuture<Page<Token>> list(AccountParams account, PageParams params) {
            return run(executor, () -> sync.list(account, params));
        }

        public CompletableFuture<Void> revoke(AccountParams account, String tokenId) {
            return run(executor, () -> {
                sync.revoke(account, tokenId);
                return null;
            });
        }

        public CompletableFuture<TokenVerifyResponse> verify() {
            return run(executor, sync::verify);
        }

        public CompletableFuture<TokenVerifyResponse> verify(AccountParams account) {
            return run(executor, () -> sync.verify(account));
        }
    }

    /** {@code async().catalog()}. */
    public static final class Catalog {
        private final CatalogService sync;
        private final Executor executor;

        Catalog(CatalogService sync, Executor executor) {
            this.sync = sync;
            this.executor = executor;
        }

        public CompletableFuture<CatalogResponse> get() {
            return run(executor, sync::get);
        }
    }
}
