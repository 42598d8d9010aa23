package dev.paygo.client;

import dev.paygo.client.core.ClientCore;

/**
 * {@code client.billing()}: profiles, usage, billing history, unpaid invoices, bad debt, credits and rate plans, as
 * in Cloudflare's SDKs, and paygo's invoices and spend alerts. Thread-safe.
 */
public final class BillingService {
    private final ProfilesService profiles;
    private final UsageService usage;
    private final HistoryService history;
    private final UnpaidInvoiceService unpaidInvoice;
    private final BadDebtService badDebt;
    private final InvoicesService invoices;
    private final CreditsService credits;
    private final RatePlansService ratePlans;
    private final AlertsService alerts;

    BillingService(ClientCore core) {
        this.profiles = new ProfilesService(core);
        this.usage = new UsageService(core);
        this.history = new HistoryService(core);
        this.unpaidInvoice = new UnpaidInvoiceService(core);
        this.badDebt = new BadDebtService(core);
        this.invoices = new InvoicesService(core);
        this.credits = new CreditsService(core);
        this.ratePlans = new RatePlansService(core);
        this.alerts = new AlertsService(core);
    }

    public ProfilesService profiles() {
        return profiles;
    }

    public UsageService usage() {
        return usage;
    }

    public HistoryService history() {
        return history;
    }

    public UnpaidInvoiceService unpaidInvoice() {
        return unpaidInvoice;
    }

    public BadDebtService badDebt() {
        return badDebt;
    }

    public InvoicesService invoices() {
        return invoices;
    }

    public CreditsService credits() {
        return credits;
    }

    public RatePlansService ratePlans() {
        return ratePlans;
    }

    public AlertsService alerts() {
        return alerts;
    }
}
