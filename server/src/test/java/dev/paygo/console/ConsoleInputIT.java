package dev.paygo.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed input to the console's pages: every answer is a 2xx, a redirect or a 4xx page, never a 5xx
 * or a stack trace, and a refused change stores nothing.
 */
class ConsoleInputIT {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;
    private static String origin;
    private static String account;
    private static String cookie;
    private static String csrf;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        origin = server.baseUrl().replace("/client/v4", "");
        account = server.createAccount("Input Corp");
        String writer = server.createToken(account, PermissionGroup.BILLING_WRITE);
        HttpResponse<String> form = send("GET", "/sign-in", null, null);
        Matcher token = FORM_TOKEN.matcher(form.body());
        assertThat(token.find()).isTrue();
        String formCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> signedIn = send("POST", "/sign-in", formCookie, "_csrf=" + token.group(1) + "&token="
                + writer);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("paygo_session="))
                .findFirst().orElseThrow().split(";")[0];
        Matcher sessionToken = FORM_TOKEN.matcher(send("GET", "/accounts/" + account, cookie, null).body());
        assertThat(sessionToken.find()).isTrue();
        csrf = sessionToken.group(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hostileQueriesAndPathsGetA4xxPageNeverAnError() throws Exception {
        String a = "/accounts/" + account;
        List<String> paths = List.of(
                a + "/usage?from=2026-13-45&to=2026-01-01", a + "/usage?from=99999-01-01&to=99999-02-01",
                a + "/usage?from=2020-01-01&to=2026-12-31", a + "/usage?from=2026-01-01", a + "/usage?period=yesterday",
                a + "/usage?period=0001-01-01", a + "/usage?metric=%00%27%22%3Cscript%3E",
                a + "/usage?metric=" + "m".repeat(5000), a + "/invoices/not-an-id",
                a + "/invoices/" + "0".repeat(32) + "/pdf", a + "/invoices/..%2F..%2Fetc", "/accounts/not-hex",
                "/accounts/" + "F".repeat(32), "/accounts?q=" + "%25".repeat(300), "/accounts?page=-1",
                "/accounts?page=99999999999", "/invoice/" + "g".repeat(48), "/invoice/%2e%2e%2f",
                "/invoice/" + "0".repeat(48) + "/pdf", "/prices?x=" + "y".repeat(3000));
        for (String path : paths) {
            HttpResponse<String> page = send("GET", path, cookie, null);
            assertThat(page.statusCode()).as(path).isBetween(200, 499);
            assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("at dev.paygo");
        }
        assertThat(send("GET", a + "/usage?from=2026-11-10&to=2026-11-01", cookie, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/accounts?page=0", cookie, null).statusCode()).as("an operator page").isEqualTo(403);
    }

    @Test
    void malformedFormsAreRefusedAndStoreNothing() throws Exception {
        String a = "/accounts/" + account;
        List<String[]> posts = new ArrayList<>();
        posts.add(new String[] {a + "/tokens", "_csrf=" + csrf + "&name=&group=BILLING_READ"});
        posts.add(new String[] {a + "/tokens", "_csrf=" + csrf + "&name=" + "n".repeat(121) + "&group=BILLING_READ"});
        posts.add(new String[] {a + "/tokens", "_csrf=" + csrf + "&name=x&group=ADMIN"});
        posts.add(new String[] {a + "/tokens", "_csrf=" + csrf + "&name=%E0%A4%A"});
        posts.add(new String[] {a + "/tokens/" + "0".repeat(32) + "/revoke", "_csrf=" + csrf});
        posts.add(new String[] {a + "/profile", "_csrf=" + csrf + "&billing_email=not-an-email&country=ZZZ"});
        posts.add(new String[] {a + "/profile", "_csrf=" + csrf + "&zipcode=" + "9".repeat(500)});
        posts.add(new String[] {a + "/profile", "{\"company\": \"json instead of a form\"}"});
        posts.add(new String[] {"/runs", "_csrf=" + csrf});
        posts.add(new String[] {"/sign-in", "token=" + "t".repeat(100_000)});
        int tokensBefore = server.asOperator("GET", "/accounts/" + account + "/tokens").send().result().size();
        String profileBefore = server.asOperator("GET", "/accounts/" + account + "/billing/profile").send().result()
                .toString();
        for (String[] post : posts) {
            HttpResponse<String> page = send("POST", post[0], cookie, post[1]);
            assertThat(page.statusCode()).as(post[0] + " " + post[1].substring(0, Math.min(60, post[1].length())))
                    .isBetween(400, 499);
            assertThat(page.body()).doesNotContain("Exception").doesNotContain("at dev.paygo");
        }
        assertThat(server.asOperator("GET", "/accounts/" + account + "/tokens").send().result().size())
                .isEqualTo(tokensBefore);
        assertThat(server.asOperator("GET", "/accounts/" + account + "/billing/profile").send().result().toString())
                .as("the refused forms changed nothing").isEqualTo(profileBefore);
    }

    private static HttpResponse<String> send(String method, String path, String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
