package dev.paygo.invoice;

import dev.paygo.account.Account;
import dev.paygo.credit.CreditService;
import dev.paygo.credit.CreditUse;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.paging.Page;
import dev.paygo.paging.PageRequest;
import dev.paygo.http.PublicUrl;
import dev.paygo.id.Ids;
import dev.paygo.money.Money;
import dev.paygo.notify.EventType;
import dev.paygo.notify.Outbox;
import dev.paygo.payment.PaymentAttempt;
import dev.paygo.payment.PaymentGateway;
import dev.paygo.payment.PaymentService;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.profile.BillingProfile;
import dev.paygo.profile.ProfileService;
import dev.paygo.rating.RatingService;
import dev.paygo.rating.UsageRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Issues invoices at period close and keeps their payment state. An account's billing cursor names the next
 * period to bill; issuing a period builds its lines from the period's rated usage records, the fees held and
 * the corrections of earlier periods, then — in one transaction — moves the cursor past the period (a
 * compare-and-set: a second run racing for the same period changes nothing), stores what each metric was
 * billed, takes the next gapless number and inserts the invoice with its lines. A crash before the commit
 * leaves nothing; after it, the invoice is whole. Thread-safe.
 */
public final class InvoiceService {
    /** Where the console serves an invoice's public page: this path, then the invoice's hosted token. */
    public static final String HOSTED_PATH = "/invoice/";
    /** 24 random bytes, hex: the unguessable part of {@code hosted_invoice_url} (192 bits). */
    private static final int HOSTED_TOKEN_BYTES = 24;
    private static final Pattern HOSTED_TOKEN = Pattern.compile("[0-9a-f]{48}");
    private static final int MAX_REFERENCE_LENGTH = 200;
    private static final int PAYMENT_ATTEMPTS = 10;

    private final Jdbi jdbi;
    private final Clock clock;
    private final RatingService rating;
    private final FeeService fees;
    private final ProfileService profiles;
    private final PaymentService payments;
    private final CreditService credits;
    private final InvoiceEvents events;
    private final PublicUrl publicUrl;
    private final Duration grace;
    private final int lateEventDays;

