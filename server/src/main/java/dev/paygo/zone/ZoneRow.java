package dev.paygo.zone;

/** One row of {@code zones}: the name an account gave one of its zones. */
public record ZoneRow(String accountId, String zoneId, String name, long updatedAtMs) {
}
