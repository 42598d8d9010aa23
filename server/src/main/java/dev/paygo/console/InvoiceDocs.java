package dev.paygo.console;

import dev.paygo.account.Account;
import dev.paygo.invoice.Invoice;
import dev.paygo.invoice.InvoiceLine;
import dev.paygo.invoice.InvoiceStatus;
import dev.paygo.money.Money;
import dev.paygo.profile.BillingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An invoice as a document ({@link Models.InvoiceDoc}): the values its page, its hosted page and its PDF show,
 * taken once from the stored invoice (the API's numbers) and the account's billing profile.
 */
final class InvoiceDocs {
    private InvoiceDocs() {
    }

    static Models.InvoiceDoc of(Invoice invoice, Account account, Optional<BillingProfile> profile,
                                List<String> issuer) {
        List<Models.Line> lines = invoice.lines().stream().map(InvoiceDocs::line).toList();
        Money subtotal = invoice.total().plus(invoice.credits());
        return new Models.InvoiceDoc(invoice.id(), invoice.number(), invoice.status().wire(),
                statusLabel(invoice.status()), Fmt.period(invoice.periodStart(), invoice.periodEnd()),
                Fmt.time(invoice.issuedAt()), invoice.settledAt().map(Fmt::time).orElse(null), issuer,
                customer(account, profile), lines, Fmt.money(subtotal),
                Fmt.money(invoice.credits().negate()), Fmt.money(invoice.total()), Fmt.money(invoice.paid()),
                Fmt.money(invoice.due()), invoice.total().currencyCode());
    }

    static String statusLabel(InvoiceStatus status) {
        String wire = status.wire().replace('_', ' ');
        return Character.toUpperCase(wire.charAt(0)) + wire.substring(1);
    }

    private static Models.Line line(InvoiceLine l) {
        return new Models.Line(l.description(), l.quantity().map(Fmt::quantity).orElse(null), l.unit().orElse(null),
                Fmt.period(l.periodStart(), l.periodEnd()), Fmt.money(l.amount()));
    }

    /** The customer's name, address, email and tax id from the profile; the account's name without one. */
    private static List<String> customer(Account account, Optional<BillingProfile> profile) {
        List<String> out = new ArrayList<>();
        Map<String, Object> f = profile.map(BillingProfile::fields).orElse(Map.of());
        String person = joined(" ", f.get("first_name"), f.get("last_name"));
        String company = text(f.get("company"));
        out.add(!company.isEmpty() ? company : !person.isEmpty() ? person : account.name());
        if (!company.isEmpty() && !person.isEmpty()) {
            out.add("Attn. " + person);
        }
        String region = joined(" ", f.get("state"), f.get("zipcode"));
        Stream.of(text(f.get("address")), text(f.get("address2")),
                        Stream.of(text(f.get("city")), region).filter(s -> !s.isEmpty()).collect(Collectors.joining(", ")),
                        text(f.get("country")), text(f.get("billing_email")))
                .filter(s -> !s.isEmpty()).forEach(out::add);
        String vat = text(f.get("vat"));
        if (!vat.isEmpty()) {
            out.add("Tax id: " + vat);
        }
        out.add("Account " + account.id());
        return out;
    }

    private static String joined(String separator, Object... parts) {
        return Stream.of(parts).map(InvoiceDocs::text).filter(s -> !s.isEmpty()).collect(Collectors.joining(separator));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
