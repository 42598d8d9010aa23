package dev.paygo.limit;

/** One row of {@code rate_limit_buckets}. */
public record BucketRow(long tokensMicro, long updatedMs) {
}
