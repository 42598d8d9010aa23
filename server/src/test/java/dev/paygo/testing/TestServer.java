package dev.paygo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.PaygoServer;
import dev.paygo.ServerConfig;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.invoice.BillingSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A real paygo on a free loopback port over a fresh database of the backend under test, with an operator
 * token, and helpers that set up accounts and tokens through the HTTP API as an operator would.
 */
public final class TestServer implements AutoCloseable {
    public static final String OPERATOR_TOKEN = "test-operator-token-0123456789abcdef";
    private static final String API_BASE = "/client/v4";

    private final TestBackend backend;
    private PaygoServer server;
    private Http http;
    private ContractProxy proxy;

    private TestServer(TestBackend backend, PaygoServer server) {
        this.backend = backend;
        this.server = server;
        this.http = new Http(server.baseUrl());
    }

    public static TestServer start() {
        return start(c -> c);
    }

    public static TestServer start(UnaryOperator<ServerConfig> customize) {
        TestBackend backend = TestBackend.create();
        ServerConfig config = customize.apply(ServerConfig.defaults()
                .withHost("127.0.0.1").withPort(0).withDatabaseUrl(backend.jdbcUrl())
                .withOperatorToken(Optional.of(OPERATOR_TOKEN)).withRateLimit(0).withAuthFailuresPerMinute(0)
                .withBilling(BillingSettings.DEFAULT.withIntervalSeconds(0)));
        try {
            return new TestServer(backend, PaygoServer.open(config).start());
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * Stops this server and starts a new one on the same database (a restart, or a new catalog), configured as
     * this one was and then by {@code customize}; the port changes.
     */
    public void reopen(UnaryOperator<ServerConfig> customize) {
        ServerConfig config = customize.apply(server.config().withPort(0));
        server.close();
        server = PaygoServer.open(config).start();
        http = new Http(server.baseUrl());
    }

    public PaygoServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * The API base URL through a proxy that checks every answer against the contract ({@link ContractProxy}): for
     * clients this suite does not control (the SDKs). Closing this server fails when an answer broke the contract.
     */
    public synchronized String checkedBaseUrl() {
        if (proxy == null) {
            proxy = new ContractProxy(() -> server.baseUrl().replace(API_BASE, ""));
        }
        return proxy.url() + API_BASE;
    }

    public Http http() {
        return http;
    }

    /** A request made as the operator. */
    public Http.Call asOperator(String method, String path) {
        return http.call(method, path).bearer(OPERATOR_TOKEN);
    }

    /** Creates an account through the API and returns its id. */
    public String createAccount(String name) {
        Http.Reply reply = asOperator("POST", "/accounts").json("{\"name\": \"" + name + "\"}").send();
        if (reply.status() != 201) {
            throw new IllegalStateException("account creation failed: " + reply);
        }
        return reply.result().get("id").asText();
    }

    /** Creates an account with a given anchor and returns its id. */
    public String createAccount(String name, String anchor) {
        Http.Reply reply = asOperator("POST", "/accounts")
                .json("{\"name\": \"" + name + "\", \"billing_cycle_anchor\": \"" + anchor + "\"}").send();
        if (reply.status() != 201) {
            throw new IllegalStateException("account creation failed: " + reply);
        }
        return reply.result().get("id").asText();
    }

    /** Creates a token allowing {@code groups} on the account, as the operator; returns its value. */
    public String createToken(String accountId, PermissionGroup... groups) {
        return createTokenReply(accountId, groups).get("value").asText();
    }

    public JsonNode createTokenReply(String accountId, PermissionGroup... groups) {
        String ids = Arrays.stream(groups).map(g -> "{\"id\": \"" + g.id() + "\"}").collect(Collectors.joining(","));
        Http.Reply reply = asOperator("POST", "/accounts/" + accountId + "/tokens").json("""
                {"name": "test", "policies": [{"effect": "allow", "permission_groups": [%s],
                 "resources": {"com.cloudflare.api.account.%s": "*"}}]}""".formatted(ids, accountId)).send();
        if (reply.status() != 201) {
            throw new IllegalStateException("token creation failed: " + reply);
        }
        return reply.result();
    }

    @Override
    public void close() {
        List<String> violations = proxy == null ? List.of() : proxy.violations();
        try {
            if (proxy != null) {
                proxy.close();
            }
            server.close();
        } finally {
            backend.close();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("answers that broke openapi/paygo.yaml:\n  " + String.join("\n  ", violations));
        }
    }
}
