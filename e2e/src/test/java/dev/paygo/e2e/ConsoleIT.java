package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.testing.BillingFixture;
import dev.paygo.testing.BillingFixture.Customer;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium against a real paygo: signing in with a token, the overview whose
 * totals equal {@code GET …/billing/usage/paygo}, invoices with their PDF and hosted page, the usage explorer, the
 * billing profile, API tokens, the operator's pages, and every refusal. Each page is checked with axe-core, must
 * log no error in the browser console, and is saved as a screenshot under target/screenshots.
 */
class ConsoleIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final List<String> ISSUER = List.of("Example Cloud Inc.", "500 Harbour Road", "VAT GB123456789");
    private static TestServer server;
    private static BillingFixture billing;
    private static Customer customer;
    private static String origin;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK).withBilling(c.billing().withIssuer(ISSUER)));
        billing = new BillingFixture(server, CLOCK);
        customer = billing.customer("Console Corp");
        Reply profile = customer.write("PUT", "/billing/profile", """
                {"company": "Console Corp Ltd", "first_name": "Ada", "last_name": "Lovelace",
                 "address": "1 Market Street", "city": "San Francisco", "state": "CA", "zipcode": "94105",
                 "country": "US", "billing_email": "billing@console.example", "vat": "US123456789"}""");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        billing.card(customer, BillingFixture.GOOD_CARD);
        billing.octoberUsage(customer);
        billing.closeOctober();
        billing.run();
        CLOCK.set(NOW);
        for (int day = 2; day <= 20; day++) {
            customer.send("workers.requests", String.valueOf(600_000 + day * 10_000),
                    "2026-11-%02dT09:00:00Z".formatted(day));
            customer.send("r2.standard.class_a", String.valueOf(150_000 + day * 1_000),
                    "2026-11-%02dT10:00:00Z".formatted(day));
            customer.send("kv.keys_read", String.valueOf(700_000), "2026-11-%02dT11:00:00Z".formatted(day));
        }
        origin = server.baseUrl().replace("/client/v4", "");
        browser = new Browser(origin);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @BeforeEach
    void signedOut() {
        CLOCK.set(NOW);
        browser.open("/sign-in");
        browser.driver().manage().deleteAllCookies();
        browser.consoleErrors(false);
    }

    @Test
    void overviewTotalsEqualTheApiAndTheChartIsDrawn() {
        signIn(customer.writer());
        assertThat(browser.path()).isEqualTo("/accounts/" + customer.id());
        browser.waitForCharts();

        JsonNode records = customer.get("/billing/usage/paygo").result();
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> byMetric = new HashMap<>();
        for (JsonNode r : records) {
            BigDecimal cost = new BigDecimal(r.get("ContractedCost").asText());
            total = total.add(cost);
            byMetric.merge(r.get("ServiceName").asText(), cost, BigDecimal::add);
        }
        assertThat(total).isPositive();
        assertThat(browser.text("#cost-so-far .value")).isEqualTo(usd(total));
        assertThat(browser.text("#services-total")).isEqualTo(usd(total));
        List<WebElement> rows = browser.all("#services tbody tr");
        assertThat(rows).hasSize(byMetric.size());
        for (WebElement row : rows) {
            String service = row.findElement(org.openqa.selenium.By.cssSelector("td")).getText();
            assertThat(row.findElements(org.openqa.selenium.By.cssSelector("td")).get(4).getText())
                    .as(service).isEqualTo(usd(byMetric.get(service)));
        }
        JsonNode upcoming = customer.get("/invoices/upcoming").result();
        assertThat(browser.text("#upcoming .value")).isEqualTo(usd(new BigDecimal(upcoming.get("total").asText())));
        assertThat(((Number) browser.js("return Chart.getChart(document.querySelector('canvas[data-chart]'))"
                + ".data.datasets.length")).intValue()).as("one bar series per product and two lines").isEqualTo(
                customer.get("/billable-usage").result().findValues("ServiceFamilyName").stream()
                        .map(JsonNode::asText).distinct().count() + 2);

        // The chart's tooltips show the server's amounts: the cumulative line ends at the cost so far.
        assertThat(browser.js("const line = Chart.getChart(document.querySelector('canvas[data-chart]')).data.datasets"
                + ".find(d => d.label === 'Cumulative, this period'); return line.shown[line.shown.length - 1];"))
                .isEqualTo(usd(total));

        // Sorting the table by cost, ascending: the cheapest service comes first.
        browser.find("#services th:nth-child(5) button").click();
        String first = browser.all("#services tbody tr").get(0).findElements(org.openqa.selenium.By.cssSelector("td"))
                .get(4).getText();
        assertThat(first).isEqualTo(usd(byMetric.values().stream().min(BigDecimal::compareTo).orElseThrow()));

        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("01-overview");
    }

    @Test
    void signInAndSortWithTheKeyboardAlone() throws Exception {
        browser.open("/sign-in");
        Actions keys = new Actions(browser.driver());
        assertThat(tabUntil(keys, "token", 5)).as("the token field is reached with Tab").isTrue();
        keys.sendKeys(customer.reader()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> browser.path().equals("/accounts/" + customer.id()));
        browser.waitForCharts();
        assertThat(tabUntil(keys, "sort-cost", 40)).as("the cost column's sort button is reached with Tab").isTrue();
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.find("#services th:nth-child(5)").getAttribute("aria-sort")).isEqualTo("ascending");

        HttpResponse<String> page = get(origin + "/sign-in", null);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    /** Presses Tab until the element of {@code id} has the focus (at most {@code presses} times). */
    private static boolean tabUntil(Actions keys, String id, int presses) {
        for (int i = 0; i < presses; i++) {
            keys.sendKeys(Keys.TAB).perform();
            if (id.equals(browser.js("return document.activeElement.id"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void invoicePageItsPdfAndTheHostedPageWithoutSigningIn() throws Exception {
        JsonNode invoice = customer.invoices().get(0);
        JsonNode full = customer.invoice(invoice.get("id").asText());
        signIn(customer.reader());
        browser.clickAndWait("a[href$='/invoices']");
        assertThat(browser.text("#invoices tbody tr td:nth-child(1)")).isEqualTo(invoice.get("number").asText());
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("03-invoices");

        browser.clickAndWait("#invoices tbody tr a");
        assertThat(browser.text("h1")).isEqualTo("Invoice " + invoice.get("number").asText());
        assertThat(browser.text("#invoice-total")).isEqualTo(usd(new BigDecimal(full.get("total").asText())));
        assertThat(browser.all("#lines tbody tr")).hasSize(full.get("lines").size());
        assertThat(browser.text("#customer")).contains("Console Corp Ltd", "1 Market Street",
                "San Francisco, CA 94105", "US123456789");
        assertThat(browser.text("#issuer")).isEqualTo(String.join("\n", ISSUER));
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("04-invoice");

        browser.find("#download-pdf").click();
        Path pdf = browser.downloaded(invoice.get("number").asText() + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Invoice " + invoice.get("number").asText(), "Console Corp Ltd",
                    "Attn. Ada Lovelace", "billing@console.example", ISSUER.get(0), ISSUER.get(2),
                    usd(new BigDecimal(full.get("total").asText())), "Amount due");
            for (JsonNode line : full.get("lines")) {
                assertThat(text).contains(line.get("description").asText());
            }
        }

        // The hosted page: no session, no navigation, the same invoice and its PDF.
        String hosted = full.get("hosted_invoice_url").asText();
        String port = origin.substring(origin.lastIndexOf(':') + 1);
        assertThat(hosted).matches("http://localhost:" + port + "/invoice/[0-9a-f]{48}");
        String hostedPath = hosted.substring(hosted.indexOf("/invoice/"));
        browser.driver().manage().deleteAllCookies();
        browser.open(hostedPath);
        assertThat(browser.text("h1")).isEqualTo("Invoice " + invoice.get("number").asText());
        assertThat(browser.text("#invoice-total")).isEqualTo(usd(new BigDecimal(full.get("total").asText())));
        assertThat(browser.all("nav")).isEmpty();
        assertThat(get(origin + hostedPath + "/pdf", null).headers().firstValue("Content-Type")).contains("application/pdf");
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("05-hosted-invoice");

        // A guessed link shows nothing.
        assertThat(get(origin + "/invoice/" + "0".repeat(48), null).statusCode()).isEqualTo(404);
        assertThat(get(origin + "/invoice/" + "0".repeat(48) + "/pdf", null).statusCode()).isEqualTo(404);
    }

    @Test
    void usageExplorerShowsOneMetricOverAPastPeriodAndRefusesABadRange() {
        signIn(customer.reader());
        browser.open("/accounts/" + customer.id() + "/usage?metric=workers.requests&period=2026-10-01");
        browser.waitForCharts();
        JsonNode october = customer.get("/billing/usage/paygo?from=2026-10-01&to=2026-10-31").result();
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode r : october) {
            if (r.get("ServiceName").asText().equals("Workers Standard Requests")) {
                cost = cost.add(new BigDecimal(r.get("ContractedCost").asText()));
            }
        }
        assertThat(browser.text("#usage-total")).isEqualTo(usd(cost));
        assertThat(browser.all("#days tbody tr")).hasSize(2);
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("02-usage");

        browser.open("/accounts/" + customer.id() + "/usage?from=2026-11-10&to=2026-11-01");
        assertThat(browser.text("[role=alert]")).isEqualTo("The last day comes before the first.");
        assertThat(browser.consoleErrors(true)).isEmpty();
    }

    @Test
    void billingWriteEditsTheProfileWithTheApiRulesAndBillingReadCannot() throws Exception {
        signIn(customer.writer());
        browser.open("/accounts/" + customer.id() + "/profile");
        assertThat(browser.text("#card")).contains("4242");
        WebElement company = browser.find("#company");
        company.clear();
        company.sendKeys("Console Corp International");
        browser.clickAndWait("form[action$='/profile'] button[type=submit]");
        assertThat(browser.text("[role=status]")).isEqualTo("The billing profile is saved.");
        assertThat(customer.get("/billing/profile").result().get("company").asText())
                .isEqualTo("Console Corp International");
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("06-profile");

        WebElement email = browser.find("#billing_email");
        email.clear();
        email.sendKeys("not an email");
        browser.clickAndWait("form[action$='/profile'] button[type=submit]");
        assertThat(browser.text("#billing_email-error")).startsWith("Billing email");
        assertThat(browser.find("#billing_email").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(customer.get("/billing/profile").result().get("billing_email").asText())
                .as("a refused form changes nothing").isEqualTo("billing@console.example");
        assertThat(browser.consoleErrors(true)).isEmpty();
        browser.assertAccessible();
        browser.screenshot("06-profile-refused");

        // Billing Read sees the profile without a form, and a forged change is refused with 403.
        browser.driver().manage().deleteAllCookies();
        signIn(customer.reader());
        browser.open("/accounts/" + customer.id() + "/profile");
        assertThat(browser.all("form[action$='/profile']")).isEmpty();
        String csrf = browser.find("form[action='/sign-out'] input[name=_csrf]").getAttribute("value");
        HttpResponse<String> forged = post("/accounts/" + customer.id() + "/profile",
                "_csrf=" + csrf + "&company=Hijacked", session());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Billing Read");
        assertThat(customer.get("/billing/profile").result().get("company").asText())
                .isEqualTo("Console Corp International");
    }

    @Test
    void tokensAreCreatedShownOnceAndRevoked() throws Exception {
        String victim = server.createToken(customer.id(), PermissionGroup.BILLING_READ);
        signIn(customer.writer());
        browser.open("/accounts/" + customer.id() + "/tokens");
        browser.find("#token-name").sendKeys("CI exporter");
        browser.clickAndWait("form[action$='/tokens'] button[type=submit]");
        String created = browser.text("#created-token");
        Reply verify = server.http().call("GET", "/user/tokens/verify").bearer(created).send();
        assertThat(verify.status()).isEqualTo(200);
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("07-tokens");

        String victimId = server.http().call("GET", "/user/tokens/verify").bearer(victim).send().result()
                .get("id").asText();
        browser.find("tr[data-token='" + victimId + "'] button.danger").click();
        Alert confirm = new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        confirm.accept();
        browser.waitUntil(d -> browser.path().endsWith("/tokens?revoked"));
        assertThat(browser.text("[role=status]")).isEqualTo("The token was revoked.");
        assertThat(browser.all("tr[data-token='" + victimId + "']")).isEmpty();
        assertThat(server.http().call("GET", "/accounts/" + customer.id() + "/billing/profile").bearer(victim).send()
                .status()).isEqualTo(403);
        browser.assertNoConsoleErrors();
    }

    @Test
    void refusalsWrongTokenMissingCsrfExpiredSessionAndSignOut() throws Exception {
        browser.open("/sign-in");
        browser.find("#token").sendKeys("not-a-real-token-0000000000000000000000");
        browser.clickAndWait("form[action='/sign-in'] button");
        assertThat(browser.text("[role=alert]")).contains("not valid");
        assertThat(browser.driver().manage().getCookieNamed("paygo_session")).isNull();
        assertThat(browser.consoleErrors(true)).isEmpty();
        browser.assertAccessible();
        browser.screenshot("00-sign-in-refused");

        // A Usage Write token cannot read billing: no session.
        String usageOnly = customer.usage();
        browser.find("#token").sendKeys(usageOnly);
        browser.clickAndWait("form[action='/sign-in'] button");
        assertThat(browser.text("[role=alert]")).contains("cannot read billing");
        assertThat(browser.consoleErrors(true)).isEmpty();

        signIn(customer.writer());
        HttpResponse<String> noCsrf = post("/accounts/" + customer.id() + "/tokens", "name=sneaky&group=BILLING_READ",
                session());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("This form has expired");
        HttpResponse<String> wrongCsrf = post("/accounts/" + customer.id() + "/tokens",
                "_csrf=" + "a".repeat(64) + "&name=sneaky&group=BILLING_READ", session());
        assertThat(wrongCsrf.statusCode()).isEqualTo(403);
        JsonNode tokens = server.asOperator("GET", "/accounts/" + customer.id() + "/tokens").send().result();
        assertThat(tokens.findValuesAsText("name")).doesNotContain("sneaky");

        // Another account's pages: 403 whether it exists or not.
        String other = server.createAccount("Someone Else");
        assertThat(get(origin + "/accounts/" + other, session()).statusCode()).isEqualTo(403);
        assertThat(get(origin + "/accounts/" + "f".repeat(32), session()).statusCode()).isEqualTo(403);
        assertThat(get(origin + "/accounts", session()).statusCode()).as("operator page").isEqualTo(403);

        // The session ends after its lifetime.
        CLOCK.set(NOW.plus(Duration.ofHours(9)));
        browser.open("/accounts/" + customer.id());
        assertThat(browser.path()).isEqualTo("/sign-in?expired");
        assertThat(browser.text("[role=status]")).isEqualTo("Your session has ended. Sign in again.");
        CLOCK.set(NOW);

        // Signing out ends the session on the server: its cookie replayed gets the sign-in page.
        browser.driver().manage().deleteAllCookies();
        signIn(customer.reader());
        String cookie = session();
        browser.clickAndWait("form[action='/sign-out'] button");
        assertThat(browser.path()).isEqualTo("/sign-in?signed-out");
        HttpResponse<String> replay = get(origin + "/accounts/" + customer.id(), cookie);
        assertThat(replay.statusCode()).isEqualTo(303);
        assertThat(replay.headers().firstValue("Location")).contains("/sign-in?expired");
        browser.assertNoConsoleErrors();
    }

    @Test
    void operatorSeesEveryAccountRunsBillingAndTheEmptyStateIsIntentional() {
        String hostile = server.createAccount("<script>alert(1)</script>");
        String empty = server.createAccount("Fresh Start Inc");
        signIn(TestServer.OPERATOR_TOKEN);
        assertThat(browser.path()).isEqualTo("/accounts");
        List<String> names = browser.all("#accounts tbody tr td:first-child").stream().map(WebElement::getText).toList();
        assertThat(names).contains("Console Corp", "<script>alert(1)</script>", "Fresh Start Inc");
        assertThat(browser.driver().switchTo().defaultContent().getTitle()).isEqualTo("Accounts · paygo");
        assertThat(browser.text("tr[data-account='" + customer.id() + "'] td:nth-child(5)"))
                .isEqualTo(usd(new BigDecimal(customer.invoices().get(0).get("subtotal").asText())));
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("08-operator-accounts");

        browser.find("#q").sendKeys("fresh");
        browser.clickAndWait("form[role=search] button");
        assertThat(browser.all("#accounts tbody tr")).hasSize(1);
        browser.clickAndWait("#accounts tbody tr a");
        assertThat(browser.path()).isEqualTo("/accounts/" + empty);
        assertThat(browser.text(".empty strong")).isEqualTo("No usage yet this period");
        assertThat(browser.text("#cost-so-far .value")).isEqualTo("$0.00");
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("09-empty-account");

        browser.open("/accounts/" + hostile);
        assertThat(browser.text("h1")).isEqualTo("<script>alert(1)</script>");
        browser.assertNoConsoleErrors();

        browser.open("/runs");
        browser.clickAndWait("form[action='/runs'] button");
        assertThat(browser.text("[role=status]")).isEqualTo("The billing run finished.");
        assertThat(browser.text("#run-issued")).matches("[0-9]+");
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("10-billing-runs");

        browser.open("/prices");
        assertThat(browser.text("#prices")).contains("Workers Standard Requests", "$0.30 per 1,000,000 request");
        browser.assertNoConsoleErrors();
        browser.assertAccessible();
        browser.screenshot("11-prices");
    }

    @Test
    void theApiReferenceRendersEveryOperationOfTheDocumentFromTheJar() {
        int operations = server.http().get("/openapi.json").json().path("paths").findValues("operationId").size();

        browser.open("/docs");
        browser.waitUntil(d -> browser.all(".opblock").size() == operations);
        assertThat(browser.driver().getTitle()).isEqualTo("paygo API reference");
        assertThat(browser.text(".info .title")).startsWith("paygo API");
        String profileGet = ".opblock-get:has(.opblock-summary-path[data-path='/accounts/{account_id}/billing/profile'])";
        browser.find(profileGet + " .opblock-summary-control").click();
        browser.waitUntil(d -> !browser.all(profileGet + " .responses-table").isEmpty());
        assertThat(browser.text(profileGet)).contains("billing.profiles.get", "account_id", "200", "403");
        browser.assertNoConsoleErrors();
        browser.screenshot("12-api-reference");
    }

    private void signIn(String token) {
        browser.open("/sign-in");
        browser.find("#token").sendKeys(token);
        browser.clickAndWait("form[action='/sign-in'] button");
        browser.waitUntil(d -> !browser.path().startsWith("/sign-in"));
        assertThat(browser.driver().manage().getCookieNamed("paygo_session")).isNotNull();
    }

    /** The browser's session cookie, as a Cookie header. */
    private static String session() {
        Cookie cookie = browser.driver().manage().getCookieNamed("paygo_session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        return "paygo_session=" + cookie.getValue();
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An amount as the console writes dollars: rounded half-even to the cent, grouped. */
    private static String usd(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }
}
