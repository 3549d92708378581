package io.github.openstackops.mcp.identity;

import java.util.List;

/**
 * Keystone's lists have no pagination (no limit/marker; an operator may set {@code list_limit}, and then Keystone
 * says {@code "truncated": true}). The lists are filtered by Keystone, then cut to the caller's limit here, and the
 * result says whether anything was left out.
 */
record Capped<T>(List<T> items, boolean truncated) {

    static <T> Capped<T> of(List<T> all, int limit, boolean truncatedByKeystone) {
        if (all.size() <= limit) {
            return new Capped<>(List.copyOf(all), truncatedByKeystone);
        }
        return new Capped<>(List.copyOf(all.subList(0, limit)), true);
    }
}