    public InvoiceService(Jdbi jdbi, Clock clock, RatingService rating, FeeService fees, ProfileService profiles,
                          PaymentService payments, CreditService credits, Outbox outbox, PublicUrl publicUrl,
                          Duration grace, int lateEventDays) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.rating = rating;
        this.fees = fees;
        this.profiles = profiles;
        this.payments = payments;
        this.credits = credits;
        this.publicUrl = publicUrl;
        this.events = new InvoiceEvents(outbox, payments, publicUrl);
        this.grace = grace;
        this.lateEventDays = lateEventDays;
    }

    /**
     * Issues the invoices of every period of the account that has ended, grace included, and is not billed yet,
     * oldest first; returns those issued. A period with nothing to bill (no cost, no fee, no correction) issues
     * no invoice, but is billed all the same: its late usage becomes a correction on a later invoice.
     */
    public List<Invoice> issueDue(Account account) {
        LocalDate dueDay = dueDay();
        // One connection for the account's reads and writes: nested calls reuse the thread's handle.
        return jdbi.withHandle(h -> {
            List<Invoice> issued = new ArrayList<>();
            Cursor cursor = cursor(account);
            if (cursor.periodEnd().isAfter(dueDay)) {
                if (!cursor.stored()) {
                    // Stored now, so later runs skip the account until its period is due.
                    h.attach(InvoiceDao.class).insertCursor(cursor.row());
                }
                return issued;
            }
            List<HeldFee> held = fees.list(account);
            Optional<BillingProfile> profile = profiles.find(account);
            PaymentGateway gateway = payments.gatewayFor(profile.flatMap(BillingProfile::paymentGateway),
                    profile.flatMap(BillingProfile::card).isPresent());
            while (!cursor.periodEnd().isAfter(dueDay)) {
                Billed billed = issue(account, cursor, held, gateway);
                billed.invoice().ifPresent(issued::add);
                cursor = billed.next().map(next -> new Cursor(next, true)).orElseGet(() -> new Cursor(
                        h.attach(InvoiceDao.class).findCursor(account.id()).orElseThrow(), true));
            }
            return issued;
        });
    }

    /** A period billed: its invoice (none when there was nothing to bill), and the cursor after it if known. */
    private record Billed(Optional<Invoice> invoice, Optional<CursorRow> next) {
    }

    /** The day on which periods ending on or before it are due (their end plus the grace has passed). */
    LocalDate dueDay() {
        return LocalDate.ofInstant(clock.instant().minus(grace), ZoneOffset.UTC);
    }

    /** The account's invoice, with its lines; 404 when the account has no invoice of that id. */
    public Invoice get(Account account, String invoiceId) {
        return jdbi.withExtension(InvoiceDao.class, dao -> {
            InvoiceRow row = dao.find(account.id(), invoiceId).orElseThrow(() -> PaygoException.notFound(
                    "/accounts/" + account.id() + "/invoices/" + invoiceId));
            return invoice(row, dao.listLines(account.id(), invoiceId));
        });
    }

    /**
     * The invoice whose hosted page has this token, with its lines: what {@code hosted_invoice_url} shows without
     * signing in. Empty for a token that names none (the caller answers 404 without saying more).
     */
    public Optional<Invoice> findHosted(String token) {
        if (!HOSTED_TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbi.withExtension(InvoiceDao.class, dao -> dao.findByLink(token)
                .map(row -> invoice(row, dao.listLines(row.accountId(), row.id()))));
    }

    /** The {@code hosted_invoice_url} of some of the account's invoices, by invoice id. */
    public Map<String, String> hostedUrls(Account account, List<Invoice> some) {
        if (some.isEmpty()) {
            return Map.of();
        }
        Map<String, String> tokens = jdbi.withExtension(InvoiceDao.class, dao -> dao.listLinks(account.id(),
                some.stream().map(Invoice::id).toList()));
        return tokens.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> publicUrl.of(HOSTED_PATH + e.getValue())));
    }

    /** One page of the account's invoices, newest first, without their lines. */
    public Page<Invoice> list(Account account, PageRequest page) {
        return jdbi.withExtension(InvoiceDao.class, dao -> Page.of(dao.listPage(account.id(), page.perPage(),
                        page.offset()).stream().map(r -> invoice(r, List.of())).toList(), page,
                dao.count(account.id())));
    }

    /** Every invoice of the account, newest first, without their lines. */
    public List<Invoice> listAll(Account account) {
        return jdbi.withExtension(InvoiceDao.class, dao -> dao.listAll(account.id())).stream()
                .map(r -> invoice(r, List.of())).toList();
    }

    /** What the account owes on its open, past-due and uncollectible invoices. */
    public Money balance(Account account) {
        return Money.ofMinor(jdbi.withExtension(InvoiceDao.class, dao -> dao.dueTotal(account.id())),
                currency(account));
    }

    /**
     * The invoice the current period would get if it closed now: its usage so far, the fees held and the
     * corrections pending for earlier periods. Computed on each call, never stored.
     */
    public UpcomingInvoice upcoming(Account account) {
        BillingPeriods periods = new BillingPeriods(account.billingCycleAnchor());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        BillingPeriod current = periods.containing(today);
        List<MetricTotal> usage = MetricTotal.of(rating.records(account, current));
        Optional<CursorRow> cursor = jdbi.withExtension(InvoiceDao.class, dao -> dao.findCursor(account.id()));
        List<InvoiceBuilder.Invoiced> earlier = cursor.map(c -> earlier(account, periods,
                LocalDate.parse(c.periodStart()), c.lastBilledAtMs())).orElse(List.of());
        InvoiceBuilder.Result built = InvoiceBuilder.build(account.id(), currency(account), current, usage,
                fees.list(account), earlier);
        WithCredits result = withCredits(built, current, credits.preview(account, built.total()));
        return new UpcomingInvoice(account.id(), current.start(), current.end(), result.lines(), result.total(),
                result.credits());
    }

    /**
     * Voids an unpaid invoice nothing has been paid on (the operator's call): it is no longer owed. 404 for an
     * unknown invoice; 409 for one that is paid, void or partly paid.
     */
    public Invoice voidInvoice(Account account, String invoiceId) {
        Invoice invoice = get(account, invoiceId);
        int changed = jdbi.inTransaction(h -> {
            int voided = h.attach(InvoiceDao.class).markVoid(account.id(), invoiceId, clock.millis());
            if (voided == 1) {
                credits.restore(h, account, invoiceId);
                events.publish(h, EventType.INVOICE_VOIDED, account.id(), invoiceId);
            }
            return voided;
        });
        if (changed != 1) {
            throw new PaygoException(ErrorCode.CONFLICT, "invoice " + invoice.number() + " is "
                    + invoice.status().wire() + (invoice.paid().amount().signum() > 0 ? " with "
                    + invoice.paid().toWire() + " paid" : "") + ": only an unpaid invoice with nothing paid on it "
                    + "can be voided");
        }
        return get(account, invoiceId);
    }

    /**
     * Records a payment the operator received for an invoice (a bank transfer), partial or in full. 404 for an
     * unknown invoice; 400 for an amount that is not positive, has more decimals than the currency's minor unit
     * or exceeds what is due; 409 for an invoice that takes no payment (paid or void).
     */
    public PaymentAttempt recordPayment(Account account, String invoiceId, BigDecimal amount, String reference) {
        for (int attempt = 0; attempt < PAYMENT_ATTEMPTS; attempt++) {
            Invoice invoice = get(account, invoiceId);
            Money money = checkPayment(invoice, amount, reference);
            Optional<PaymentAttempt> recorded = jdbi.inTransaction(h -> {
                InvoiceDao dao = h.attach(InvoiceDao.class);
                if (dao.recordPayment(account.id(), invoiceId, invoice.attempts(), money.minorUnits(),
                        clock.millis()) != 1) {
                    return Optional.empty();
                }
                PaymentAttempt received = payments.recordReceived(account.id(), invoiceId, invoice.attempts() + 1,
                        money, reference);
                events.publishIfPaid(h, account.id(), invoiceId);
                return Optional.of(received);
            });
            if (recorded.isPresent()) {
                return recorded.get();
            }
        }
        throw new PaygoException(ErrorCode.CONFLICT, "invoice " + invoiceId + " kept changing: try again");
    }

    private static Money checkPayment(Invoice invoice, BigDecimal amount, String reference) {
        if (!invoice.status().isUnpaid()) {
            throw new PaygoException(ErrorCode.CONFLICT, "invoice " + invoice.number() + " is "
                    + invoice.status().wire() + ": it takes no payment");
        }
        Currency currency = invoice.total().currency();
        if (amount.signum() <= 0) {
            throw PaygoException.invalid("/amount", "must be more than 0");
        }
        if (amount.stripTrailingZeros().scale() > Money.minorUnitPlaces(currency)) {
            throw PaygoException.invalid("/amount", "has more decimals than " + currency.getCurrencyCode()
                    + " has (" + Money.minorUnitPlaces(currency) + ")");
        }
        Money money = new Money(amount, currency);
        if (money.minus(invoice.due()).amount().signum() > 0) {
            throw PaygoException.invalid("/amount", "is more than the " + invoice.due().toWire() + " "
                    + currency.getCurrencyCode() + " due on invoice " + invoice.number());
        }
        if (reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw PaygoException.invalid("/reference", "must be 1 to " + MAX_REFERENCE_LENGTH
                    + " characters without control characters (the bank transfer's reference)");
        }
        return money;
    }

    /**
     * The account's cursor; an account seen for the first time starts at the period of its first usage (that
     * cursor is stored with its first period's billing, in the same transaction).
     */
    private Cursor cursor(Account account) {
        return jdbi.withExtension(InvoiceDao.class, dao -> dao.findCursor(account.id())).map(c -> new Cursor(c, true))
                .orElseGet(() -> {
                    // Usage can be this old when it arrives with the account (late events, an operator's backfill).
                    LocalDate opened = LocalDate.ofInstant(account.createdOn(), ZoneOffset.UTC).minusDays(lateEventDays);
                    LocalDate first = rating.firstUsageDay(account).filter(d -> d.isBefore(opened)).orElse(opened);
                    BillingPeriod period = new BillingPeriods(account.billingCycleAnchor()).containing(first);
                    return new Cursor(new CursorRow(account.id(), period.start().toString(), period.end().toString(),
                            null), false);
                });
    }

    /** A billing cursor, and whether it is stored yet. */
    private record Cursor(CursorRow row, boolean stored) {
        LocalDate periodEnd() {
            return LocalDate.parse(row.periodEnd());
        }
    }

    private Billed issue(Account account, Cursor at, List<HeldFee> held, PaymentGateway gateway) {
        CursorRow cursor = at.row();
        BillingPeriods periods = new BillingPeriods(account.billingCycleAnchor());
        BillingPeriod period = new BillingPeriod(LocalDate.parse(cursor.periodStart()),
                LocalDate.parse(cursor.periodEnd()));
        BillingPeriod next = periods.containing(period.end());
        Currency currency = currency(account);
        List<UsageRecord> days = rating.records(account, period);
        List<InvoiceBuilder.Invoiced> earlier = earlier(account, periods, period.start(), cursor.lastBilledAtMs());
        InvoiceBuilder.Result built = InvoiceBuilder.build(account.id(), currency, period, MetricTotal.of(days), held,
                earlier);
        List<BilledDayRow> billedDays = billedDays(account, period, days, earlier, built.billed());
        Instant now = clock.instant();
        CursorRow after = new CursorRow(account.id(), next.start().toString(), next.end().toString(),
                now.toEpochMilli());
        return jdbi.inTransaction(h -> {
            InvoiceDao dao = h.attach(InvoiceDao.class);
            if (!at.stored() && dao.insertCursor(cursor) != 1) {
                return new Billed(Optional.empty(), Optional.empty());  // another run saw the account first
            }
            if (dao.advanceCursor(account.id(), period.start().toString(), next.start().toString(),
                    next.end().toString(), now.toEpochMilli()) != 1) {
                return new Billed(Optional.empty(), Optional.empty());
            }
            dao.saveBilled(built.billed());
            dao.saveBilledDays(billedDays);
            if (built.lines().isEmpty()) {
                return new Billed(Optional.empty(), Optional.of(after));
            }
            List<CreditUse> used = built.total().amount().signum() > 0
                    ? credits.take(h, account, built.total(), now) : List.of();
            WithCredits result = withCredits(built, period, used);
            String series = "PG-" + LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
            String number = series + "-" + String.format("%06d", dao.nextNumber(series));
            boolean nothingDue = result.total().amount().signum() == 0;
            boolean charge = !nothingDue && gateway.chargesAutomatically();
            InvoiceRow row = new InvoiceRow(Ids.hex32(), account.id(), number, period.start().toString(),
                    period.end().toString(), currency.getCurrencyCode(),
                    (nothingDue ? InvoiceStatus.PAID : InvoiceStatus.OPEN).wire(), result.total().minorUnits(), 0,
                    gateway.name(), 0, charge ? now.toEpochMilli() : null, null, now.toEpochMilli(),
                    nothingDue ? now.toEpochMilli() : null, result.credits().minorUnits());
            dao.insertInvoice(row);
            dao.insertLink(row.id(), Ids.hex(HOSTED_TOKEN_BYTES));
            List<LineRow> lines = result.lines().stream().map(l -> lineRow(row.id(), l)).toList();
            dao.insertLine(lines);
            credits.recordUses(h, row.id(), used);
            events.publish(h, EventType.INVOICE_FINALIZED, account.id(), row.id());
            if (nothingDue) {
                events.publish(h, EventType.INVOICE_PAID, account.id(), row.id());
            }
            return new Billed(Optional.of(invoice(row, lines)), Optional.of(after));
        });
    }

    /** Tells webhooks of invoice changes (the billing run's too). */
    InvoiceEvents events() {
        return events;
    }

    /** An invoice's lines and total after credit: one negative line per grant used. */
    private record WithCredits(List<InvoiceLine> lines, Money credits, Money total) {
    }

    private static WithCredits withCredits(InvoiceBuilder.Result built, BillingPeriod period, List<CreditUse> used) {
        List<InvoiceLine> lines = new ArrayList<>(built.lines());
        Money applied = built.total().minus(built.total());
        for (CreditUse use : used) {
            lines.add(new InvoiceLine(lines.size() + 1, LineKind.CREDIT, "Credit: " + use.description(),
                    Optional.empty(), Optional.empty(), Optional.empty(), period.start(), period.end(),
                    use.amount().negate()));
            applied = applied.plus(use.amount());
        }
        return new WithCredits(lines, applied, built.total().minus(applied));
    }

    /**
     * The billed periods before {@code before} that may have received usage since the account was last billed
     * (late events are accepted {@code lateEventDays} back), with what their usage costs now and what it was
     * billed.
     */
    private List<InvoiceBuilder.Invoiced> earlier(Account account, BillingPeriods periods, LocalDate before,
                                                  Long lastBilledAtMs) {
        if (lastBilledAtMs == null) {
            return List.of();
        }
        LocalDate reach = LocalDate.ofInstant(Instant.ofEpochMilli(lastBilledAtMs), ZoneOffset.UTC)
                .minusDays(lateEventDays + 1L);
        List<BillingPeriod> candidates = new ArrayList<>();
        for (BillingPeriod p = periods.containing(before.minusDays(1)); p.end().isAfter(reach);
             p = periods.containing(p.start().minusDays(1))) {
            candidates.add(0, p);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, BilledAmountRow>> billed = jdbi.withExtension(InvoiceDao.class, dao -> dao.listBilled(
                        account.id(), candidates.get(0).start().toString(), before.toString())).stream()
                .collect(Collectors.groupingBy(BilledAmountRow::periodStart,
                        Collectors.toMap(BilledAmountRow::metric, Function.identity())));
        return candidates.stream().map(p -> new InvoiceBuilder.Invoiced(p, rating.records(account, p),
                billed.getOrDefault(p.start().toString(), Map.of()))).toList();
    }

    /**
     * What this billing of {@code period} bills of each day, for the FOCUS records: every day of the period (and
     * a marker, so a period billed without usage is known as billed), and the days of each earlier period and
     * metric that one of its correction lines bills.
     */
    private static List<BilledDayRow> billedDays(Account account, BillingPeriod period, List<UsageRecord> days,
                                                 List<InvoiceBuilder.Invoiced> earlier, List<BilledAmountRow> billed) {
        String billedIn = period.start().toString();
        List<BilledDayRow> rows = new ArrayList<>();
        rows.add(new BilledDayRow(account.id(), billedIn, BilledDayRow.PERIOD_MARKER, billedIn, billedIn, "0", "0",
                "0"));
        days.forEach(d -> rows.add(billedDay(account, period.start(), d, billedIn)));
        for (InvoiceBuilder.Invoiced invoiced : earlier) {
            String start = invoiced.period().start().toString();
            java.util.Set<String> corrected = billed.stream().filter(b -> b.periodStart().equals(start))
                    .map(BilledAmountRow::metric).collect(Collectors.toSet());
            invoiced.days().stream().filter(d -> corrected.contains(d.metric()))
                    .forEach(d -> rows.add(billedDay(account, invoiced.period().start(), d, billedIn)));
        }
        return rows;
    }

    private static BilledDayRow billedDay(Account account, LocalDate periodStart, UsageRecord day, String billedIn) {
        return new BilledDayRow(account.id(), periodStart.toString(), day.metric(), day.chargePeriodStart().toString(),
                billedIn, day.consumedQuantity().toPlainString(), day.pricingQuantity().toPlainString(),
                day.contractedCost().amount().toPlainString());
    }

    /** What was billed of the days of the periods starting in {@code [from, toExclusive)}, oldest billing first. */
    public List<BilledDayRow> billedDays(Account account, LocalDate from, LocalDate toExclusive) {
        return jdbi.withExtension(InvoiceDao.class, dao -> dao.listBilledDays(account.id(), from.toString(),
                toExclusive.toString()));
    }

    /** The period the account's next invoice bills: where a correction not billed yet will be billed. */
    public BillingPeriod nextToBill(Account account) {
        CursorRow row = cursor(account).row();
        return new BillingPeriod(LocalDate.parse(row.periodStart()), LocalDate.parse(row.periodEnd()));
    }

    private static LineRow lineRow(String invoiceId, InvoiceLine l) {
        return new LineRow(invoiceId, l.lineNo(), l.kind().wire(), l.description(), l.metric().orElse(null),
                l.quantity().map(q -> q.stripTrailingZeros().toPlainString()).orElse(null), l.unit().orElse(null),
                l.periodStart().toString(), l.periodEnd().toString(), l.amount().minorUnits());
    }

    static Invoice invoice(InvoiceRow r, List<LineRow> lines) {
        Currency currency = Currency.getInstance(r.currency());
        return new Invoice(r.id(), r.accountId(), r.number(), LocalDate.parse(r.periodStart()),
                LocalDate.parse(r.periodEnd()), InvoiceStatus.fromWire(r.status()), Money.ofMinor(r.totalMinor(), currency),
                Money.ofMinor(r.creditsMinor(), currency), Money.ofMinor(r.paidMinor(), currency), r.gateway(), r.attempts(),
                Optional.ofNullable(r.nextAttemptAtMs()).map(Instant::ofEpochMilli),
                Optional.ofNullable(r.firstFailureAtMs()).map(Instant::ofEpochMilli), Instant.ofEpochMilli(r.issuedAtMs()),
                Optional.ofNullable(r.settledAtMs()).map(Instant::ofEpochMilli),
                lines.stream().map(l -> new InvoiceLine(l.lineNo(), LineKind.fromWire(l.kind()), l.description(),
                        Optional.ofNullable(l.metric()), Optional.ofNullable(l.quantity()).map(BigDecimal::new),
                        Optional.ofNullable(l.unit()), LocalDate.parse(l.periodStart()), LocalDate.parse(l.periodEnd()),
                        Money.ofMinor(l.amountMinor(), currency))).toList());
    }

    private static Currency currency(Account account) {
        return Currency.getInstance(account.billingCurrency());
    }
}
