package dev.paygo.credit;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.id.Ids;
import dev.paygo.money.Money;
import dev.paygo.notify.EventType;
import dev.paygo.notify.Outbox;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.RatingService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Credit grants: the operator grants credit to an account; invoices use it at finalization before the card is
 * charged, the grant that ends first first, never more than they are due, never an ended grant. Taking credit
 * happens in the invoice's own transaction (a compare-and-set on what is left), so a crash or a racing run can
 * neither lose credit nor use it twice. Thread-safe.
 */
public final class CreditService {
    /** The most one grant can be: 10^13 major units, far below where minor units would overflow. */
    private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(13);
    private static final int MAX_DESCRIPTION = 200;
    /** {@code credit.low}: a grant is low under this share of its amount left... */
    private static final BigDecimal LOW_SHARE = new BigDecimal("0.10");
    /** ...or when it will run out within this many days at the current burn rate. */
    private static final int LOW_DAYS = 7;
    private static final int WATCH_PAGE = 500;

    private final Jdbi jdbi;
    private final Clock clock;
    private final RatingService rating;
    private final AccountService accounts;
    private final Outbox outbox;

    public CreditService(Jdbi jdbi, Clock clock, RatingService rating, AccountService accounts, Outbox outbox) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.rating = rating;
        this.accounts = accounts;
        this.outbox = outbox;
    }

    /** What the operator asks to grant; {@code validFrom} defaults to now. */
    public record Grant(BigDecimal amount, String currency, Optional<Instant> validFrom, Instant validTo,
                        String description) {
    }

    /**
     * Grants credit. 400 for an amount that is not positive, has more decimals than the currency or is too
     * large; a currency other than the account's; a {@code valid_to} not after {@code valid_from} or already
     * past; a blank or overlong description.
     */
    public CreditGrant grant(Account account, Grant request) {
        Currency currency = Currency.getInstance(account.billingCurrency());
        if (!request.currency().equals(currency.getCurrencyCode())) {
            throw PaygoException.invalid("/currency", "must be the account's billing currency, "
                    + currency.getCurrencyCode());
        }
        BigDecimal amount = request.amount();
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw PaygoException.invalid("/amount", "must be more than 0 and at most " + MAX_AMOUNT.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > Money.minorUnitPlaces(currency)) {
            throw PaygoException.invalid("/amount", "has more decimals than " + currency.getCurrencyCode()
                    + " has (" + Money.minorUnitPlaces(currency) + ")");
        }
        Instant now = clock.instant();
        Instant from = request.validFrom().orElse(now);
        if (!request.validTo().isAfter(from)) {
            throw PaygoException.invalid("/valid_to", "must be after valid_from (" + from + ")");
        }
        if (!request.validTo().isAfter(now)) {
            throw PaygoException.invalid("/valid_to", "is in the past: the grant could never be used");
        }
        String description = request.description().strip();
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION
                || description.chars().anyMatch(Character::isISOControl)) {
            throw PaygoException.invalid("/description", "must be 1 to " + MAX_DESCRIPTION
                    + " characters without control characters");
        }
        long minor = new Money(amount, currency).minorUnits();
        CreditRow row = new CreditRow(Ids.hex32(), account.id(), currency.getCurrencyCode(), minor, minor,
                from.toEpochMilli(), request.validTo().toEpochMilli(), description, now.toEpochMilli(), null, null, null);
        jdbi.useExtension(CreditDao.class, dao -> dao.insert(row));
        return CreditGrant.of(row);
    }

    /** The account's grants, in the order invoices use them (the one that ends first first). */
    public List<CreditGrant> list(Account account) {
        return jdbi.withExtension(CreditDao.class, dao -> dao.list(account.id())).stream().map(CreditGrant::of)
                .toList();
    }

    /** One grant; 404 when the account has none of that id. */
    public CreditGrant get(Account account, String id) {
        return jdbi.withExtension(CreditDao.class, dao -> dao.find(account.id(), id)).map(CreditGrant::of)
                .orElseThrow(() -> PaygoException.notFound("/accounts/" + account.id() + "/credits/" + id));
    }

    /** Ends a grant now: no invoice uses it from now on. 404 for an unknown grant; 409 when it has ended. */
    public CreditGrant expire(Account account, String id) {
        CreditGrant grant = get(account, id);
        long now = clock.millis();
        int changed = jdbi.inTransaction(h -> {
            int expired = h.attach(CreditDao.class).expire(account.id(), id, now);
            if (expired == 1 && grant.remaining().amount().signum() > 0) {
                tell(h, account, id, EventType.CREDIT_EXPIRED);
            }
            return expired;
        });
        if (changed != 1) {
            throw new PaygoException(ErrorCode.CONFLICT, "credit grant " + id + " ended at " + grant.validTo()
                    + ": it cannot be expired again");
        }
        return get(account, id);
    }

    /** Where the grant stands now. */
    public CreditGrant.Status status(CreditGrant grant) {
        return grant.status(clock.instant());
    }

    /** What an invoice of {@code due} finalized now would take from the account's grants; nothing is written. */
    public List<CreditUse> preview(Account account, Money due) {
        return allocate(list(account), due, clock.instant());
    }

    /**
     * Takes credit for an invoice of {@code due} finalized at {@code at}, in the caller's transaction: the
     * grants that end first first, never more than is due. Throws when a grant changed under it (the
     * transaction then rolls back; the next run tries again).
     */
    public List<CreditUse> take(Handle handle, Account account, Money due, Instant at) {
        CreditDao dao = handle.attach(CreditDao.class);
        List<CreditGrant> grants = dao.list(account.id()).stream().map(CreditGrant::of).toList();
        List<CreditUse> uses = allocate(grants, due, at);
        for (CreditUse use : uses) {
            CreditGrant grant = grants.stream().filter(g -> g.id().equals(use.grantId())).findFirst().orElseThrow();
            if (dao.take(account.id(), grant.id(), use.amount().minorUnits(), grant.remaining().minorUnits()) != 1) {
                throw new IllegalStateException("credit grant " + grant.id() + " changed while an invoice took it");
            }
            if (isLow(grant.remaining().minus(use.amount()).amount(), grant.amount().amount())) {
                tell(handle, account, grant.id(), EventType.CREDIT_LOW);
            }
        }
        return uses;
    }

    /** Records what the invoice took, once the invoice row exists (same transaction as {@link #take}). */
    public void recordUses(Handle handle, String invoiceId, List<CreditUse> uses) {
        CreditDao dao = handle.attach(CreditDao.class);
        uses.forEach(u -> dao.insertUse(invoiceId, u.grantId(), u.amount().minorUnits()));
    }

    /** Gives back what a voided invoice took, in the void's transaction: the credit can pay another invoice. */
    public void restore(Handle handle, Account account, String invoiceId) {
        CreditDao dao = handle.attach(CreditDao.class);
        dao.restore(account.id(), invoiceId);
        dao.markRestored(invoiceId, clock.millis());
    }

    static List<CreditUse> allocate(List<CreditGrant> grants, Money due, Instant at) {
        List<CreditUse> uses = new ArrayList<>();
        Money left = due;
        for (CreditGrant grant : grants.stream().filter(g -> g.usableAt(at))
                .sorted(Comparator.comparing(CreditGrant::validTo).thenComparing(CreditGrant::createdAt)
                        .thenComparing(CreditGrant::id)).toList()) {
            if (left.amount().signum() <= 0) {
                break;
            }
            Money take = grant.remaining().amount().compareTo(left.amount()) < 0 ? grant.remaining() : left;
            uses.add(new CreditUse(grant.id(), grant.description(), take));
            left = left.minus(take);
        }
        return uses;
    }

    /**
     * The account's credit as Cloudflare's {@code billing.credits.get} reports it, over the grants in force now
     * (docs/api.md, "Credits").
     */
    public CreditSummary summary(Account account) {
        Currency currency = Currency.getInstance(account.billingCurrency());
        Instant now = clock.instant();
        List<CreditGrant> grants = list(account);
        List<CreditGrant> inForce = grants.stream().filter(g -> g.inForceAt(now)).toList();
        if (inForce.isEmpty()) {
            return new CreditSummary(!grants.isEmpty(), true, currency.getCurrencyCode(), 0L, 0L, BigDecimal.ZERO,
                    null, null, null, null);
        }
        Money original = inForce.stream().map(CreditGrant::amount).reduce(Money.zero(currency), Money::plus);
        Money balance = inForce.stream().map(CreditGrant::remaining).reduce(Money.zero(currency), Money::plus);
        BigDecimal percent = original.amount().subtract(balance.amount()).multiply(BigDecimal.valueOf(100))
                .divide(original.amount(), 2, RoundingMode.HALF_EVEN);
        Instant validFrom = inForce.stream().map(CreditGrant::validFrom).min(Instant::compareTo).orElseThrow();
        Instant validTo = inForce.stream().map(CreditGrant::validTo).max(Instant::compareTo).orElseThrow();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        BillingPeriod current = new BillingPeriods(account.billingCycleAnchor()).containing(today);
        LocalDate depletion = DepletionForecast.project(balance.amount(), DepletionForecast.lastDayBefore(validTo),
                current.start(), today, rating.costSoFar(account, current, today).amount()).orElse(null);
        return new CreditSummary(true, true, currency.getCurrencyCode(), original.minorUnits(),
                balance.minorUnits(), percent, validFrom, validTo, Duration.between(now, validTo).toDays(), depletion);
    }

    /**
     * Tells webhooks, once per grant, of grants that ended with credit left ({@code credit.expired}) and of grants
     * running low ({@code credit.low}): under 10% left, or running out within 7 days at the current period's burn
     * rate — grants are used in order, so a grant runs out when the balance of it and of every grant used before
     * it is spent. The billing run calls it; returns how many events it wrote.
     */
    public int notifyDue() {
        int told = 0;
        String after = "";
        // The burn rate costs a rating of the period: only worth it while some endpoint receives credit.low.
        boolean burnRate = jdbi.withHandle(h -> outbox.receives(h, EventType.CREDIT_LOW));
        while (true) {
            long now = clock.millis();
            String from = after;
            List<String> page = jdbi.withExtension(CreditDao.class, dao -> dao.listAccountsToWatch(now, from,
                    WATCH_PAGE));
            for (String id : page) {
                told += accounts.find(id).map(a -> notifyDue(a, burnRate)).orElse(0);
            }
            if (page.size() < WATCH_PAGE) {
                return told;
            }
            after = page.get(page.size() - 1);
        }
    }

    private int notifyDue(Account account, boolean burnRate) {
        Instant now = clock.instant();
        List<CreditRow> rows = jdbi.withExtension(CreditDao.class, dao -> dao.list(account.id()));
        int told = 0;
        for (CreditRow row : rows) {
            if (row.remainingMinor() > 0 && row.validToMs() <= now.toEpochMilli() && row.expiredToldAtMs() == null) {
                told += jdbi.inTransaction(h -> tell(h, account, row.id(), EventType.CREDIT_EXPIRED));
            }
        }
        List<CreditRow> usable = rows.stream().filter(r -> CreditGrant.of(r).usableAt(now)).toList();
        if (!burnRate || usable.stream().allMatch(r -> r.lowToldAtMs() != null)) {
            return told;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        BillingPeriod current = new BillingPeriods(account.billingCycleAnchor()).containing(today);
        BigDecimal cost = rating.costSoFar(account, current, today).amount();
        BigDecimal before = BigDecimal.ZERO;
        for (CreditRow row : usable) {
            CreditGrant grant = CreditGrant.of(row);
            before = before.add(grant.remaining().amount());
            LocalDate lastDay = DepletionForecast.lastDayBefore(grant.validTo());
            boolean runsOutSoon = DepletionForecast.project(before, lastDay, current.start(), today, cost)
                    .filter(d -> d.isBefore(lastDay) && !d.isAfter(today.plusDays(LOW_DAYS))).isPresent();
            if (row.lowToldAtMs() == null && (runsOutSoon || isLow(grant.remaining().amount(), grant.amount().amount()))) {
                told += jdbi.inTransaction(h -> tell(h, account, row.id(), EventType.CREDIT_LOW));
            }
        }
        return told;
    }

    private static boolean isLow(BigDecimal remaining, BigDecimal amount) {
        return remaining.compareTo(amount.multiply(LOW_SHARE)) < 0;
    }

    /** Records that the event was told and writes it, in the caller's transaction: 1 when this call told it. */
    private int tell(Handle handle, Account account, String grantId, EventType type) {
        CreditDao dao = handle.attach(CreditDao.class);
        long now = clock.millis();
        int first = type == EventType.CREDIT_LOW ? dao.tellLow(account.id(), grantId, now)
                : dao.tellExpired(account.id(), grantId, now);
        if (first == 1) {
            outbox.publish(handle, type, account.id(), () -> {
                CreditGrant grant = CreditGrant.of(dao.find(account.id(), grantId).orElseThrow());
                return GrantView.of(grant, grant.status(clock.instant()));
            });
        }
        return first;
    }
}
