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

    /** One answer, and its gzip form made on first demand (answers of 1,550 records shrink ~25x). */
    static final class Entry {
        private final long version;
        private final byte[] body;
        private volatile byte[] gzip;

        Entry(long version, byte[] body) {
            this.version = version;
            this.body = body;
        }

        long version() {
            return version;
        }

        byte[] body() {
            return body;
        }

        byte[] gzip() {
            byte[] compressed = gzip;
            if (compressed == null) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 8 + 64);
                try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
                    zip.write(body);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                compressed = out.toByteArray();
                gzip = compressed;
            }
            return compressed;
        }
    }

    private final Cache<Key, Entry> cache = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Key key, Entry entry) -> entry.body().length + entry.body().length / 8)
            .build();

    /** The cached answer, if it was made at {@code version}. */
    Optional<Entry> find(Key key, long version) {
        Entry entry = cache.getIfPresent(key);
        return entry != null && entry.version() == version ? Optional.of(entry) : Optional.empty();
    }

    Entry put(Key key, long version, byte[] body) {
        Entry entry = new Entry(version, body);
        cache.put(key, entry);
        return entry;
    }
}
