package dev.paygo.demo;

import dev.paygo.PaygoServer;
import dev.paygo.account.Account;
import dev.paygo.account.NewAccount;
import dev.paygo.auth.NewToken;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.credit.CreditService;
import dev.paygo.invoice.Invoice;
import dev.paygo.period.BillingPeriods;
import dev.paygo.profile.ProfileChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo data of {@code paygo serve --demo}: one account with a full billing profile (the test gateway, card
 * 4242), the Workers Paid plan, a $60 welcome credit, a Billing Read token, sixty days of usage ({@link DemoUsage})
 * and the invoices of its past periods, issued by a billing run and paid by the credit (the card pays what the
 * credit does not cover). Idempotent across restarts: the account has a fixed id, the
 * profile is filled only while empty, usage events have fixed ids, and the token's value is kept in a file
 * beside the database (mode 600) so the printed curl keeps working.
 */
public final class DemoData {
    /** The demo account's id: the example account id of Cloudflare's API documentation. */
    public static final String ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String WORKERS_PAID = "workers_paid.subscription";
    private static final Duration BILLING_WAIT = Duration.ofSeconds(30);

    private DemoData() {
    }

    /** What the demo prints: the account, a token that reads it, and how many usage events were new. */
    public record Demo(Account account, String token, int newEvents, List<Invoice> invoices) {
    }

    public static Demo seed(PaygoServer paygo, Path tokenFile) {
        Account account = paygo.accounts().createIfAbsent(ACCOUNT_ID, new NewAccount("Demo Corp", "USD",
                Optional.of(Instant.parse("2025-01-15T00:00:00Z"))));
        if (paygo.profiles().get(account).fields().isEmpty()) {
            paygo.profiles().replace(account, profile());
        }
        Instant now = paygo.config().clock().instant();
        int newEvents = DemoUsage.load(paygo.usage(), account.id(), now);
        if (paygo.fees().list(account).isEmpty()) {
            // Workers Paid since the first period of the demo's usage, so its invoices show a plan fee too.
            LocalDate since = new BillingPeriods(account.billingCycleAnchor())
                    .containing(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(DemoUsage.DAYS)).start();
            paygo.fees().hold(account, WORKERS_PAID, Optional.of(since));
        }
        if (paygo.credits().list(account).isEmpty()) {
            // Enough to pay the past periods' invoices, not the current one's: partly used, running out soon.
            paygo.credits().grant(account, new CreditService.Grant(new BigDecimal("60.00"), "USD",
                    Optional.of(now.minus(Duration.ofDays(DemoUsage.DAYS))), now.plus(Duration.ofDays(365)),
                    "Welcome credit"));
        }
        paygo.zones().name(account, DemoUsage.SHOP_ZONE, "shop.demo.example");
        paygo.zones().name(account, DemoUsage.API_ZONE, "api.demo.example");
        if (paygo.organizations().organizationOf(account.id()).isEmpty()) {
            paygo.organizations().addAccount(paygo.organizations().create("Demo Group").id(), account.id(),
                    "/organizations");
        }
        bill(paygo);
        return new Demo(account, token(paygo, account, tokenFile), newEvents, paygo.invoices().listAll(account));
    }

    /** Issues the demo's invoices for its past periods and charges them (the card on file succeeds). */
    private static void bill(PaygoServer paygo) {
        try {
            paygo.billing().run(BILLING_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String token(PaygoServer paygo, Account account, Path tokenFile) {
        Optional<String> saved = read(tokenFile);
        if (saved.isPresent() && paygo.tokens().authenticate(saved.get())
                .filter(t -> t.accountId().equals(account.id())).isPresent()) {
            return saved.get();
        }
        String value = paygo.tokens().create(account.id(),
                NewToken.allowing("demo (Billing Read)", account.id(), List.of(PermissionGroup.BILLING_READ)),
                new dev.paygo.auth.Principal.Operator("demo")).value();
        write(tokenFile, value);
        return value;
    }

    private static ProfileChange profile() {
        Map<String, Object> fields = Map.ofEntries(
                Map.entry("account_type", "business"),
                Map.entry("first_name", "Ada"), Map.entry("last_name", "Lovelace"),
                Map.entry("company", "Demo Corp"),
                Map.entry("address", "101 Townsend St"), Map.entry("city", "San Francisco"),
                Map.entry("state", "CA"), Map.entry("zipcode", "94107"), Map.entry("country", "US"),
                Map.entry("telephone", "+1 415 555 0100"), Map.entry("primary_email", "billing@demo.example"),
                Map.entry("payment_first_name", "Ada"), Map.entry("payment_last_name", "Lovelace"),
                Map.entry("payment_address", "101 Townsend St"), Map.entry("payment_city", "San Francisco"),
                Map.entry("payment_state", "CA"), Map.entry("payment_zipcode", "94107"),
                Map.entry("payment_country", "US"), Map.entry("payment_email", "ap@demo.example"),
                Map.entry("payment_gateway", "test"), Map.entry("vat", "US123456789"),
                Map.entry("tax_id_type", "us_ein"), Map.entry("is_partner", false), Map.entry("use_legacy", false));
        return new ProfileChange(fields, Set.of(), Optional.of("4242 4242 4242 4242"), false, Optional.of(12),
                Optional.of(2030));
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String value) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's permissions protect it
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the demo token to " + file, e);
        }
    }
}
