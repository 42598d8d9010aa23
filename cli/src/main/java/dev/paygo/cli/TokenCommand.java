package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.auth.CreatedToken;
import dev.paygo.auth.NewToken;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.auth.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paygo token create}: creates an account API token and prints its value once. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage account API tokens.",
        subcommands = TokenCommand.Create.class)
final class TokenCommand {

    /** Permission groups by their command-line names. */
    enum Permission {
        BILLING_READ(PermissionGroup.BILLING_READ), BILLING_WRITE(PermissionGroup.BILLING_WRITE),
        USAGE_WRITE(PermissionGroup.USAGE_WRITE);

        final PermissionGroup group;

        Permission(PermissionGroup group) {
            this.group = group;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token; its value is printed once and cannot be shown again.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption database;

        @Option(names = "--account", required = true, description = "the account id")
        String account;

        @Option(names = "--name", defaultValue = "cli", description = "the token's name (default ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--permission", required = true, split = ",",
                description = "permission groups: ${COMPLETION-CANDIDATES} (case-insensitive, comma-separated)")
        List<Permission> permissions;

        @Option(names = "--expires-on", description = "expiry, RFC 3339")
        OffsetDateTime expiresOn;

        @Override
        public Integer call() {
            try (PaygoServer paygo = PaygoServer.open(database.config())) {
                if (paygo.accounts().find(account).isEmpty()) {
                    throw new IllegalArgumentException("no account " + account);
                }
                NewToken allowing = NewToken.allowing(name, account, permissions.stream().map(p -> p.group).toList());
                NewToken request = new NewToken(allowing.name(), allowing.policies(), Optional.empty(),
                        Optional.ofNullable(expiresOn).map(OffsetDateTime::toInstant));
                CreatedToken created = paygo.tokens().create(account, request, new Principal.Operator("cli"));
                spec.commandLine().getOut().println(created.value());
                spec.commandLine().getErr().println("token " + created.token().id() + " created; its value above "
                        + "is shown only this once");
            }
            return 0;
        }
    }
}
