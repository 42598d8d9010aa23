package dev.paygo.catalog;

import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

/**
 * {@code GET /billing/rate_plans} (the public keys) and {@code GET /billing/rate_plans/{public_key}}
 * ({@code billing.ratePlans.get} of {@code cloudflare@7.3.0}): the catalog's priced metrics of a product family,
 * with the price version in force today, in the catalog's first currency or the one {@code ?currency=} names.
 * Prices are JSON numbers, as in {@code GET /billing/catalog}.
 */
public final class RatePlanController {
    private final CatalogService catalog;
    private final Clock clock;
    private final Responses responses;

    public RatePlanController(CatalogService catalog, Clock clock, Responses responses) {
        this.catalog = catalog;
        this.clock = clock;
        this.responses = responses;
    }

    public void list(Context ctx) {
        responses.ok(ctx, RatePlan.of(catalog.catalog(), today()).values().stream()
                .map(p -> new KeyView(p.id(), p.publicKey(), p.publicName(), p.components().size())).toList());
    }

    public void get(Context ctx) {
        Catalog c = catalog.catalog();
        Currency currency = currency(ctx, c);
        String key = ctx.pathParam("public_key");
        RatePlan plan = RatePlan.find(c, today(), key)
                .orElseThrow(() -> PaygoException.notFound("/billing/rate_plans/" + key));
        responses.ok(ctx, new PlanView(plan.id(), plan.publicName(), currency.getCurrencyCode(),
                plan.components().stream().map(component -> view(component, currency)).toList()));
    }

    private static Currency currency(Context ctx, Catalog c) {
        String code = ctx.queryParam("currency");
        if (code == null) {
            return c.primaryCurrency();
        }
        Currency currency = c.currencies().stream().filter(x -> x.getCurrencyCode().equals(code)).findFirst()
                .orElse(null);
        if (currency == null) {
            Problems problems = new Problems();
            problems.addQuery("currency", "must be a currency the catalog prices in: " + String.join(", ",
                    c.currencies().stream().map(Currency::getCurrencyCode).toList()));
            problems.throwIfAny();
        }
        return currency;
    }

    private static ComponentView view(RatePlan.Component component, Currency currency) {
        Metric m = component.metric();
        PriceVersion v = component.version();
        return new ComponentView(m.id(), m.name(), m.consumedUnit(), m.pricingUnit(), m.pricingUnitSize(),
                v.included(), v.includedScope().wire(), v.blockSize(), v.blockRounding().wire(), v.effectiveFrom(),
                v.tiers().stream().map(t -> new TierView(t.upTo().orElse(null), t.price(currency))).toList());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    record KeyView(String id, String publicKey, String publicName, int components) {
    }

    /** {@code RatePlanGetResponse}: {@code id} is the upper-case public key. */
    record PlanView(String id, String publicName, String currency, List<ComponentView> components) {
    }

    /**
     * One priced metric: {@code included} pricing units free per {@code included_scope}, then each block of
     * {@code block_size} pricing units costs the price of its tier ({@code up_to} pricing units; the last tier
     * has none).
     */
    record ComponentView(String metric, String name, String consumedUnit, String pricingUnit,
                         BigDecimal pricingUnitSize, BigDecimal included, String includedScope, BigDecimal blockSize,
                         String blockRounding, LocalDate effectiveFrom, List<TierView> tiers) {
    }

    record TierView(BigDecimal upTo, BigDecimal price) {
    }
}
