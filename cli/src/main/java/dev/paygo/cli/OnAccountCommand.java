package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.account.Account;
import dev.paygo.error.PaygoException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command on one account's data, from the database directly: the database, the account, where it prints. */
abstract class OnAccountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--account", required = true, description = "the account's id")
    String accountId;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PaygoServer paygo = PaygoServer.open(database.config())) {
            Account account = paygo.accounts().find(accountId)
                    .orElseThrow(() -> PaygoException.notFound("/accounts/" + accountId));
            print(paygo, account, out);
        }
        out.flush();
        return 0;
    }

    abstract void print(PaygoServer paygo, Account account, PrintWriter out);
}
