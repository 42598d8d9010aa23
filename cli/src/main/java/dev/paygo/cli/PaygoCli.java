package dev.paygo.cli;

import dev.paygo.catalog.InvalidCatalogException;
import dev.paygo.error.ApiError;
import dev.paygo.error.PaygoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paygo} command: the jar's only entry point. */
@Command(name = "paygo", mixinStandardHelpOptions = true, version = "paygo 0.1.0",
        description = "Self-hosted pay-as-you-go billing that serves Cloudflare's Billing API (v4).",
        subcommands = {ServeCommand.class, AccountCommand.class, TokenCommand.class, OperatorTokenCommand.class,
                MigrateCommand.class, UsageCommand.class, BillCommand.class, InvoicesCommand.class,
                CreditsCommand.class, ExportCommand.class})
public final class PaygoCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with paygo's error handling: domain errors print their messages, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PaygoCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof PaygoException paygo) {
                for (ApiError error : paygo.errors()) {
                    commandLine.getErr().println("error: " + error.message());
                }
                return 2;
            }
            if (e instanceof dev.paygo.client.errors.PaygoException client) {
                commandLine.getErr().println("error: " + client.getMessage());
                return 2;
            }
            if (e instanceof IllegalArgumentException || e instanceof InvalidCatalogException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
