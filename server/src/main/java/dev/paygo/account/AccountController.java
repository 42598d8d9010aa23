package dev.paygo.account;


import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.paging.PageRequest;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/** HTTP adapter of accounts: {@code POST /accounts}, {@code GET /accounts}, {@code GET /accounts/{id}}. */
public final class AccountController {
    private static final Set<String> CREATE_FIELDS = Set.of("name", "billing_currency", "billing_cycle_anchor");

    private final AccountService accounts;
    private final JsonBody body;
    private final Responses responses;

    public AccountController(AccountService accounts, JsonBody body, Responses responses) {
        this.accounts = accounts;
        this.body = body;
        this.responses = responses;
    }

    public void create(Context ctx) {
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(CREATE_FIELDS);
        // Lengths and formats are the service's rules; the body limit bounds what is read here.
        String name = fields.string("name", Integer.MAX_VALUE).orElse("");
        String currency = fields.string("billing_currency", Integer.MAX_VALUE).orElse("USD");
        NewAccount request = new NewAccount(name, currency, fields.instant("billing_cycle_anchor"));
        accounts.validate(request, fields.problems());
        fields.problems().throwIfAny();
        Account account = accounts.create(request);
        responses.created(ctx, view(account));
    }

    public void list(Context ctx) {
        Page<Account> page = accounts.list(PageRequest.from(ctx, 20));
        responses.page(ctx, new Page<>(page.items().stream().map(AccountController::view).toList(), page.info()));
    }

    public void get(Context ctx) {
        responses.ok(ctx, view(RequestAccount.of(ctx)));
    }

    static AccountView view(Account account) {
        return new AccountView(account.id(), account.name(), account.billingCurrency(), account.billingCycleAnchor(),
                account.createdOn());
    }

    /** An account on the wire. */
    record AccountView(String id, String name, String billingCurrency, Instant billingCycleAnchor,
                       Instant createdOn) {
    }
}
