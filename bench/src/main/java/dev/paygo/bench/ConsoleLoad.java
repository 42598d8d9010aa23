package dev.paygo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How fast the console's overview shows a year of usage: an account with 365 days of hourly usage of six services
 * and its twelve invoices, on a paygo process on SQLite. Measures the server's render time of the overview, usage
 * and invoices pages over HTTP, and in headless Chromium the overview's first contentful paint and the moment its
 * chart is drawn.
 *
 * <p>{@code Suite PAYGO_JAR - console}; needs Debian's chromium and chromium-driver.
 */
final class ConsoleLoad {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] METRICS = {"workers.requests", "workers.cpu_ms", "r2.standard.class_a",
        "r2.standard.class_b", "kv.keys_read", "d1.rows_read"};
    private static final long[] HOURLY = {900_000, 6_000_000, 40_000, 200_000, 500_000, 3_000_000};
    private static final int DAYS = 365;
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"");

    private ConsoleLoad() {
    }

    /** What was measured, in milliseconds (medians and 95th percentiles). */
    record Result(long events, int invoices, double overviewP50, double overviewP95, double usageP50,
                  double usageYearP50, double invoicesP50, double paintP50, double paintP95, double chartP50, double chartP95,
                  int htmlBytes) {
    }

    static Result run(Path jar, int port, int samples) throws Exception {
        Path folder = Files.createTempDirectory("paygo-bench-console");
        try (ServerProcess server = ServerProcess.start(jar, "jdbc:sqlite:" + folder.resolve("console.db"), port,
                "384m", "--late-event-days", "400")) {
            HttpClient http = HttpClient.newHttpClient();
            String base = server.baseUrl();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate first = today.minusDays(DAYS);
            String account = MAPPER.readTree(send(http, "POST", base + "/accounts", ServerProcess.OPERATOR_TOKEN,
                    // Periods start on the day of the month 15 days ago: the overview shows half a period.
                    "{\"name\": \"A year of usage\", \"billing_cycle_anchor\": \"" + today.minusDays(15)
                            + "T00:00:00Z\"}"))
                    .at("/result/id").asText();
            String usage = token(http, base, account, "09181cd7b2355e7f254fd16cbc8293c3");
            String reader = token(http, base, account, "7cf72faf220841aabcfdfab81c43c4f6");
            long events = 0;
            Random random = new Random(42);
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                StringBuilder batch = new StringBuilder("[");
                for (int m = 0; m < METRICS.length; m++) {
                    for (int hour = 0; hour < 24; hour++) {
                        long quantity = HOURLY[m] / 2 + (long) (random.nextDouble() * HOURLY[m]);
                        batch.append(batch.length() > 1 ? "," : "").append("{\"id\":\"").append(day).append('-')
                                .append(m).append('-').append(hour).append("\",\"metric\":\"").append(METRICS[m])
                                .append("\",\"quantity\":\"").append(quantity).append("\",\"timestamp\":\"")
                                .append(day).append(String.format(Locale.ROOT, "T%02d:30:00Z", hour)).append("\"}");
                        events++;
                    }
                }
                send(http, "POST", base + "/accounts/" + account + "/usage/events", usage, batch.append("]").toString());
            }
            send(http, "POST", base + "/billing/runs", ServerProcess.OPERATOR_TOKEN, "{}");
            int invoices = MAPPER.readTree(send(http, "GET", base + "/accounts/" + account + "/invoices?per_page=50",
                    reader, null)).at("/result").size();

            String origin = base.replace("/client/v4", "");
            String cookie = signIn(http, origin, reader);
            String overview = origin + "/accounts/" + account;
            int htmlBytes = page(http, overview, cookie).length();
            double[] overviewPage = timings(http, overview, cookie, samples);
            double[] usagePage = timings(http, overview + "/usage", cookie, samples / 4);
            double[] invoicesPage = timings(http, overview + "/invoices", cookie, samples / 4);
            double[] yearPage = timings(http, overview + "/usage?metric=workers.requests&from=" + first + "&to="
                    + today.minusDays(1), cookie, samples / 4);
            double[][] browser = browser(origin, reader, overview, Math.max(5, samples / 10));
            return new Result(events, invoices, percentile(overviewPage, 50), percentile(overviewPage, 95),
                    percentile(usagePage, 50), percentile(yearPage, 50), percentile(invoicesPage, 50), percentile(browser[0], 50),
                    percentile(browser[0], 95), percentile(browser[1], 50), percentile(browser[1], 95), htmlBytes);
        }
    }

    private static String token(HttpClient http, String base, String account, String group) throws Exception {
        return MAPPER.readTree(send(http, "POST", base + "/accounts/" + account + "/tokens",
                ServerProcess.OPERATOR_TOKEN, "{\"name\": \"bench\", \"policies\": [{\"effect\": \"allow\", "
                        + "\"permission_groups\": [{\"id\": \"" + group + "\"}], \"resources\": "
                        + "{\"com.cloudflare.api.account." + account + "\": \"*\"}}]}")).at("/result/value").asText();
    }

    /** Signs in over HTTP as a browser would: the form's token and cookie, then the session cookie. */
    private static String signIn(HttpClient http, String origin, String token) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(origin + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = FORM_TOKEN.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no form token on the sign-in page");
        }
        String formCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(origin + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return signed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("paygo_session="))
                .findFirst().orElseThrow(() -> new IllegalStateException("sign-in failed: " + signed.statusCode()))
                .split(";")[0];
    }

    private static double[] timings(HttpClient http, String url, String cookie, int count) throws Exception {
        for (int i = 0; i < 20; i++) {
            page(http, url, cookie);  // warm-up: JIT and caches
        }
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            page(http, url, cookie);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static String page(HttpClient http, String url, String cookie) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + page.statusCode());
        }
        return page.body();
    }

    /** First contentful paint and chart drawn, in ms from navigation start, over {@code count} fresh loads. */
    private static double[][] browser(String origin, String token, String overview, int count) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1280,1000");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            JavascriptExecutor js = driver;
            driver.get(origin + "/sign-in");
            driver.findElement(org.openqa.selenium.By.id("token")).sendKeys(token);
            driver.findElement(org.openqa.selenium.By.cssSelector("form[action='/sign-in'] button")).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith(overview));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new IllegalStateException("the browser did not sign in: " + driver.getCurrentUrl() + "\n"
                        + driver.getPageSource(), e);
            }
            double[] paint = new double[count];
            double[] chart = new double[count];
            for (int i = 0; i < count + 3; i++) {
                driver.get(overview);
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.Chart !== undefined && Chart.getChart(document.querySelector('canvas')) !== undefined")));
                Map<?, ?> t = (Map<?, ?>) js.executeScript("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                        + "return {paint: p ? p.startTime : -1, now: performance.now()};");
                if (i >= 3) {  // the first loads fill the browser's cache of the chart library
                    paint[i - 3] = ((Number) t.get("paint")).doubleValue();
                    chart[i - 3] = ((Number) t.get("now")).doubleValue();
                }
            }
            return new double[][] {paint, chart};
        } finally {
            driver.quit();
        }
    }

    private static String send(HttpClient http, String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
