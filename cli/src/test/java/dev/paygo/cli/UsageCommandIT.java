package dev.paygo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paygo usage send} and {@code paygo usage report} against a running paygo, through the Java SDK. */
class UsageCommandIT {
    @TempDir
    Path folder;


    @Test
    void sendsFilesInBatchesResumesAndReports() throws Exception {
        try (TestServer server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-03T12:00:00Z")))) {
            String account = server.createAccount("CLI usage", "2025-02-01T00:00:00Z");
            String writer = server.createToken(account, PermissionGroup.USAGE_WRITE);
            String reader = server.createToken(account, PermissionGroup.BILLING_READ);
            StringJoiner ndjson = new StringJoiner("\n");
            for (int i = 0; i < 25; i++) {
                ndjson.add("{\"id\": \"n" + i + "\", \"metric\": \"workers.requests\", \"quantity\": 1000, "
                        + "\"timestamp\": \"2025-02-1" + (i % 3) + "T10:00:00Z\"}");
            }
            Path lines = Files.writeString(folder.resolve("usage.ndjson"), ndjson.toString());
            Path array = Files.writeString(folder.resolve("usage.json"), "[{\"id\": \"a1\", \"metric\": "
                    + "\"workers.cpu_ms\", \"quantity\": \"2.5\", \"timestamp\": \"2025-02-10T11:00:00Z\"}]");
            // A send that stopped after 10 events resumes after them (the progress names the file's content).
            Files.writeString(folder.resolve("usage.ndjson.progress"),
                    "{\"sha256\": \"" + sha256(lines) + "\", \"sent\": 10}");

            CliRun send = CliRun.of("usage", "send", "--base-url", server.baseUrl(), "--token", writer, "--account", account,
                    "--batch-size", "4", lines.toString(), array.toString());
            assertThat(send.exitCode()).as(send.err()).isZero();
            assertThat(send.out()).contains("16 accepted, 0 duplicates");
            assertThat(send.err()).contains("usage.ndjson [##############################] 100% 25/25 events");
            assertThat(folder.resolve("usage.ndjson.progress")).doesNotExist();

            CliRun again = CliRun.of("usage", "send", "--base-url", server.baseUrl(), "--token", writer, "--account", account,
                    "--cloudevents", lines.toString());
            assertThat(again.out()).contains("10 accepted, 15 duplicates");

            CliRun report = CliRun.of("usage", "report", "--base-url", server.baseUrl(), "--token", reader, "--account",
                    account, "--from", "2025-02-10", "--to", "2025-02-12");
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(report.out()).contains("DAY").contains("2025-02-10").contains("Workers Standard Requests")
                    .contains("Workers Standard CPU time").contains("9000").contains("4 records");
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static String event(String id) {
        return "{\"id\": \"" + id + "\", \"metric\": \"workers.requests\", \"quantity\": 1, "
                + "\"timestamp\": \"2025-02-10T10:00:00Z\"}";
    }

    private static long storedEvents(TestServer server, String account) {
        return server.server().usage().listDaily(account, java.time.LocalDate.parse("2025-02-01"),
                java.time.LocalDate.parse("2025-03-01")).stream().mapToLong(dev.paygo.usage.DailyUsage::events).sum();
    }

    @Test
    void aBadElementAnywhereStopsTheSendBeforeAnythingIsSentAndSaysWhere() throws Exception {
        try (TestServer server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-03T12:00:00Z")))) {
            String account = server.createAccount("CLI bad input", "2025-02-01T00:00:00Z");
            String writer = server.createToken(account, PermissionGroup.USAGE_WRITE);
            Path array = Files.writeString(folder.resolve("mixed.json"), "[" + event("a") + ",\n 5,\n" + event("b") + "]");
            CliRun mixed = CliRun.of("usage", "send", "--base-url", server.baseUrl(), "--token", writer, "--account", account,
                    array.toString());
            assertThat(mixed.exitCode()).isEqualTo(2);
            assertThat(mixed.err()).contains("element 2 of the array (line 2, column 2) is not an event object")
                    .doesNotContain("\tat ");

            Path trailing = Files.writeString(folder.resolve("trailing.json"), "[" + event("c") + "] {}");
            assertThat(CliRun.of("usage", "send", "--base-url", server.baseUrl(), "--token", writer, "--account", account,
                    trailing.toString()).err()).contains("there is more after the array");

            Path lines = Files.writeString(folder.resolve("broken.ndjson"), event("d") + "\n{\"id\": \n" + event("e"));
            CliRun broken = CliRun.of("usage", "send", "--base-url", server.baseUrl(), "--token", writer, "--account", account,
                    lines.toString());
            assertThat(broken.exitCode()).isEqualTo(2);
            assertThat(broken.err()).contains("broken.ndjson line 2 is not valid JSON");
            assertThat(storedEvents(server, account)).isZero();
        }
    }

    @Test
    void aFileThatChangedSinceItsProgressWasSavedIsSentFromTheStart() throws Exception {
        try (TestServer server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-03T12:00:00Z")))) {
            String account = server.createAccount("CLI changed", "2025-02-01T00:00:00Z");
            String writer = server.createToken(account, PermissionGroup.USAGE_WRITE);
            Path file = Files.writeString(folder.resolve("grown.ndjson"), event("1") + "\n" + event("2") + "\n" + event("3"));
            Files.writeString(folder.resolve("grown.ndjson.progress"), "{\"sha256\": \"" + "0".repeat(64) + "\", \"sent\": 2}");
            CliRun send = CliRun.of("usage", "send", "--base-url", server.baseUrl(), "--token", writer, "--account", account,
                    file.toString());
            assertThat(send.exitCode()).as(send.err()).isZero();
            assertThat(send.err()).contains("grown.ndjson changed since its progress was saved");
            assertThat(send.out()).contains("3 accepted, 0 duplicates");
            assertThat(storedEvents(server, account)).isEqualTo(3);
        }
    }

    @Test
    void problemsAreReportedWithoutAStackTrace() throws Exception {
        try (TestServer server = TestServer.start()) {
            String account = server.createAccount("CLI errors");
            String reader = server.createToken(account, PermissionGroup.BILLING_READ);
            Path file = Files.writeString(folder.resolve("bad.ndjson"), "{\"id\": \"x\", \"metric\": \"nope\", "
                    + "\"quantity\": 1, \"timestamp\": \"2025-01-01T00:00:00Z\"}\n");
            CliRun denied = CliRun.of("usage", "send", "--base-url", server.baseUrl(), "--token", reader, "--account", account,
                    file.toString());
            assertThat(denied.exitCode()).isEqualTo(2);
            assertThat(denied.err()).contains("error:").contains("403").doesNotContain("\tat ");

            CliRun noToken = CliRun.of("usage", "report", "--base-url", server.baseUrl(), "--token", "", "--account", account);
            assertThat(noToken.exitCode()).isEqualTo(2);
            assertThat(noToken.err()).contains("--token");
        }
    }
}
