package dev.paygo.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.PaygoClient;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.errors.PaygoServiceException;
import dev.paygo.client.models.UsageEvent;
import dev.paygo.client.models.UsageIngestParams;
import dev.paygo.client.models.UsagePaygoParams;
import dev.paygo.client.models.UsagePaygoResponseItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code paygo usage send} and {@code paygo usage report}: a running paygo, through the Java SDK. */
@Command(name = "usage", mixinStandardHelpOptions = true, description = "Send usage to, and report it from, a running paygo.",
        subcommands = {UsageCommand.Send.class, UsageCommand.Report.class})
final class UsageCommand {

    /** Where the server is and how to authenticate; defaults from the environment. */
    static final class Connection {
        @Option(names = "--base-url", defaultValue = "${env:CLOUDFLARE_BASE_URL:-http://localhost:8787/client/v4}",
                description = "API base URL (env CLOUDFLARE_BASE_URL; default ${DEFAULT-VALUE})")
        String baseUrl;

        @Option(names = "--token", defaultValue = "${env:CLOUDFLARE_API_TOKEN}",
                description = "API token (env CLOUDFLARE_API_TOKEN)")
        String token;

        PaygoClient client() {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("give a token with --token or CLOUDFLARE_API_TOKEN");
            }
            return PaygoClient.builder().baseUrl(baseUrl).apiToken(token).build();
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Send events from NDJSON or JSON-array files in batches, with a progress bar. An "
                    + "interrupted send resumes where it stopped (FILE.progress) if the file is unchanged; events are "
                    + "idempotent anyway. A bad event anywhere in a file stops the send before anything is sent.")
    static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Connection connection = new Connection();

        @Option(names = "--account", required = true, description = "the account the events belong to")
        String account;

        @Option(names = "--batch-size", defaultValue = "1000", description = "events per request (default ${DEFAULT-VALUE})")
        int batchSize;

        @Option(names = "--cloudevents", description = "send as a CloudEvents batch instead of a JSON array")
        boolean cloudEvents;

