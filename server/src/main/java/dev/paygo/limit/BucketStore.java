package dev.paygo.limit;

/** Where token buckets live: in this process, or in the database shared by every node. */
public interface BucketStore {
    /**
     * Takes up to {@code wanted} whole tokens from {@code key}'s bucket (a new bucket starts full) and returns how
     * many were taken, 0 when it is empty.
     */
    long take(String key, long wanted, long nowMs, Rate rate);
}
