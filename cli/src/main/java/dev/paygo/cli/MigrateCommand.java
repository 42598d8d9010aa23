package dev.paygo.cli;

import dev.paygo.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paygo migrate}: applies pending database migrations and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply database migrations.")
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        // Flyway holds one connection for its lock and migrates on another (PostgreSQL): two at least.
        try (Database db = Database.open(database.url(), 2)) {
            int applied = db.migrate();
            spec.commandLine().getOut().println(applied + " migration(s) applied to " + database.shownUrl());
        }
        return 0;
    }
}