        @Option(names = "--restart", description = "ignore saved progress and send every event again")
        boolean restart;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "NDJSON (one event a line) or a JSON array")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("--batch-size must be 1 to 10000");
            }
            long accepted = 0;
            long duplicates = 0;
            try (PaygoClient client = connection.client()) {
                for (Path file : files) {
                    long[] counts = send(client, file);
                    accepted += counts[0];
                    duplicates += counts[1];
                }
            }
            spec.commandLine().getOut().printf("%d accepted, %d duplicates%n", accepted, duplicates);
            return 0;
        }

        private long[] send(PaygoClient client, Path file) throws IOException {
            Path progressFile = file.resolveSibling(file.getFileName() + ".progress");
            // Read through once first: a bad event anywhere stops the send before anything is sent.
            long total = countEvents(file);
            String fingerprint = sha256(file);
            long done = restart ? 0 : savedProgress(progressFile, fingerprint, file);
            Progress progress = new Progress(spec.commandLine().getErr(), file.getFileName().toString(), total);
            long[] counts = new long[2];
            long[] position = {0};
            List<UsageEvent> batch = new ArrayList<>();
            Runnable flush = () -> {
                if (batch.isEmpty()) {
                    return;
                }
                var result = client.billing().usage().ingest(UsageIngestParams.builder().accountId(account)
                        .events(batch).format(cloudEvents ? UsageIngestParams.Format.CLOUDEVENTS
                                : UsageIngestParams.Format.JSON).build());
                counts[0] += result.accepted();
                counts[1] += result.duplicates();
                batch.clear();
                saveProgress(progressFile, new SavedProgress(fingerprint, position[0]));
                progress.show(position[0]);
            };
            progress.show(done);
            readEvents(file, event -> {
                position[0]++;
                if (position[0] <= done) {
                    return;
                }
                batch.add(event);
                if (batch.size() == batchSize) {
                    flush.run();
                }
            });
            flush.run();
            progress.finish();
            Files.deleteIfExists(progressFile);
            return counts;
        }

        /** How far an earlier send of a file got, and which content it was sending. */
        record SavedProgress(String sha256, long sent) {
        }

        /**
         * Where to resume: the saved position, if it was saved for this very content; else 0, with a word on
         * standard error (sending again from the start is harmless: events are idempotent by their ids).
         */
        private long savedProgress(Path progressFile, String fingerprint, Path file) {
            if (!Files.exists(progressFile)) {
                return 0;
            }
            try {
                SavedProgress saved = ClientCore.MAPPER.readValue(progressFile.toFile(), SavedProgress.class);
                if (fingerprint.equals(saved.sha256()) && saved.sent() >= 0) {
                    return saved.sent();
                }
            } catch (IOException e) {
                // unreadable: treated as a file that changed
            }
            spec.commandLine().getErr().println(file.getFileName() + " changed since its progress was saved (or the "
                    + "progress file is unreadable): sending it from the start; events already stored count as "
                    + "duplicates");
            return 0;
        }

        private static void saveProgress(Path file, SavedProgress progress) {
            try {
                Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                ClientCore.MAPPER.writeValue(temp.toFile(), progress);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String sha256(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[65536];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    digest.update(buffer, 0, read);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        private static long countEvents(Path file) throws IOException {
            long[] count = {0};
            readEvents(file, e -> count[0]++);
            return count[0];
        }

        /**
         * Streams the events of an NDJSON file or a JSON-array file, in order. Anything that is not an event
         * object (an array element that is not an object, a line that is not JSON, text after the array) is an
         * error naming where it is: nothing is skipped silently.
         */
        static void readEvents(Path file, Consumer<UsageEvent> sink) throws IOException {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.mark(1);
                int first;
                do {
                    reader.mark(1);
                    first = reader.read();
                } while (first != -1 && Character.isWhitespace(first));
                reader.reset();
                if (first == '[') {
                    readArray(file, reader, sink);
                } else {
                    readLines(file, reader, sink);
                }
            } catch (java.nio.charset.MalformedInputException e) {
                throw new IllegalArgumentException(file + " is not UTF-8 text");
            }
        }

        private static void readArray(Path file, BufferedReader reader, Consumer<UsageEvent> sink) throws IOException {
            try (JsonParser parser = ClientCore.MAPPER.createParser(reader)) {
                parser.nextToken();
                int element = 0;
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    element++;
                    if (token != JsonToken.START_OBJECT) {
                        throw new IllegalArgumentException(file + ": element " + element + " of the array ("
                                + at(parser.currentTokenLocation()) + ") is not an event object");
                    }
                    sink.accept(UsageEvent.fromJson((ObjectNode) ClientCore.MAPPER.readTree(parser)));
                }
                if (parser.nextToken() != null) {
                    throw new IllegalArgumentException(file + ": there is more after the array ("
                            + at(parser.currentTokenLocation()) + ")");
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + ": not valid JSON (" + at(e.getLocation()) + ")");
            }
        }

        private static void readLines(Path file, BufferedReader reader, Consumer<UsageEvent> sink) throws IOException {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = ClientCore.MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + number + " is not valid JSON");
                }
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(file + " line " + number + " is not a JSON object");
                }
                sink.accept(UsageEvent.fromJson(object));
            }
        }

        private static String at(JsonLocation location) {
            return location == null ? "position unknown"
                    : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Print an account's daily usage records.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Connection connection = new Connection();

        @Option(names = "--account", required = true)
        String account;

        @Option(names = "--from", description = "first day (YYYY-MM-DD); with --to")
        LocalDate from;

        @Option(names = "--to", description = "last day, inclusive; with --from (default: the current period)")
        LocalDate to;

        @Override
        public Integer call() {
            List<UsagePaygoResponseItem> records;
            try (PaygoClient client = connection.client()) {
                records = client.billing().usage().paygo(UsagePaygoParams.builder().accountId(account).from(from)
                        .to(to).build());
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (PaygoServiceException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            String format = "%-10s  %-38s  %20s  %-16s  %14s  %14s%n";
            out.printf(format, "DAY", "SERVICE", "CONSUMED", "UNIT", "COST", "PERIOD TOTAL");
            BigDecimal total = BigDecimal.ZERO;
            for (UsagePaygoResponseItem r : records) {
                out.printf(format, r.chargePeriodStart().toLocalDate(), abbreviate(r.serviceName(), 38),
                        r.consumedQuantity().toPlainString(), abbreviate(r.consumedUnit(), 16),
                        r.contractedCost().toPlainString(), r.cumulatedContractedCost().toPlainString());
                total = total.add(r.contractedCost());
            }
            out.printf("%d records; cost of these days: %s %s%n", records.size(), total.toPlainString(),
                    records.isEmpty() ? "" : records.get(0).billingCurrency());
            return 0;
        }

        private static String abbreviate(String text, int width) {
            return text.length() <= width ? text : text.substring(0, width - 1) + "…";
        }
    }

    /** A one-line progress bar on standard error. */
    private static final class Progress {
        private final PrintWriter err;
        private final String label;
        private final long total;

        Progress(PrintWriter err, String label, long total) {
            this.err = err;
            this.label = label;
            this.total = total;
        }

        void show(long done) {
            int width = 30;
            int filled = total == 0 ? width : (int) (width * done / total);
            err.printf("\r%s [%s%s] %3d%% %d/%d events", label, "#".repeat(filled), "-".repeat(width - filled),
                    total == 0 ? 100 : done * 100 / total, done, total);
            err.flush();
        }

        void finish() {
            err.println();
            err.flush();
        }
    }
}
