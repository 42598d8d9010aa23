package dev.paygo.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paygo.catalog.CatalogService;
import dev.paygo.catalog.InvalidCatalogException;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.paging.PageRequest;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** Opens and reads accounts. Thread-safe. */
public final class AccountService {
    public static final String PAYGO_PLAN = "paygo";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private static final int KEPT_ACCOUNTS = 100_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final CatalogService catalog;
    private final Cache<String, Account> found = Caffeine.newBuilder().maximumSize(KEPT_ACCOUNTS).build();

    /** @param catalog the price catalog: an account's billing currency must be one it prices in */
    public AccountService(Jdbi jdbi, Clock clock, CatalogService catalog) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.catalog = catalog;
    }

    /**
     * Opens an account with its PayGo subscription, atomically. The name is trimmed and must hold 1 to 256
     * characters; the currency must be an ISO 4217 code; the anchor defaults to now (whole seconds).
     */
    public Account create(NewAccount request) {
        return open(Ids.hex32(), request);
    }

    /** Opens an account under a fixed id (the demo's) unless it exists already; returns the stored account. */
    public Account createIfAbsent(String id, NewAccount request) {
        return find(id).orElseGet(() -> open(id, request));
    }

    /**
     * Records what is wrong with a request to open an account in {@code problems}: the name, and the billing
     * currency, which must be one the catalog prices in (costs are computed in it, never converted).
     */
    public void validate(NewAccount request, Problems problems) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 256) {
            problems.add("/name", "must hold 1 to 256 characters");
        }
        Optional<Currency> currency = currency(request.billingCurrency());
        if (currency.isEmpty()) {
            problems.add("/billing_currency", "must be an ISO 4217 currency code such as USD");
        } else if (!catalog.pricesIn(currency.get())) {
            problems.add("/billing_currency", "must be a currency the price catalog prices in ("
                    + String.join(", ", catalog.catalog().currencies().stream().map(Currency::getCurrencyCode)
                    .toList()) + "), not " + currency.get());
        }
    }

    /**
     * Fails when a stored account bills in a currency the catalog does not price in (a catalog replaced by
     * one without it): such accounts could not be rated, so paygo refuses to start rather than misprice them.
     */
    public void checkCurrenciesArePriced() {
        List<String> unpriced = jdbi.withExtension(AccountDao.class, AccountDao::listCurrencies).stream()
                .filter(code -> currency(code).map(c -> !catalog.pricesIn(c)).orElse(true)).toList();
        if (!unpriced.isEmpty()) {
            throw new InvalidCatalogException("the catalog does not price in " + String.join(", ", unpriced)
                    + ", which stored accounts bill in: add a price list for it to the catalog");
        }
    }

    private Account open(String id, NewAccount request) {
        Problems problems = new Problems();
        validate(request, problems);
        problems.throwIfAny();
        String name = request.name().strip();
        String currency = request.billingCurrency();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant anchor = request.billingCycleAnchor().orElse(now.truncatedTo(ChronoUnit.SECONDS));
        Account account = new Account(id, name, currency, anchor, now);
        Subscription subscription = new Subscription(Ids.ulid(now), id, PAYGO_PLAN, now, anchor, Optional.empty());
        jdbi.useTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            dao.insert(AccountRow.of(account));
            dao.insertSubscription(SubscriptionRow.of(subscription));
        });
        return account;
    }

    /**
     * The account of {@code id}. Every authenticated request of an account reads it, so accounts found are kept
     * in memory: they never change and are never deleted, so a kept one is never stale, on any node. Ids not
     * found are not kept (another node may open the account a moment later).
     */
    public Optional<Account> find(String id) {
        if (!Ids.isHex32(id)) {
            return Optional.empty();
        }
        Account known = found.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Account> account = jdbi.withExtension(AccountDao.class, dao -> dao.findById(id))
                .map(AccountRow::toAccount);
        account.ifPresent(a -> found.put(id, a));
        return account;
    }

    /** One page of accounts, oldest first. */
    public Page<Account> list(PageRequest page) {
        return jdbi.withExtension(AccountDao.class, dao -> {
            List<Account> items = dao.listPage(page.perPage(), page.offset()).stream()
                    .map(AccountRow::toAccount).toList();
            return Page.of(items, page, dao.count());
        });
    }

    /**
     * One page of the accounts whose name or id contains {@code text} (ignoring case), by name; every account when
     * it is blank.
     */
    public Page<Account> search(String text, PageRequest page) {
        // '!' escapes LIKE's wildcards (a backslash would be read differently by each database).
        String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        return jdbi.withExtension(AccountDao.class, dao -> Page.of(dao.search(pattern, page.perPage(), page.offset())
                .stream().map(AccountRow::toAccount).toList(), page, dao.countMatching(pattern)));
    }

    public List<Subscription> subscriptions(String accountId) {
        return jdbi.withExtension(AccountDao.class, dao -> dao.listSubscriptions(accountId)).stream()
                .map(SubscriptionRow::toSubscription).toList();
    }

    private static Optional<Currency> currency(String code) {
        if (code == null || !CURRENCY.matcher(code).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
