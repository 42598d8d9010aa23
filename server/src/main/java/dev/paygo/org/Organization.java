package dev.paygo.org;

import java.time.Instant;
import java.util.List;

/** A group of accounts whose usage is reported together; an account belongs to at most one. */
public record Organization(String id, String name, Instant createdOn, List<String> accountIds) {
    public Organization {
        accountIds = List.copyOf(accountIds);
    }
}
