package dev.paygo;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;

import dev.paygo.account.AccountController;
import dev.paygo.alert.AlertController;
import dev.paygo.apidoc.ApiDocController;
import dev.paygo.auth.TokenController;
import dev.paygo.auth.UserController;
import dev.paygo.catalog.CatalogController;
import dev.paygo.catalog.RatePlanController;
import dev.paygo.credit.CreditController;
import dev.paygo.focus.FocusController;
import dev.paygo.routing.Access;
import dev.paygo.org.OrganizationController;
import dev.paygo.zone.ZoneController;
import dev.paygo.http.HealthController;
import dev.paygo.routing.RouteTable;
import dev.paygo.invoice.BillingHistoryController;
import dev.paygo.invoice.FeeController;
import dev.paygo.invoice.InvoiceController;
import dev.paygo.notify.WebhookController;
import dev.paygo.profile.ProfileController;
import dev.paygo.rating.UsageRecordsController;
import dev.paygo.usage.UsageController;

/**
 * The whole API of paygo, in one table. API routes live under {@code /client/v4}. Every route here is described in
 * {@code openapi/paygo.yaml} (the contract, served at {@code /client/v4/openapi.json}), and the other way round: the
 * contract tests fail when the two differ, so a new route goes into the document in the same commit. The web console's pages (HTML with
 * sessions and forms, not the API's envelope and credentials) are listed in their own table,
 * {@link dev.paygo.console.Console#install}.
 */
final class Routes {
    static final String BASE_PATH = "/client/v4";

    private Routes() {
    }

