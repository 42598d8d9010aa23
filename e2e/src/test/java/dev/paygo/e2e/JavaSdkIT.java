package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.client.Page;
import dev.paygo.client.PaygoClient;
import dev.paygo.client.errors.BadRequestException;
import dev.paygo.client.errors.PermissionDeniedException;
import dev.paygo.client.models.Account;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.ProfileGetParams;
import dev.paygo.client.models.ProfileGetResponse;
import dev.paygo.client.models.ProfileUpdateParams;
import dev.paygo.client.models.Token;
import dev.paygo.client.models.TokenCreateParams;
import dev.paygo.client.models.UsageEvent;
import dev.paygo.client.models.UsageIngestParams;
import dev.paygo.client.models.UsageIngestResponse;
import dev.paygo.client.models.UsagePaygoParams;
import dev.paygo.client.models.UsagePaygoResponseItem;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** paygo's Java SDK driving a real paygo, every resource, on the backend under test. */
class JavaSdkIT {
    private static final MutableClock CLOCK = MutableClock.at("2025-03-03T12:00:00Z");
    private static TestServer server;
    private static PaygoClient operator;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        operator = PaygoClient.builder().baseUrl(server.checkedBaseUrl()).apiToken(TestServer.OPERATOR_TOKEN).build();
    }

    @AfterAll
    static void stop() {
        operator.close();
        server.close();
    }

    private static PaygoClient as(String token) {
        return PaygoClient.builder().baseUrl(server.checkedBaseUrl()).apiToken(token).build();
    }

    private static Account newAccount(String name) {
        return operator.accounts().create(AccountParams.Create.of(name)
                .withBillingCycleAnchor(OffsetDateTime.parse("2025-02-01T00:00:00Z")));
    }

    private static String token(Account account, PermissionGroup... groups) {
        TokenCreateParams.Builder params = TokenCreateParams.builder().accountId(account.id()).name("sdk");
        params.allow(java.util.Arrays.stream(groups).map(PermissionGroup::id).toArray(String[]::new));
        return operator.tokens().create(params.build()).value().orElseThrow();
    }

    /** What a user writes: a profile and a month of usage in a handful of lines. */
    record ProfileAndMonth(ProfileGetResponse profile, List<UsagePaygoResponseItem> month) {
    }

    static ProfileAndMonth tenLineProgram(String baseUrl, String token, String accountId) {
        try (PaygoClient client = PaygoClient.builder().baseUrl(baseUrl).apiToken(token).build()) {
            ProfileGetResponse profile = client.billing().profiles().get(
                    ProfileGetParams.builder().accountId(accountId).build());
            List<UsagePaygoResponseItem> month = client.billing().usage().paygo(UsagePaygoParams.builder()
                    .accountId(accountId).lastYearPeriodStart(2025).lastMonthPeriodStart(2).build());
            return new ProfileAndMonth(profile, month);
        }
    }

    @Test
    void aShortProgramReadsAProfileAndAMonthOfUsage() {
        Account account = newAccount("Ten lines");
        operator.billing().profiles().update(ProfileUpdateParams.builder().accountId(account.id())
                .fields(ProfileGetResponse.builder().company("Ten Lines Ltd").cardNumber("4242424242424242")
                        .cardExpiryMonth(1).cardExpiryYear(2030).build()).build());
        List<UsageEvent> events = new ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            events.add(UsageEvent.builder().id("d" + day).metric("workers.requests").quantity(new BigDecimal("600000"))
                    .timestamp(OffsetDateTime.parse("2025-02-%02dT08:00:00Z".formatted(day))).build());
        }
        String writer = token(account, PermissionGroup.USAGE_WRITE);
        try (PaygoClient producer = as(writer)) {
            producer.billing().usage().ingest(UsageIngestParams.builder().accountId(account.id()).events(events).build());
        }
        ProfileAndMonth read = tenLineProgram(server.checkedBaseUrl(), token(account, PermissionGroup.BILLING_READ),
                account.id());
        assertThat(read.profile().company()).contains("Ten Lines Ltd");
        assertThat(read.profile().cardNumber()).contains("XXXX-XXXX-XXXX-4242");
        List<UsagePaygoResponseItem> month = read.month();
        assertThat(month).hasSize(28);
        UsagePaygoResponseItem last = month.get(27);
        assertThat(last.cumulatedPricingQuantity()).isEqualByComparingTo("16800000");
        assertThat(last.cumulatedContractedCost()).isEqualByComparingTo("2.04");
        assertThat(last.billingPeriodStart()).isEqualTo(OffsetDateTime.parse("2025-02-01T00:00:00Z"));
        BigDecimal daily = month.stream().map(UsagePaygoResponseItem::contractedCost).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertThat(daily).isEqualByComparingTo(last.cumulatedContractedCost());
    }

    @Test
    void accountsAreCreatedReadAndListedAcrossPages() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newAccount("Paged " + i).id());
        }
        Page<Account> first = operator.accounts().list(PageParams.first(2));
        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNextPage()).isTrue();
        List<String> all = new ArrayList<>();
        first.autoPager().forEach(a -> all.add(a.id()));
        assertThat(all).containsAll(created).doesNotHaveDuplicates();
        assertThat((long) all.size()).isEqualTo(first.totalCount());
        Account one = operator.accounts().get(AccountParams.of(created.get(0)));
        assertThat(one.name()).isEqualTo("Paged 0");
        assertThat(one.billingCurrency()).isEqualTo("USD");
    }

    @Test
    void tokensAreCreatedListedVerifiedAndRevoked() {
        Account account = newAccount("Tokens");
        Token token = operator.tokens().create(TokenCreateParams.builder().accountId(account.id()).name("reader")
                .allow(PermissionGroup.BILLING_READ.id()).build());
        String value = token.value().orElseThrow();
        assertThat(token.policies().get(0).permissionGroups().get(0).name()).contains("Billing Read");
        assertThat(token.policies().get(0).resources()).containsEntry("com.cloudflare.api.account." + account.id(), "*");
        try (PaygoClient reader = as(value)) {
            assertThat(reader.tokens().verify().status()).isEqualTo("active");
            assertThat(reader.tokens().verify(AccountParams.of(account.id())).id()).isEqualTo(token.id());
        }
        List<Token> listed = new ArrayList<>();
        operator.tokens().list(AccountParams.of(account.id()), PageParams.first(100)).autoPager().forEach(listed::add);
        assertThat(listed).extracting(Token::id).contains(token.id());
        assertThat(listed).allSatisfy(t -> assertThat(t.value()).isEmpty());
        CLOCK.advance(Duration.ofSeconds(1));  // issued a second later
        Token newer;
        try {
            newer = operator.tokens().create(TokenCreateParams.builder().accountId(account.id()).name("newer")
                    .allow(PermissionGroup.BILLING_READ.id()).build());
        } finally {
            CLOCK.advance(Duration.ofSeconds(-1));
        }
        List<Token> newestFirst = new ArrayList<>();
        operator.tokens().list(AccountParams.of(account.id()), PageParams.first(1), true, true).autoPager()
                .forEach(newestFirst::add);
        assertThat(newestFirst).extracting(Token::id).containsExactly(newer.id(), token.id());
        operator.tokens().revoke(AccountParams.of(account.id()), token.id());
        try (PaygoClient revoked = as(value)) {
            assertThatThrownBy(() -> revoked.billing().profiles().get(ProfileGetParams.builder()
                    .accountId(account.id()).build())).isInstanceOf(PermissionDeniedException.class)
                    .satisfies(e -> assertThat(((PermissionDeniedException) e).code()).isEqualTo(9109));
        }
    }

    @Test
    void profilesAreMergedReplacedAndValidated() {
        Account account = newAccount("Profiles");
        String writer = token(account, PermissionGroup.BILLING_WRITE);
        try (PaygoClient client = as(writer)) {
            ProfileUpdateParams merge = ProfileUpdateParams.builder().accountId(account.id())
                    .fields(ProfileGetResponse.builder().firstName("Ada").country("GB").build()).build();
            assertThat(client.billing().profiles().update(merge).firstName()).contains("Ada");
            ProfileGetResponse merged = client.billing().profiles().update(merge.toBuilder()
                    .fields(ProfileGetResponse.builder().company("Engines").build()).build());
            assertThat(merged.firstName()).contains("Ada");
            assertThat(merged.company()).contains("Engines");
            ProfileGetResponse replaced = client.billing().profiles().update(merge.toBuilder()
                    .fields(ProfileGetResponse.builder().company("Only").build()).replace(true).build());
            assertThat(replaced.firstName()).isEmpty();
            assertThat(replaced.balance()).contains("0.00");
            assertThat(replaced.nextBillDate()).contains(OffsetDateTime.parse("2025-04-01T00:00:00Z"));
            assertThatThrownBy(() -> client.billing().profiles().update(merge.toBuilder()
                    .fields(ProfileGetResponse.builder().country("Atlantis").build()).build()))
                    .isInstanceOf(BadRequestException.class)
                    .satisfies(e -> {
                        BadRequestException bad = (BadRequestException) e;
                        assertThat(bad.code()).isEqualTo(1183);
                        assertThat(bad.errors().get(0).pointer()).contains("/country");
                    });
        }
    }

    @Test
    void usageIsIngestedAsJsonAndCloudEventsAndReadBack() {
        Account account = newAccount("Usage");
        String writer = token(account, PermissionGroup.USAGE_WRITE);
        UsageEvent event = UsageEvent.builder().id("u1").accountId(account.id()).metric("kv.keys_read")
                .quantity(new BigDecimal("2500")).timestamp(OffsetDateTime.parse("2025-03-01T10:00:00Z")).build();
        try (PaygoClient producer = as(writer)) {
            UsageIngestResponse json = producer.billing().usage().ingest(UsageIngestParams.builder()
                    .addEvent(event).build());
            assertThat(json.accepted()).isEqualTo(1);
            UsageIngestResponse again = producer.billing().usage().ingest(UsageIngestParams.builder()
                    .addEvent(event).build());
            assertThat(again.duplicates()).isEqualTo(1);
            UsageIngestResponse cloud = producer.async().billing().usage().ingest(UsageIngestParams.builder()
                    .accountId(account.id()).format(UsageIngestParams.Format.CLOUDEVENTS)
                    .addEvent(event.toBuilder().id("u2").accountId(null).build()).build()).join();
            assertThat(cloud.accepted()).isEqualTo(1);
        }
        try (PaygoClient reader = as(token(account, PermissionGroup.BILLING_READ))) {
            List<UsagePaygoResponseItem> records = reader.billing().usage().paygo(UsagePaygoParams.builder()
                    .accountId(account.id()).from(LocalDate.parse("2025-03-01")).to(LocalDate.parse("2025-03-01"))
                    .build());
            assertThat(records).hasSize(1);
            assertThat(records.get(0).consumedQuantity()).isEqualByComparingTo("5000");
            assertThat(records.get(0).serviceName()).isEqualTo("Workers KV Keys read");
            UsagePaygoResponseItem focus = reader.async().billing().usage().billable(UsagePaygoParams.builder()
                    .accountId(account.id()).from(LocalDate.parse("2025-03-01")).to(LocalDate.parse("2025-03-01"))
                    .build()).join().get(0);
            assertThat(focus.serviceFamilyName()).contains("Workers KV");
            assertThat(focus.billingAccountId()).contains(account.id());
            assertThat(focus.pricingUnit()).contains("key read");
            assertThat(focus.billedCost()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0"));
            var info = reader.billing().usage().paygoInfo(AccountParams.of(account.id()));
            assertThat(info.covered()).isTrue();
            assertThat(info.subscriptions().get(0).billingCycleAnchorTimestamp())
                    .contains(OffsetDateTime.parse("2025-02-01T00:00:00Z"));
            assertThat(reader.catalog().get().metrics()).extracting(m -> m.id()).contains("kv.keys_read");
        }
    }

    @Test
    void errorsArriveAsTheirExceptions() {
        Account mine = newAccount("Mine");
        Account theirs = newAccount("Theirs");
        try (PaygoClient reader = as(token(mine, PermissionGroup.BILLING_READ))) {
            assertThatThrownBy(() -> reader.billing().profiles().get(ProfileGetParams.builder()
                    .accountId(theirs.id()).build())).isInstanceOf(PermissionDeniedException.class)
                    .satisfies(e -> assertThat(((PermissionDeniedException) e).code()).isEqualTo(10000));
        }
        try (PaygoClient anonymous = PaygoClient.builder().baseUrl(server.checkedBaseUrl()).build()) {
            assertThatThrownBy(() -> anonymous.billing().profiles().get(ProfileGetParams.builder()
                    .accountId(mine.id()).build())).isInstanceOf(BadRequestException.class)
                    .satisfies(e -> assertThat(((BadRequestException) e).code()).isEqualTo(9106));
        }
    }
}
