package dev.paygo.console;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.error.PaygoException;
import dev.paygo.http.Responses;
import dev.paygo.invoice.Invoice;
import dev.paygo.invoice.InvoiceService;
import dev.paygo.invoice.UpcomingInvoice;
import dev.paygo.profile.ProfileService;
import io.javalin.http.Context;
import java.util.List;

/**
 * An account's invoices: the list, each invoice's page and PDF, and the hosted page ({@code hosted_invoice_url}):
 * that one invoice and its PDF to whoever has the link, without signing in, and nothing else.
 */
final class InvoicePages {
    private final Gate gate;
    private final Views views;
    private final InvoiceService invoices;
    private final ProfileService profiles;
    private final AccountService accounts;
    private final List<String> issuer;

    /** @param issuer the issuer's name and address lines, as invoices show them */
    InvoicePages(Gate gate, Views views, InvoiceService invoices, ProfileService profiles, AccountService accounts,
                 List<String> issuer) {
        this.gate = gate;
        this.views = views;
        this.invoices = invoices;
        this.profiles = profiles;
        this.accounts = accounts;
        this.issuer = issuer;
    }

    void list(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_READ);
        List<Models.InvoiceSummary> rows = invoices.listAll(account).stream().map(i -> new Models.InvoiceSummary(
                i.id(), i.number(), Fmt.period(i.periodStart(), i.periodEnd()), Fmt.time(i.issuedAt()),
                Fmt.money(i.total()), i.total().toWire(), i.status().wire(), InvoiceDocs.statusLabel(i.status())))
                .toList();
        UpcomingInvoice upcoming = invoices.upcoming(account);
        views.page(ctx, 200, "invoices.jte", new Models.Invoices(gate.chrome(who, account, "Invoices", "invoices",
                false), rows, Fmt.money(upcoming.total()), Fmt.period(upcoming.periodStart(), upcoming.periodEnd())));
    }

    void show(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_READ);
        Invoice invoice = invoice(ctx, account);
        Models.InvoiceDoc doc = doc(invoice, account);
        views.page(ctx, 200, "invoice.jte", new Models.InvoicePage(gate.chrome(who, account,
                "Invoice " + invoice.number(), "invoices", false), doc,
                "/accounts/" + account.id() + "/invoices/" + invoice.id() + "/pdf",
                invoices.hostedUrls(account, List.of(invoice)).get(invoice.id())));
    }

    void pdf(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_READ);
        sendPdf(ctx, doc(invoice(ctx, account), account));
    }

    /** {@code /invoice/{token}}: the hosted page. An unknown token gets the same 404 as a wrong path. */
    void hosted(Context ctx) {
        Models.InvoiceDoc doc = hostedInvoice(ctx);
        ctx.header("X-Robots-Tag", "noindex");
        views.page(ctx, 200, "invoice.jte", new Models.InvoicePage(null, doc,
                InvoiceService.HOSTED_PATH + ctx.pathParam("token") + "/pdf", null));
    }

    void hostedPdf(Context ctx) {
        sendPdf(ctx, hostedInvoice(ctx));
    }

    private Models.InvoiceDoc hostedInvoice(Context ctx) {
        Invoice invoice = invoices.findHosted(ctx.pathParam("token"))
                .orElseThrow(() -> ConsoleError.notFound("This invoice link"));
        Account account = accounts.find(invoice.accountId()).orElseThrow(() -> ConsoleError.notFound("This invoice link"));
        return doc(invoice, account);
    }

    private Invoice invoice(Context ctx, Account account) {
        try {
            return invoices.get(account, ctx.pathParam("invoice_id"));
        } catch (PaygoException e) {
            throw ConsoleError.notFound("The invoice " + ctx.pathParam("invoice_id"));
        }
    }

    private Models.InvoiceDoc doc(Invoice invoice, Account account) {
        return InvoiceDocs.of(invoice, account, profiles.find(account), issuer);
    }

    private static void sendPdf(Context ctx, Models.InvoiceDoc doc) {
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"" + doc.number() + ".pdf\"");
        ctx.result(InvoicePdf.render(doc));
        Responses.answered(ctx);
    }
}
