package dev.paygo.reliability;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What a request could change in the database, summed up in one line: row counts and sums of every table a
 * write touches. Two equal fingerprints around a refused request mean it changed nothing.
 */
final class StateFingerprint {
    private static final String QUERY = "SELECT "
            + "(SELECT COUNT(*) FROM accounts) || '/' || (SELECT COUNT(*) FROM subscriptions) || '/' "
            + "|| (SELECT COUNT(*) FROM api_tokens) || '/' || (SELECT COUNT(*) FROM api_tokens WHERE revoked_at_ms IS NULL) "
            + "|| '/' || (SELECT COUNT(*) FROM billing_profiles) || '/' || (SELECT COALESCE(SUM(version), 0) FROM billing_profiles) "
            + "|| '/' || (SELECT COALESCE(SUM(LENGTH(fields_json)), 0) FROM billing_profiles) "
            + "|| '/' || (SELECT COUNT(*) FROM billing_profiles WHERE card_last4 IS NOT NULL) "
            + "|| '/' || (SELECT COUNT(*) FROM users) || '/' || (SELECT COUNT(*) FROM account_members) "
            + "|| '/' || (SELECT COUNT(*) FROM usage_events) || '/' || (SELECT COALESCE(SUM(quantity_units), 0) FROM usage_rollups) "
            + "|| '/' || (SELECT COALESCE(SUM(version), 0) FROM usage_versions) || '/' || (SELECT COUNT(*) FROM idempotency_keys) "
            + "|| '/' || (SELECT COUNT(*) FROM operator_tokens) "
            + "|| '/' || (SELECT COUNT(*) FROM invoices) || '/' || (SELECT COALESCE(SUM(paid_minor + attempts), 0) FROM invoices) "
            + "|| '/' || (SELECT COUNT(*) FROM invoices WHERE status = 'void') || '/' || (SELECT COUNT(*) FROM invoice_lines) "
            + "|| '/' || (SELECT COUNT(*) FROM payment_attempts) || '/' || (SELECT COUNT(*) FROM test_gateway_charges) "
            + "|| '/' || (SELECT COUNT(*) FROM subscription_fees) || '/' || (SELECT COUNT(end_day) FROM subscription_fees) "
            + "|| '/' || (SELECT COUNT(*) FROM setup_intents) || '/' || (SELECT COUNT(*) FROM setup_intents WHERE status = 'succeeded') "
            + "|| '/' || (SELECT COUNT(*) FROM billing_cursors) || '/' || (SELECT COUNT(*) FROM billed_amounts) "
            + "|| '/' || (SELECT COUNT(*) FROM credit_grants) || '/' || (SELECT COALESCE(SUM(remaining_minor), 0) "
            + "FROM credit_grants) || '/' || (SELECT COUNT(expired_early_ms) FROM credit_grants) "
            + "|| '/' || (SELECT COUNT(*) FROM credit_uses) || '/' || (SELECT COUNT(restored_at_ms) FROM credit_uses) "
            + "|| '/' || (SELECT COUNT(*) FROM spend_alerts) || '/' || (SELECT COUNT(*) FROM spend_alert_firings) "
            // Deliveries' attempts change in the background; endpoints and events change only with a request.
            + "|| '/' || (SELECT COUNT(*) FROM webhook_endpoints) || '/' || (SELECT COUNT(deleted_at_ms) FROM "
            + "webhook_endpoints) || '/' || (SELECT COUNT(*) FROM webhook_events) "
            + "|| '/' || (SELECT COALESCE(SUM(quantity_units), 0) FROM usage_allocations) "
            + "|| '/' || (SELECT COUNT(*) FROM zones) || '/' || (SELECT COALESCE(SUM(LENGTH(name)), 0) FROM zones) "
            + "|| '/' || (SELECT COUNT(*) FROM organizations) || '/' || (SELECT COUNT(*) FROM organization_members) "
            + "|| '/' || (SELECT COUNT(*) FROM billed_days)";

    private StateFingerprint() {
    }

    static String of(Jdbi jdbi) {
        List<String> row = jdbi.withHandle(h -> h.createQuery(QUERY).mapTo(String.class).list());
        return row.get(0);
    }
}
