package dev.paygo.org;

/** One row of {@code organizations}. */
public record OrganizationRow(String id, String name, long createdAtMs) {
}
