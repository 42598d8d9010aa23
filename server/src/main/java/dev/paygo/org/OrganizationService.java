package dev.paygo.org;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.json.JsonFields;
import dev.paygo.paging.PageRequest;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Organizations: the operator groups accounts so that their usage is reported (and exported) together, and can
 * give an organization its own read-only tokens. An account belongs to at most one organization. Thread-safe.
 */
public final class OrganizationService {
    public static final int MAX_NAME = 256;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccountService accounts;

    public OrganizationService(Jdbi jdbi, Clock clock, AccountService accounts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Creates an organization without accounts; the name is trimmed and must hold 1 to 256 characters. */
    public Organization create(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || !JsonFields.isPlainText(trimmed)) {
            throw PaygoException.invalid("/name", "must hold 1 to " + MAX_NAME + " characters without control "
                    + "characters");
        }
        OrganizationRow row = new OrganizationRow(Ids.hex32(), trimmed, clock.millis());
        jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(row));
        return organization(row, List.of());
    }

    /** The organization of {@code id}, if it exists. */
    public Optional<Organization> find(String id) {
        if (!Ids.isHex32(id)) {
            return Optional.empty();
        }
        return jdbi.withExtension(OrganizationDao.class, dao -> dao.find(id)
                .map(row -> organization(row, dao.listMembers(id))));
    }

    /** The organization of {@code id}; 404 naming {@code path} when there is none. */
    public Organization get(String id, String path) {
        return find(id).orElseThrow(() -> PaygoException.notFound(path));
    }

    /** One page of organizations, oldest first, with their accounts. */
    public Page<Organization> list(PageRequest page) {
        return jdbi.withExtension(OrganizationDao.class, dao -> Page.of(dao.listPage(page.perPage(), page.offset())
                .stream().map(row -> organization(row, dao.listMembers(row.id()))).toList(), page, dao.count()));
    }

    /**
     * Adds an account to the organization; adding a member again changes nothing. 404 for an unknown organization
     * or account, 409 when the account belongs to another organization.
     */
    public Organization addAccount(String organizationId, String accountId, String path) {
        get(organizationId, path);
        Account account = (Ids.isHex32(accountId) ? accounts.find(accountId) : Optional.<Account>empty())
                .orElseThrow(() -> PaygoException.notFound(path));
        jdbi.useTransaction(h -> {
            OrganizationDao dao = h.attach(OrganizationDao.class);
            if (dao.addMember(organizationId, account.id(), clock.millis()) == 0) {
                String current = dao.findOrganizationOf(account.id()).orElseThrow();
                if (!current.equals(organizationId)) {
                    throw new PaygoException(ErrorCode.CONFLICT, "account " + account.id() + " belongs to "
                            + "organization " + current + ": remove it there first (an account belongs to at most "
                            + "one organization)");
                }
            }
        });
        return get(organizationId, path);
    }

    /** Removes an account from the organization; 404 when the organization does not have it. */
    public Organization removeAccount(String organizationId, String accountId, String path) {
        get(organizationId, path);
        int removed = jdbi.withExtension(OrganizationDao.class, dao -> dao.removeMember(organizationId, accountId));
        if (removed == 0) {
            throw PaygoException.notFound(path);
        }
        return get(organizationId, path);
    }

    /** The organization the account belongs to, if any. */
    public Optional<Organization> organizationOf(String accountId) {
        return jdbi.withExtension(OrganizationDao.class, dao -> dao.findOrganizationOf(accountId)).flatMap(this::find);
    }

    /** The organization's member accounts, by id. */
    public List<Account> members(Organization organization) {
        return organization.accountIds().stream().map(accounts::find).flatMap(Optional::stream).toList();
    }

    private static Organization organization(OrganizationRow row, List<String> members) {
        return new Organization(row.id(), row.name(), Instant.ofEpochMilli(row.createdAtMs()), members);
    }
}
