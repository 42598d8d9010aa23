package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.account.Account;
import dev.paygo.account.NewAccount;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paygo account create}: opens an account directly in the database. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = AccountCommand.Create.class)
final class AccountCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Open an account; prints its id.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption database;

        @Option(names = "--name", required = true, description = "the account's name")
        String name;

        @Option(names = "--currency", defaultValue = "USD", description = "ISO 4217 billing currency (default USD)")
        String currency;

        @Option(names = "--anchor", description = "billing cycle anchor, RFC 3339 (default: now)")
        OffsetDateTime anchor;

        @Override
        public Integer call() {
            try (PaygoServer paygo = PaygoServer.open(database.config())) {
                Account account = paygo.accounts().create(new NewAccount(name, currency,
                        Optional.ofNullable(anchor).map(OffsetDateTime::toInstant)));
                spec.commandLine().getOut().printf("%s\t%s\t%s\tanchor %s%n", account.id(), account.name(),
                        account.billingCurrency(), account.billingCycleAnchor());
            }
            return 0;
        }
    }
}