    static RouteTable table(HealthController health, AccountController accounts, TokenController tokens,
                            UserController users, ProfileController profiles, CatalogController catalog,
                            UsageController usage, UsageRecordsController records, InvoiceController invoices,
                            BillingHistoryController history, FeeController fees, CreditController credits,
                            RatePlanController ratePlans, AlertController alerts, WebhookController webhooks,
                            FocusController focus, OrganizationController organizations, ZoneController zones,
                            ApiDocController apiDoc) {
        return new RouteTable(BASE_PATH)
            .root("GET", "/healthz", health::health)
            .root("GET", "/readyz", health::ready)
            .root("GET", "/metrics", health::metrics)
            .get("/openapi.json", Access.publicRoute(), apiDoc::json)
            .get("/openapi.yaml", Access.publicRoute(), apiDoc::yaml)

            .post("/accounts", Access.operator(), accounts::create)
            .get("/accounts", Access.operator(), accounts::list)
            .get("/accounts/{account_id}", Access.account(BILLING_READ), accounts::get)

            .get("/accounts/{account_id}/billing/profile", Access.account(BILLING_READ), profiles::get)
            .put("/accounts/{account_id}/billing/profile", Access.account(BILLING_WRITE), profiles::put)
            .patch("/accounts/{account_id}/billing/profile", Access.account(BILLING_WRITE), profiles::patch)
            .post("/accounts/{account_id}/billing/profile", Access.account(BILLING_WRITE), profiles::create)
            .delete("/accounts/{account_id}/billing/profile", Access.account(BILLING_WRITE), profiles::delete)
            .post("/accounts/{account_id}/billing/profile/payment-method", Access.account(BILLING_WRITE),
                    profiles::createPaymentMethod)
            .post("/accounts/{account_id}/billing/profile/payment-method/confirm", Access.account(BILLING_WRITE),
                    profiles::confirmPaymentMethod)

            .get("/accounts/{account_id}/billing/history", Access.account(BILLING_READ), history::history)
            .get("/accounts/{account_id}/billing/unpaid-invoice", Access.account(BILLING_READ), history::unpaidInvoice)
            .get("/accounts/{account_id}/billing/bad-debt", Access.account(BILLING_READ), history::badDebt)

            .get("/accounts/{account_id}/invoices", Access.account(BILLING_READ), invoices::list)
            .get("/accounts/{account_id}/invoices/upcoming", Access.account(BILLING_READ), invoices::upcoming)
            .get("/accounts/{account_id}/invoices/{invoice_id}", Access.account(BILLING_READ), invoices::get)
            .post("/accounts/{account_id}/invoices/{invoice_id}/payments", Access.operator(), invoices::recordPayment)
            .post("/accounts/{account_id}/invoices/{invoice_id}/void", Access.operator(), invoices::voidInvoice)
            .post("/billing/runs", Access.operator(), invoices::run)

            .get("/accounts/{account_id}/billing/credits", Access.account(BILLING_READ), credits::summary)
            .post("/accounts/{account_id}/credits", Access.operator(), credits::grant)
            .get("/accounts/{account_id}/credits", Access.account(BILLING_READ), credits::list)
            .post("/accounts/{account_id}/credits/{credit_id}/expire", Access.operator(), credits::expire)

            .post("/accounts/{account_id}/billing/alerts", Access.account(BILLING_WRITE), alerts::create)
            .get("/accounts/{account_id}/billing/alerts", Access.account(BILLING_READ), alerts::list)
            .delete("/accounts/{account_id}/billing/alerts/{alert_id}", Access.account(BILLING_WRITE), alerts::delete)

            .post("/webhooks", Access.operator(), webhooks::create)
            .get("/webhooks", Access.operator(), webhooks::list)
            .get("/webhooks/{webhook_id}", Access.operator(), webhooks::get)
            .delete("/webhooks/{webhook_id}", Access.operator(), webhooks::delete)
            .get("/webhooks/{webhook_id}/deliveries", Access.operator(), webhooks::deliveries)
            .post("/webhooks/{webhook_id}/deliveries/{delivery_id}/retry", Access.operator(), webhooks::retry)

            .get("/accounts/{account_id}/subscription-fees", Access.account(BILLING_READ), fees::list)
            .put("/accounts/{account_id}/subscription-fees/{fee_id}", Access.operator(), fees::hold)
            .delete("/accounts/{account_id}/subscription-fees/{fee_id}", Access.operator(), fees::end)

            .get("/accounts/{account_id}/billing/usage/paygo", Access.account(BILLING_READ), records::paygo)
            .get("/accounts/{account_id}/paygo-usage", Access.account(BILLING_READ), records::billable)
            .get("/accounts/{account_id}/billable-usage", Access.account(BILLING_READ), records::billable)
            .get("/accounts/{account_id}/paygo-usage-info", Access.account(BILLING_READ), records::info)
            .get("/accounts/{account_id}/billable-usage/info", Access.account(BILLING_READ), records::info)
            .get("/accounts/{account_id}/billable/usage", Access.account(BILLING_READ), focus::account)
            .get("/accounts/{account_id}/billable/usage/export", Access.account(BILLING_READ), focus::exportAccount)
            .get("/accounts/{account_id}/zones", Access.account(BILLING_READ), zones::list)
            .put("/accounts/{account_id}/zones/{zone_id}", Access.account(BILLING_WRITE), zones::put)

            .post("/organizations", Access.operator(), organizations::create)
            .get("/organizations", Access.operator(), organizations::list)
            .get("/organizations/{organization_id}", Access.organization(BILLING_READ), organizations::get)
            .put("/organizations/{organization_id}/accounts/{account_id}", Access.operator(),
                    organizations::addAccount)
            .delete("/organizations/{organization_id}/accounts/{account_id}", Access.operator(),
                    organizations::removeAccount)
            .post("/organizations/{organization_id}/tokens", Access.operator(), organizations::createToken)
            .get("/organizations/{organization_id}/tokens", Access.operator(), organizations::listTokens)
            .delete("/organizations/{organization_id}/tokens/{token_id}", Access.operator(),
                    organizations::revokeToken)
            .get("/organizations/{organization_id}/billable/usage", Access.organization(BILLING_READ),
                    focus::organization)
            .get("/organizations/{organization_id}/billable/usage/export", Access.organization(BILLING_READ),
                    focus::exportOrganization)

            .get("/billing/catalog", Access.authenticated(), catalog::get)
            .get("/billing/rate_plans", Access.authenticated(), ratePlans::list)
            .get("/billing/rate_plans/{public_key}", Access.authenticated(), ratePlans::get)

            .postIdempotentByItself("/accounts/{account_id}/usage/events", Access.account(USAGE_WRITE),
                    usage::ingestForAccount)
            .postIdempotentByItself("/usage/events", Access.accountsInBody(USAGE_WRITE), usage::ingest)

            .get("/user/tokens/verify", Access.tokenItself(), tokens::verifyUserToken)
            .get("/accounts/{account_id}/tokens/verify", Access.tokenItself(), tokens::verifyAccountToken)
            .post("/accounts/{account_id}/tokens", Access.account(BILLING_WRITE), tokens::create)
            .get("/accounts/{account_id}/tokens", Access.account(BILLING_WRITE, BILLING_READ), tokens::list)
            .delete("/accounts/{account_id}/tokens/{token_id}", Access.account(BILLING_WRITE), tokens::revoke)

            .post("/users", Access.operator(), users::create)
            .post("/accounts/{account_id}/members", Access.operator(), users::addMember)
            .get("/accounts/{account_id}/members", Access.operator(), users::listMembers)
            .delete("/accounts/{account_id}/members/{user_id}", Access.operator(), users::removeMember);
    }
}
