package dev.paygo.rating;

import dev.paygo.account.RequestAccount;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.account.Subscription;
import dev.paygo.http.AcceptEncoding;
import dev.paygo.http.Envelope;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * The usage endpoints: {@code /billing/usage/paygo} (the seed's record), {@code /paygo-usage} and
 * {@code /billable-usage} (the same records with the fields Cloudflare's newer SDKs type), and the usage-info
 * endpoints. All need Billing Read on the account.
 */
public final class UsageRecordsController {
    private final RatingService rating;
    private final AccountService accounts;
    private final Responses responses;
    private final RecordsCache cache = new RecordsCache();

    public UsageRecordsController(RatingService rating, AccountService accounts, Responses responses) {
        this.rating = rating;
        this.accounts = accounts;
        this.responses = responses;
    }

    public void paygo(Context ctx) {
        Account account = RequestAccount.of(ctx);
        answer(ctx, account, "seed", records -> records.stream().map(r -> SeedRecord.of(r, account)).toList());
    }

    public void billable(Context ctx) {
        Account account = RequestAccount.of(ctx);
        answer(ctx, account, "focus", records -> {
            String subscription = accounts.subscriptions(account.id()).stream().findFirst().map(Subscription::id)
                    .orElse(null);
            String provider = rating.provider();
            return records.stream().map(r -> FullRecord.of(r, account, subscription, provider)).toList();
        });
    }

    /** Rates (or finds the answer already rated at the account's current usage version) and answers. */
    private void answer(Context ctx, Account account, String shape, Function<List<UsageRecord>, List<?>> view) {
        UsageWindow window = rating.window(account, ctx::queryParam);
        long version = rating.usageVersion(account);
        RecordsCache.Key key = new RecordsCache.Key(account.id(), shape, window.from(), window.to());
        RecordsCache.Entry entry = cache.find(key, version).orElseGet(() -> cache.put(key, version,
                responses.encode(Envelope.ok(view.apply(rating.records(account, window))))));
        ctx.header("Vary", "Accept-Encoding");
        if (AcceptEncoding.allowsGzip(ctx.header("Accept-Encoding"))) {
            // Compressed once per cached answer instead of on every request.
            ctx.header("Content-Encoding", "gzip");
            responses.writeJson(ctx, 200, entry.gzip());
        } else {
            responses.writeJson(ctx, 200, entry.body());
        }
    }

    public void info(Context ctx) {
        List<Subscription> subscriptions = accounts.subscriptions(RequestAccount.of(ctx).id());
        boolean covered = subscriptions.stream().anyMatch(s -> s.end().isEmpty());
        responses.ok(ctx, new Info(covered, subscriptions.stream()
                .map(s -> new SubscriptionView(s.id(), s.billingCycleAnchor(), s.start(), s.end().orElse(null)))
                .toList()));
    }

    static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The record of the seed's {@code UsagePaygoResponseItem}: what {@code /billing/usage/paygo} answers. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SeedRecord(@JsonProperty("BillingCurrency") String billingCurrency,
                      @JsonProperty("BillingPeriodStart") Instant billingPeriodStart,
                      @JsonProperty("ChargePeriodStart") Instant chargePeriodStart,
                      @JsonProperty("ChargePeriodEnd") Instant chargePeriodEnd,
                      @JsonProperty("ConsumedQuantity") BigDecimal consumedQuantity,
                      @JsonProperty("ConsumedUnit") String consumedUnit,
                      @JsonProperty("PricingQuantity") BigDecimal pricingQuantity,
                      @JsonProperty("CumulatedPricingQuantity") BigDecimal cumulatedPricingQuantity,
                      @JsonProperty("ContractedCost") BigDecimal contractedCost,
                      @JsonProperty("CumulatedContractedCost") BigDecimal cumulatedContractedCost,
                      @JsonProperty("ServiceName") String serviceName) {
        public static SeedRecord of(UsageRecord r, Account account) {
            return new SeedRecord(r.contractedCost().currencyCode(), midnight(r.billingPeriodStart()),
                    midnight(r.chargePeriodStart()), midnight(r.chargePeriodEnd()), r.consumedQuantity(),
                    r.consumedUnit(), r.pricingQuantity(), r.cumulatedPricingQuantity(), r.contractedCost().amount(),
                    r.cumulatedContractedCost().amount(), r.serviceName());
        }
    }

    /** The record with the FOCUS fields of Cloudflare's SDK 7.x {@code getAccountUsageV1}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FullRecord(@JsonProperty("BilledCost") BigDecimal billedCost,
                      @JsonProperty("BillingAccountId") String billingAccountId,
                      @JsonProperty("BillingAccountName") String billingAccountName,
                      @JsonProperty("BillingCurrency") String billingCurrency,
                      @JsonProperty("BillingPeriodStart") Instant billingPeriodStart,
                      @JsonProperty("ChargeCategory") String chargeCategory,
                      @JsonProperty("ChargeClass") String chargeClass,
                      @JsonProperty("ChargeDescription") String chargeDescription,
                      @JsonProperty("ChargePeriodStart") Instant chargePeriodStart,
                      @JsonProperty("ChargePeriodEnd") Instant chargePeriodEnd,
                      @JsonProperty("ConsumedQuantity") BigDecimal consumedQuantity,
                      @JsonProperty("ConsumedUnit") String consumedUnit,
                      @JsonProperty("ContractedCost") BigDecimal contractedCost,
                      @JsonProperty("CumulatedContractedCost") BigDecimal cumulatedContractedCost,
                      @JsonProperty("CumulatedPricingQuantity") BigDecimal cumulatedPricingQuantity,
                      @JsonProperty("EffectiveCost") BigDecimal effectiveCost,
                      @JsonProperty("HostProviderName") String hostProviderName,
                      @JsonProperty("InvoiceIssuerName") String invoiceIssuerName,
                      @JsonProperty("ListCost") BigDecimal listCost,
                      @JsonProperty("PricingQuantity") BigDecimal pricingQuantity,
                      @JsonProperty("PricingUnit") String pricingUnit,
                      @JsonProperty("ServiceName") String serviceName,
                      @JsonProperty("ServiceFamilyName") String serviceFamilyName,
                      @JsonProperty("ServiceProviderName") String serviceProviderName,
                      @JsonProperty("SubscriptionId") String subscriptionId,
                      @JsonProperty("ZoneId") String zoneId,
                      @JsonProperty("ZoneName") String zoneName) {
        static FullRecord of(UsageRecord r, Account account, String subscriptionId, String provider) {
            // List prices are the contracted prices: paygo applies no discounts or credits.
            BigDecimal cost = r.contractedCost().amount();
            return new FullRecord(cost, account.id(), account.name(), r.contractedCost().currencyCode(),
                    midnight(r.billingPeriodStart()), "Usage", null, r.serviceName() + " (" + r.metric() + ")",
                    midnight(r.chargePeriodStart()), midnight(r.chargePeriodEnd()), r.consumedQuantity(),
                    r.consumedUnit(), cost, r.cumulatedContractedCost().amount(), r.cumulatedPricingQuantity(),
                    cost, provider, provider, cost, r.pricingQuantity(), r.pricingUnit(),
                    r.serviceName(), r.serviceFamilyName(), provider, subscriptionId, null, null);
        }
    }

    /** A subscription on the usage-info endpoints. */
    record SubscriptionView(String id, Instant billingCycleAnchorTimestamp, Instant startTimestamp,
                            Instant endTimestamp) {
    }

    /** The answer of the usage-info endpoints. */
    record Info(boolean covered, List<SubscriptionView> subscriptions) {
    }
}
