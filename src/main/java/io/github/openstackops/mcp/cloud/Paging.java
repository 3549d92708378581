package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.schema.Limit;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.function.Function;

/**
 * Server-side pagination, the same way for every list tool: ask the API for {@code limit + 1} items from
 * {@code marker}; the extra item only tells that another page exists, and the last item shown becomes the
 * {@code next_marker}. Nothing is ever fetched whole and sliced.
 */
public final class Paging {

    /** Default and hard cap of every list tool's {@code limit}. */
    public static final int DEFAULT_LIMIT = Limit.DEFAULT;
    public static final int MAX_LIMIT = Limit.MAX;

    private Paging() {
    }

    /** One page, and the marker of the next one (null on the last page). */
    public record Slice<T>(List<T> items, @Nullable String nextMarker) {
    }

    /** The {@code limit} to send to the API. */
    public static int fetchSize(int limit) {
        return limit + 1;
    }

    /** Cuts what the API returned for {@link #fetchSize} down to the page and its cursor. */
    public static <T> Slice<T> slice(List<? extends T> fetched, int limit, Function<T, String> marker) {
        if (fetched.size() <= limit) {
            return new Slice<>(List.copyOf(fetched), null);
        }
        List<T> page = List.copyOf(fetched.subList(0, limit));
        return new Slice<>(page, marker.apply(page.get(page.size() - 1)));
    }
}
