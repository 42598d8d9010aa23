package dev.paygo.invoice;

import dev.paygo.account.Account;
import dev.paygo.catalog.CatalogService;
import dev.paygo.catalog.SubscriptionFee;
import dev.paygo.error.PaygoException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The plan fees (the catalog's subscriptions, such as Workers Paid) an account holds. The operator sets them; a
 * new account holds none. A fee starts on a day and runs until it is ended; invoices bill it whole for every
 * period it is held in. Thread-safe.
 */
public final class FeeService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final CatalogService catalog;

    public FeeService(Jdbi jdbi, Clock clock, CatalogService catalog) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** The fees the account holds or held, by fee id. Fees the catalog no longer lists are left out. */
    public List<HeldFee> list(Account account) {
        return jdbi.withExtension(InvoiceDao.class, dao -> dao.listFees(account.id())).stream()
                .flatMap(row -> fee(row.feeId()).map(fee -> new HeldFee(fee, LocalDate.parse(row.startDay()),
                        Optional.ofNullable(row.endDay()).map(LocalDate::parse))).stream())
                .toList();
    }

    /**
     * The account holds the fee from {@code from} (default today) on, until it is ended. 404 for a fee the
     * catalog does not list; 400 when the catalog has no price for it in the account's currency, or when
     * {@code from} lies in a period already billed.
     */
    public HeldFee hold(Account account, String feeId, Optional<LocalDate> from) {
        SubscriptionFee fee = fee(feeId).orElseThrow(() -> PaygoException.notFound("/subscription-fees/" + feeId));
        if (!fee.prices().containsKey(Currency.getInstance(account.billingCurrency()))) {
            throw PaygoException.invalid("/fee_id", "the catalog has no " + account.billingCurrency() + " price for "
                    + feeId);
        }
        LocalDate start = from.orElseGet(this::today);
        return jdbi.inTransaction(h -> {
            InvoiceDao dao = h.attach(InvoiceDao.class);
            Optional<CursorRow> cursor = dao.findCursor(account.id());
            if (cursor.isPresent() && start.isBefore(LocalDate.parse(cursor.get().periodStart()))) {
                throw PaygoException.invalid("/start_day", "must not lie in a billing period already billed: the "
                        + "first unbilled day is " + cursor.get().periodStart());
            }
            dao.saveFee(new FeeRow(account.id(), feeId, start.toString(), null, clock.millis()));
            return new HeldFee(fee, start, Optional.empty());
        });
    }

    /** Ends a fee the account holds: it is not held from today on. 404 when the account does not hold it. */
    public HeldFee end(Account account, String feeId) {
        LocalDate today = today();
        HeldFee held = list(account).stream().filter(f -> f.fee().id().equals(feeId)
                        && f.until().map(u -> u.isAfter(today)).orElse(true))
                .findFirst().orElseThrow(() -> PaygoException.notFound("/subscription-fees/" + feeId));
        LocalDate until = held.from().isAfter(today) ? held.from() : today;
        jdbi.useExtension(InvoiceDao.class, dao -> dao.endFee(account.id(), feeId, until.toString()));
        return new HeldFee(held.fee(), held.from(), Optional.of(until));
    }

    private Optional<SubscriptionFee> fee(String id) {
        return catalog.catalog().subscriptions().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
