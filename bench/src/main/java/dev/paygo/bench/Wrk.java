package dev.paygo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The usage-query load with wrk (a C load generator, from Debian's packages): it costs the shared cores far
 * less than a Java client, so it measures paygo rather than the client. Requests rotate over the accounts,
 * accept gzip as Cloudflare's SDKs do, and read every answer.
 */
final class Wrk {
    private Wrk() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static QueryLoad.Result measure(String base, String token, List<String> accounts, int connections, int seconds,
                                    int recordsPerAnswer) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String window = "?from=" + today.minusDays(QueryLoad.DAYS - 1) + "&to=" + today;
        String prefix = base.replaceFirst("^http://[^/]+", "");
        String paths = accounts.stream().map(a -> "\"" + prefix + "/accounts/" + a + "/billing/usage/paygo" + window + "\"")
                .collect(Collectors.joining(", "));
        Path script = Files.createTempFile("paygo-wrk", ".lua");
        Files.writeString(script, "local paths = {" + paths + "}\nlocal i = 0\nrequest = function()\n"
                + "  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: Bearer " + token, "-H", "Accept-Encoding: gzip", "-s", script.toString(),
                base.replaceFirst("(^http://[^/]+).*", "$1")).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
        long errors = (long) (number(out, "Non-2xx or 3xx responses:\\s+([0-9]+)", 0)
                + number(out, "Socket errors: connect ([0-9]+)", 0));
        return new QueryLoad.Result(rps, millis(out, "50%"), millis(out, "99%"), errors, recordsPerAnswer);
    }

    private static double millis(String out, String percentile) {
        Matcher m = Pattern.compile(Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + percentile + " latency:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + regex + ":\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double number(String out, String regex, double fallback) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : fallback;
    }
}
