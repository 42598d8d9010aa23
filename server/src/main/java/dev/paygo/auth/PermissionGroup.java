package dev.paygo.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * The permission groups a token policy or an account membership may grant, with Cloudflare's ids for the
 * two billing groups and a fixed id of paygo's own for Usage Write. Billing Write includes Billing Read.
 */
public enum PermissionGroup {
    BILLING_READ("7cf72faf220841aabcfdfab81c43c4f6", "Billing Read"),
    BILLING_WRITE("6c80e02421494afc9ae14414ed442632", "Billing Write"),
    USAGE_WRITE("09181cd7b2355e7f254fd16cbc8293c3", "Usage Write");

    private final String id;
    private final String displayName;

    PermissionGroup(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<PermissionGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }

    /** True when holding this group is enough for an operation that needs {@code needed}. */
    public boolean grants(PermissionGroup needed) {
        return this == needed || (this == BILLING_WRITE && needed == BILLING_READ);
    }
}
