package dev.paygo.cli;

import dev.paygo.PaygoServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paygo operator-token create}: an operator credential stored (hashed) in the database. */
@Command(name = "operator-token", mixinStandardHelpOptions = true, description = "Manage operator tokens.",
        subcommands = OperatorTokenCommand.Create.class)
final class OperatorTokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an operator token (may do everything); printed once.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption database;

        @Option(names = "--name", defaultValue = "operator", description = "a label (default ${DEFAULT-VALUE})")
        String name;

        @Override
        public Integer call() {
            try (PaygoServer paygo = PaygoServer.open(database.config())) {
                spec.commandLine().getOut().println(paygo.operators().create(name));
                spec.commandLine().getErr().println("operator token created; shown only this once");
            }
            return 0;
        }
    }
}
