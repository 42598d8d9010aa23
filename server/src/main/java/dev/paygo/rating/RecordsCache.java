package dev.paygo.rating;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Encoded usage answers, kept while the account's usage version is unchanged. An answer depends only on the
 * account's rollups (their version), the window and the catalog (fixed for the life of the process), so a
 * cached answer with the current version is exactly what rating again would produce. Bounded by size
 * (64 MiB of answers, least recently used out first). Thread-safe.
 */
final class RecordsCache {
    /** Which answer: the account, the shape of its records, the window. */
    record Key(String accountId, String shape, LocalDate from, LocalDate to) {
    }

    private record Entry(long version, byte[] body) {
    }

    private final Cache<Key, Entry> cache = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Key key, Entry entry) -> entry.body().length)
            .build();

    /** The cached answer, if it was made at {@code version}. */
    Optional<byte[]> find(Key key, long version) {
        Entry entry = cache.getIfPresent(key);
        return entry != null && entry.version() == version ? Optional.of(entry.body()) : Optional.empty();
    }

    void put(Key key, long version, byte[] body) {
        cache.put(key, new Entry(version, body));
    }
}
