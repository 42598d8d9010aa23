package dev.paygo.cli;

import dev.paygo.ServerConfig;
import dev.paygo.db.JdbcUrl;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --database} and {@code --catalog}, shared by every command that opens paygo's store: the catalog
 * decides which billing currencies accounts may use, so a command that opens the store needs the same catalog
 * as the server.
 */
final class DatabaseOption {
    @Option(names = "--database", paramLabel = "JDBC_URL",
            defaultValue = "${env:PAYGO_DATABASE_URL:-" + ServerConfig.DEFAULT_DATABASE_URL + "}",
            description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=U (env PAYGO_DATABASE_URL; "
                    + "default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--catalog", defaultValue = "${env:PAYGO_CATALOG}", paramLabel = "FILE",
            description = "price catalog, YAML or JSON (env PAYGO_CATALOG; default: Cloudflare's public prices)")
    Path catalog;

    String url() {
        return url;
    }

    /** The URL as it may be printed: never with its password. */
    String shownUrl() {
        return JdbcUrl.redact(url);
    }

    ServerConfig config() {
        return ServerConfig.defaults().withDatabaseUrl(url).withCatalogFile(Optional.ofNullable(catalog));
    }
}
