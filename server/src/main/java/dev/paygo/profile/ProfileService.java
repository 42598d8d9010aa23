package dev.paygo.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.account.Account;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.period.BillingPeriods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads and writes billing profiles. Every account has one: until its first write it is the empty profile,
 * answered without storing anything (a read never writes), whose id is derived from the account's id so that
 * it keeps the id it was first shown with once stored. Writes are atomic and never lose a concurrent update (optimistic versioning, retried). Thread-safe.
 */
public final class ProfileService {
    private static final TypeReference<TreeMap<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final int WRITE_ATTEMPTS = 10;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ProfileService(Jdbi jdbi, Clock clock, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The account's profile. */
    public BillingProfile get(Account account) {
        return toProfile(jdbi.withExtension(ProfileDao.class, dao -> dao.find(account.id()))
                .orElseGet(() -> emptyRow(account)));
    }

    /** The account's profile if it has been written (stored) at least once. */
    public Optional<BillingProfile> find(Account account) {
        return jdbi.withExtension(ProfileDao.class, dao -> dao.find(account.id())).map(this::toProfile);
    }

    /** Replaces every writable field (absent ones are cleared); see {@link #write}. */
    public BillingProfile replace(Account account, ProfileChange change) {
        return write(account, change, true, row -> { });
    }

    /** Changes the fields present in the body; {@code null} clears one. */
    public BillingProfile patch(Account account, ProfileChange change) {
        return write(account, change, false, row -> { });
    }

    /**
     * Fills the profile of an account that has none yet (no field and no card on file); 409 when it has one:
     * that one is changed with PUT or PATCH, or deleted first.
     */
    public BillingProfile create(Account account, ProfileChange change) {
        return write(account, change, true, row -> {
            if (!readFields(row.fieldsJson()).isEmpty() || row.cardLast4() != null) {
                throw new PaygoException(ErrorCode.CONFLICT, "this account has a billing profile already: change it "
                        + "with PUT or PATCH, or DELETE it first");
            }
        });
    }

    /**
     * Deletes the profile's contents: every field and the card on file (payment details included). Its id and
     * the account's invoices stay; the account can create a profile again.
     */
    public BillingProfile delete(Account account) {
        return write(account, new ProfileChange(Map.of(), Set.of(), Optional.empty(), true,
                Optional.empty(), Optional.empty()), true, row -> { });
    }

    /** The first day of the next billing period, at 00:00 UTC. */
    public Instant nextBillDate(Account account) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new BillingPeriods(account.billingCycleAnchor()).containing(today).end()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private BillingProfile write(Account account, ProfileChange change, boolean replace,
                                 Consumer<ProfileRow> check) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            ProfileRow current = row(account);
            check.accept(current);
            ProfileRow next = apply(current, change, replace);
            int updated = jdbi.withExtension(ProfileDao.class, dao -> dao.update(next));
            if (updated == 1) {
                return toProfile(row(account));
            }
        }
        throw new IllegalStateException("billing profile of " + account.id() + " kept changing under a write");
    }

    private ProfileRow apply(ProfileRow current, ProfileChange change, boolean replace) {
        Map<String, Object> fields = replace ? new TreeMap<>() : readFields(current.fieldsJson());
        fields.putAll(change.set());
        change.cleared().forEach(fields::remove);

        Problems problems = new Problems();
        Optional<Card> onFile = toCard(current);
        Optional<Card> card = card(onFile, change, replace, problems);
        problems.throwIfAny();

        long now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        return new ProfileRow(current.accountId(), current.id(), writeFields(fields),
                card.map(Card::brand).orElse(null), card.map(Card::last4).orElse(null),
                card.map(Card::expiryMonth).orElse(null), card.map(Card::expiryYear).orElse(null),
                current.balanceMicros(), current.version(), current.createdAtMs(), Math.max(now, current.editedAtMs()));
    }

    /** The card after a change: a new full number, the one on file (its masked form), or none. */
    private Optional<Card> card(Optional<Card> onFile, ProfileChange change, boolean replace, Problems problems) {
        Optional<CardNumber> number = Optional.empty();
        boolean keep = !replace && !change.cardCleared();
        if (change.cardNumber().isPresent()) {
            String sent = change.cardNumber().get().strip();
            if (onFile.isPresent() && sent.equals(onFile.get().masked())) {
                keep = true;
            } else {
                number = CardNumber.parse(sent);
                keep = false;
                if (number.isEmpty()) {
                    problems.add("/card_number", ProfileChange.INVALID_CARD);
                    return Optional.empty();
                }
            }
        }
        Optional<Card> base = keep ? onFile : Optional.empty();
        if (number.isEmpty() && base.isEmpty()) {
            if (change.expiryMonth().isPresent() || change.expiryYear().isPresent()) {
                problems.add(change.expiryMonth().isPresent() ? "/card_expiry_month" : "/card_expiry_year",
                        "needs a card: send card_number too");
            }
            return Optional.empty();
        }
        Optional<Integer> month = change.expiryMonth().or(() -> base.map(Card::expiryMonth));
        Optional<Integer> year = change.expiryYear().or(() -> base.map(Card::expiryYear));
        if (month.isEmpty()) {
            problems.add("/card_expiry_month", "is required with a new card_number");
        }
        if (year.isEmpty()) {
            problems.add("/card_expiry_year", "is required with a new card_number");
        }
        if (month.isEmpty() || year.isEmpty()) {
            return Optional.empty();
        }
        if (YearMonth.of(year.get(), month.get()).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            problems.add("/card_expiry_year", "and card_expiry_month are in the past: the card has expired");
            return Optional.empty();
        }
        String brand = number.map(CardNumber::brand).orElseGet(() -> base.orElseThrow().brand());
        String last4 = number.map(CardNumber::last4).orElseGet(() -> base.orElseThrow().last4());
        return Optional.of(new Card(brand, last4, month.get(), year.get()));
    }

    /** The account's stored profile row, storing the empty one first if it has none. */
    private ProfileRow row(Account account) {
        return jdbi.withExtension(ProfileDao.class, dao -> dao.find(account.id()).orElseGet(() -> {
            // ON CONFLICT DO NOTHING makes a concurrent first write harmless: one empty profile wins.
            dao.insertIfAbsent(emptyRow(account));
            return dao.find(account.id()).orElseThrow();
        }));
    }

    private static ProfileRow emptyRow(Account account) {
        long created = account.createdOn().toEpochMilli();
        return new ProfileRow(account.id(), profileId(account.id()), "{}", null, null, null, null, 0L, 0L,
                created, created);
    }

    /** 32 hex characters derived from the account id: the same on every read of a profile not yet stored. */
    static String profileId(String accountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("paygo billing profile " + accountId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private BillingProfile toProfile(ProfileRow row) {
        return new BillingProfile(row.id(), row.accountId(), readFields(row.fieldsJson()), toCard(row),
                row.balanceMicros(), Instant.ofEpochMilli(row.createdAtMs()), Instant.ofEpochMilli(row.editedAtMs()));
    }

    private static Optional<Card> toCard(ProfileRow row) {
        if (row.cardLast4() == null) {
            return Optional.empty();
        }
        return Optional.of(new Card(row.cardBrand(), row.cardLast4(), row.cardExpiryMonth(), row.cardExpiryYear()));
    }

    private Map<String, Object> readFields(String json) {
        try {
            return mapper.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile fields are unreadable", e);
        }
    }

    private String writeFields(Map<String, Object> fields) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile fields are plain data", e);
        }
    }
}
