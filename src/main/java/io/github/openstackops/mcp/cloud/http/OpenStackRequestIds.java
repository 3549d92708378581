package io.github.openstackops.mcp.cloud.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * The request ids the cloud gave the calls made on this thread ({@code X-Openstack-Request-Id}, Nova's
 * {@code X-Compute-Request-Id}), so that an audit line can name them. A tool call runs on one thread from start to
 * end, so clearing at its start and reading at its end yields the ids of that call (capped, oldest first).
 */
public final class OpenStackRequestIds {

    private static final int MAX = 20;
    private static final ThreadLocal<SequencedSet<String>> IDS = ThreadLocal.withInitial(LinkedHashSet::new);

    private OpenStackRequestIds() {
    }

    /** Forgets the ids recorded on this thread (call at the start of a tool call). */
    public static void clear() {
        IDS.remove();
    }

    /** The ids recorded on this thread since the last {@link #clear()}. */
    public static List<String> current() {
        return new ArrayList<>(IDS.get());
    }

    static void record(String id) {
        if (id == null || id.isBlank() || id.length() > 128) {
            return;
        }
        SequencedSet<String> ids = IDS.get();
        if (ids.size() < MAX) {
            ids.add(id.trim());
        }
    }
}
