package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, as .ci/run installs them) driven
 * by Selenium: pages, the browser console's errors, axe-core's accessibility rules, screenshots and downloads.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("paygo.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("paygo.chromedriver", "/usr/bin/chromedriver");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final String origin;
    private final Path screenshots;
    private final Path downloads;

    Browser(String origin) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("the console tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): .ci/run installs them, or apt-get install chromium "
                    + "chromium-driver");
        }
        this.origin = origin;
        try {
            this.screenshots = Files.createDirectories(Path.of(System.getProperty("paygo.screenshots.dir",
                    "target/screenshots")));
            this.downloads = Files.createTempDirectory("paygo-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As root in CI Chromium needs --no-sandbox; the background-networking flags keep it off this closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the server and waits for the page's scripts to have run. */
    void open(String path) {
        driver.get(origin + path);
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    /** Clicks what submits a form or follows a link, and waits for the next page to have loaded. */
    void clickAndWait(String css) {
        WebElement page = find("html");
        find(css).click();
        // The old page's root goes stale; mid-navigation ChromeDriver may instead say its node left the document.
        waitUntil(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    String path() {
        return driver.getCurrentUrl().substring(origin.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
    }

    /** Waits until every chart on the page has been drawn by the chart library. */
    void waitForCharts() {
        waitUntil(d -> Boolean.TRUE.equals(js("return window.Chart !== undefined && Array.from("
                + "document.querySelectorAll('canvas[data-chart]')).every(c => window.Chart.getChart(c) !== undefined)")));
    }

    /** The browser console's errors since the last call, but the failed load of a page answered with a 4xx on purpose. */
    List<String> consoleErrors(boolean refusalExpected) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            boolean refusal = refusalExpected && entry.getMessage().contains("Failed to load resource: the server "
                    + "responded with a status of 4");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !refusal) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    void assertNoConsoleErrors() {
        assertThat(consoleErrors(false)).as("browser console errors on " + path()).isEmpty();
    }

    /** axe-core's WCAG 2 A and AA rules on the page as it is: the violations, as "rule: nodes". */
    List<String> accessibilityViolations() {
        js(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('error: ' + e));");
        String json = String.valueOf(result);
        if (json.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed: " + json);
        }
        List<String> violations = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(json)) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                violations.add(v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    void assertAccessible() {
        assertThat(accessibilityViolations()).as("axe-core violations on " + path()).isEmpty();
    }

    /** Saves a screenshot of the whole page as {@code name}.png under target/screenshots. */
    Path screenshot(String name) {
        Number height = (Number) js("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1280, Math.max(800, Math.min(4000, height.intValue() + 140))));
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Waits for a download named {@code name} to finish and returns it. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        waitUntil(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core's WebJar is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
