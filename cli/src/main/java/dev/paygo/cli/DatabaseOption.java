package dev.paygo.cli;

import dev.paygo.ServerConfig;
import picocli.CommandLine.Option;

/** {@code --database}, shared by every command that opens the database. */
final class DatabaseOption {
    @Option(names = "--database", paramLabel = "JDBC_URL",
            defaultValue = "${env:PAYGO_DATABASE_URL:-" + ServerConfig.DEFAULT_DATABASE_URL + "}",
            description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=U (env PAYGO_DATABASE_URL; "
                    + "default ${DEFAULT-VALUE})")
    String url;

    String url() {
        return url;
    }

    ServerConfig config() {
        return ServerConfig.defaults().withDatabaseUrl(url);
    }
}
