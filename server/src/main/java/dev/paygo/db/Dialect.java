package dev.paygo.db;

import java.util.Locale;

/** The storage backends paygo runs on, chosen by the JDBC URL's scheme. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL (expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB): "
                        + JdbcUrl.redact(jdbcUrl));
    }

    /** The Flyway location holding this dialect's migrations. */
    public String migrations() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
