package dev.paygo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygo.client.errors.AuthenticationException;
import dev.paygo.client.errors.BadRequestException;
import dev.paygo.client.errors.ConflictException;
import dev.paygo.client.errors.InternalServerException;
import dev.paygo.client.errors.NotFoundException;
import dev.paygo.client.errors.PaygoInvalidDataException;
import dev.paygo.client.errors.PaygoIoException;
import dev.paygo.client.errors.PaygoServiceException;
import dev.paygo.client.errors.PayloadTooLargeException;
import dev.paygo.client.errors.PermissionDeniedException;
import dev.paygo.client.errors.RateLimitException;
import dev.paygo.client.errors.UnexpectedStatusCodeException;
import dev.paygo.client.errors.UnprocessableEntityException;
import dev.paygo.client.models.ProfileGetParams;
import dev.paygo.client.models.ProfileGetResponse;
import dev.paygo.client.models.UsageEvent;
import dev.paygo.client.models.UsageIngestParams;
import dev.paygo.client.models.UsagePaygoParams;
import dev.paygo.client.models.UsagePaygoResponseItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK against a scripted server: headers, paths, retries, error mapping, tolerance of new fields. */
class PaygoClientTest {
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private final StubServer stub = new StubServer();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        stub.close();
    }

    private PaygoClient client() {
        return PaygoClient.builder().baseUrl(stub.baseUrl()).apiToken("tok-123").sleeper(sleeps::add).build();
    }

    private ProfileGetResponse getProfile(PaygoClient client) {
        return client.billing().profiles().get(ProfileGetParams.builder().accountId(ACCOUNT).build());
    }

    @Test
    void sendsCloudflaresPathsQueryNamesAndAuthHeaders() {
        stub.ok("[]");
        try (PaygoClient client = client()) {
            client.billing().usage().paygo(UsagePaygoParams.builder().accountId(ACCOUNT)
                    .from(LocalDate.parse("2025-02-01")).to(LocalDate.parse("2025-02-28")).build());
        }
        StubServer.Recorded request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery())
                .isEqualTo("/client/v4/accounts/" + ACCOUNT + "/billing/usage/paygo?from=2025-02-01&to=2025-02-28");
        assertThat(request.header("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(request.header("User-Agent")).startsWith("paygo-java/");
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void globalKeyIsSentAsXAuthEmailAndKey() {
        stub.ok("{}");
        try (PaygoClient client = PaygoClient.builder().baseUrl(stub.baseUrl()).apiEmail("a@example.com")
                .apiKey("0123456789abcdef0123456789abcdef01234").putHeader("X-Extra", "1").build()) {
            getProfile(client);
        }
        StubServer.Recorded request = stub.requests().get(0);
        assertThat(request.pathAndQuery()).isEqualTo("/client/v4/accounts/" + ACCOUNT + "/billing/profile");
        assertThat(request.header("X-Auth-Email")).isEqualTo("a@example.com");
        assertThat(request.header("X-Auth-Key")).isEqualTo("0123456789abcdef0123456789abcdef01234");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.header("X-Extra")).isEqualTo("1");
    }

    @Test
    void rateLimitIsRetriedAfterTheServersRetryAfter() {
        stub.error(429, 971, "Please wait", "Retry-After", "3").ok("{\"company\": \"Acme\"}");
        try (PaygoClient client = client()) {
            assertThat(getProfile(client).company()).contains("Acme");
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).header("X-Paygo-Retry-Count")).isEqualTo("1");
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        stub.error(503, 10503, "busy", "retry-after-ms", "250", "Retry-After", "9").ok("{}");
        try (PaygoClient client = client()) {
            getProfile(client);
        }
        assertThat(sleeps).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void serverErrorsBackOffExponentiallyAndGiveUpAfterMaxRetries() {
        stub.error(500, 10001, "boom").error(502, 10001, "boom").error(503, 10001, "boom");
        try (PaygoClient client = client()) {
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(InternalServerException.class)
                    .satisfies(e -> assertThat(((PaygoServiceException) e).statusCode()).isEqualTo(503));
        }
        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0).toMillis()).isBetween(375L, 500L);
        assertThat(sleeps.get(1).toMillis()).isBetween(750L, 1000L);
    }

    @Test
    void aRetriedIngestionKeepsItsIdempotencyKeyAndEventIds() {
        stub.error(502, 10001, "bad gateway").ok("{\"accepted\": 1, \"duplicates\": 0}");
        try (PaygoClient client = client()) {
            var result = client.billing().usage().ingest(UsageIngestParams.builder().accountId(ACCOUNT)
                    .addEvent(UsageEvent.builder().id("evt-1").metric("workers.requests")
                            .quantity(new BigDecimal("1500")).timestamp(OffsetDateTime.parse("2025-02-01T12:00:00Z"))
                            .build()).build());
            assertThat(result.accepted()).isEqualTo(1);
        }
        List<StubServer.Recorded> sent = stub.requests();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).header("Idempotency-Key")).isNotBlank().isEqualTo(sent.get(1).header("Idempotency-Key"));
        assertThat(sent.get(0).body()).isEqualTo(sent.get(1).body()).contains("\"id\":\"evt-1\"")
                .contains("\"quantity\":1500").contains("\"timestamp\":\"2025-02-01T12:00:00Z\"");
        assertThat(sent.get(0).pathAndQuery()).isEqualTo("/client/v4/accounts/" + ACCOUNT + "/usage/events");
    }

    @Test
    void everyErrorStatusMapsToItsExceptionWithTheServersCodes() {
        record Case(int status, Class<? extends PaygoServiceException> type) {
        }
        List<Case> cases = List.of(new Case(400, BadRequestException.class), new Case(401, AuthenticationException.class),
                new Case(403, PermissionDeniedException.class), new Case(404, NotFoundException.class),
                new Case(413, PayloadTooLargeException.class), new Case(422, UnprocessableEntityException.class),
                new Case(418, UnexpectedStatusCodeException.class));
        try (PaygoClient client = PaygoClient.builder().baseUrl(stub.baseUrl()).apiToken("t").maxRetries(0).build()) {
            for (Case c : cases) {
                stub.error(c.status(), 10000 + c.status(), "failed " + c.status(), "X-Request-Id", "req-" + c.status());
                assertThatThrownBy(() -> getProfile(client)).isInstanceOf(c.type()).satisfies(e -> {
                    PaygoServiceException error = (PaygoServiceException) e;
                    assertThat(error.statusCode()).isEqualTo(c.status());
                    assertThat(error.code()).isEqualTo(10000 + c.status());
                    assertThat(error.errors().get(0).message()).isEqualTo("failed " + c.status());
                    assertThat(error.headers().firstValue("X-Request-Id")).contains("req-" + c.status());
                });
            }
            stub.error(409, 1185, "exists");
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(ConflictException.class);
            stub.error(429, 971, "slow down");
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(RateLimitException.class);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void everyPostCarriesAnIdempotencyKeyThatItsRetriesRepeat() {
        String created = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"" + ACCOUNT
                + "\",\"name\":\"Acme\"}}";
        stub.error(502, 10001, "bad gateway").reply(201, created).reply(201, created);
        try (PaygoClient client = client()) {
            client.accounts().create(dev.paygo.client.models.AccountParams.Create.of("Acme"));
            client.accounts().create(dev.paygo.client.models.AccountParams.Create.of("Acme"));
        }
        List<StubServer.Recorded> sent = stub.requests();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).header("Idempotency-Key")).startsWith("paygo-java-")
                .isEqualTo(sent.get(1).header("Idempotency-Key"));
        assertThat(sent.get(2).header("Idempotency-Key")).startsWith("paygo-java-")
                .isNotEqualTo(sent.get(0).header("Idempotency-Key"));
    }

    @Test
    void aConflictIsPermanentUnlessTheServerAsksForARetry() {
        stub.error(409, 1185, "exists");
        try (PaygoClient client = client()) {
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(ConflictException.class);
            assertThat(stub.requests()).hasSize(1);
            stub.error(409, 1188, "in progress", "x-should-retry", "true", "Retry-After", "1").ok("{}");
            getProfile(client);
        }
        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void theServerCanStopARetry() {
        stub.error(503, 10503, "draining", "x-should-retry", "false");
        try (PaygoClient client = client()) {
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(InternalServerException.class);
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aBadRequestIsNotRetried() {
        stub.error(400, 1183, "Invalid request parameters: /country must be ...");
        try (PaygoClient client = client()) {
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(BadRequestException.class);
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void connectionErrorsAreRetriedThenReportedAsIo() {
        int closedPort;
        try (StubServer closed = new StubServer()) {
            closedPort = Integer.parseInt(closed.baseUrl().replaceAll(".*:(\\d+)/.*", "$1"));
        }
        try (PaygoClient client = PaygoClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/client/v4")
                .apiToken("t").sleeper(sleeps::add).build()) {
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(PaygoIoException.class)
                    .hasMessageContaining("3 attempt(s)");
        }
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void unknownFieldsAreKeptAndReadable() {
        stub.ok("[{\"BillingCurrency\": \"USD\", \"BillingPeriodStart\": \"2025-02-01T00:00:00Z\", "
                + "\"ChargePeriodStart\": \"2025-02-03T00:00:00Z\", \"ChargePeriodEnd\": \"2025-02-04T00:00:00Z\", "
                + "\"ConsumedQuantity\": 0.300000000000000001, \"ConsumedUnit\": \"GB-month\", \"ContractedCost\": 0.015, "
                + "\"CumulatedContractedCost\": 0.03, \"CumulatedPricingQuantity\": 12, \"PricingQuantity\": 1, "
                + "\"ServiceName\": \"R2 Storage\", \"x_NewField\": {\"nested\": true}}]");
        try (PaygoClient client = client()) {
            UsagePaygoResponseItem item = client.billing().usage().paygo(
                    UsagePaygoParams.builder().accountId(ACCOUNT).build()).get(0);
            assertThat(item.consumedQuantity()).isEqualByComparingTo("0.300000000000000001");
            assertThat(item.contractedCost()).isEqualByComparingTo("0.015");
            assertThat(item.chargePeriodStart()).isEqualTo(OffsetDateTime.parse("2025-02-03T00:00:00Z"));
            assertThat(item.serviceFamilyName()).isEmpty();
            assertThat(item._additionalProperties()).containsOnlyKeys("x_NewField");
            assertThat(item._additionalProperties().get("x_NewField").get("nested").asBoolean()).isTrue();
            assertThat(item.toBuilder().serviceName("Renamed").build().serviceName()).isEqualTo("Renamed");
            assertThat(item.serviceName()).isEqualTo("R2 Storage");
        }
    }

    @Test
    void anAnswerThatIsNotAnEnvelopeIsInvalidData() {
        stub.reply(200, "<html>proxy</html>");
        try (PaygoClient client = client()) {
            assertThatThrownBy(() -> getProfile(client)).isInstanceOf(PaygoInvalidDataException.class);
        }
    }

    @Test
    void asyncCallsCompleteWithTheSameResultsAndExceptions() {
        stub.ok("{\"company\": \"Async\"}").error(403, 10000, "Authentication error");
        try (PaygoClient client = client()) {
            ProfileGetParams params = ProfileGetParams.builder().accountId(ACCOUNT).build();
            assertThat(client.async().billing().profiles().get(params).join().company()).contains("Async");
            assertThatThrownBy(() -> client.async().billing().profiles().get(params).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(PermissionDeniedException.class);
        }
    }

    @Test
    void paramsAndClientsValidateOnBuild() {
        assertThatThrownBy(() -> ProfileGetParams.builder().build()).hasMessageContaining("accountId is required");
        assertThatThrownBy(() -> ProfileGetParams.builder().accountId("ACME").build())
                .hasMessageContaining("32 lowercase hex");
        assertThatThrownBy(() -> UsagePaygoParams.builder().accountId(ACCOUNT).from(LocalDate.parse("2025-02-01"))
                .build()).hasMessageContaining("from and to go together");
        assertThatThrownBy(() -> UsagePaygoParams.builder().accountId(ACCOUNT).from(LocalDate.parse("2025-01-01"))
                .to(LocalDate.parse("2025-03-31")).build()).hasMessageContaining("62 days");
        assertThatThrownBy(() -> UsageEvent.builder().id("x").metric("m").build())
                .hasMessageContaining("quantity is required");
        assertThatThrownBy(() -> UsageIngestParams.builder().addEvent(UsageEvent.builder().id("x").metric("m")
                .quantity(BigDecimal.ONE).timestamp(OffsetDateTime.parse("2025-02-01T00:00:00Z")).build()).build())
                .hasMessageContaining("needs an account_id");
        assertThatThrownBy(() -> PaygoClient.builder().baseUrl("ftp://x").build()).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> PaygoClient.builder().apiEmail("a@b.c").build())
                .hasMessageContaining("apiEmail and apiKey go together");
    }

    @Test
    void fromEnvReadsCloudflaresVariables() {
        PaygoClient.Builder builder = PaygoClient.builder().fromEnv(java.util.Map.of(
                "CLOUDFLARE_BASE_URL", "http://localhost:8787/client/v4", "CLOUDFLARE_API_TOKEN", "abc"));
        try (PaygoClient client = builder.build()) {
            assertThat(client.options().baseUrl()).isEqualTo("http://localhost:8787/client/v4");
            assertThat(client.options().apiToken()).contains("abc");
            assertThat(client.options().maxRetries()).isEqualTo(2);
        }
        try (PaygoClient client = PaygoClient.builder().build()) {
            assertThat(client.options().baseUrl()).isEqualTo("https://api.cloudflare.com/client/v4");
        }
    }
}
