package io.github.openstackops.mcp.catalog;

import java.time.Duration;
import java.util.Map;

/**
 * Sees every completed tool call (e.g. the audit trail), synchronously, on the thread that ran the call and before the
 * surface gets the outcome. Must not throw and must not block for long.
 */
public interface ToolCallObserver {

    /** What happened to a call. */
    enum Outcome { EXECUTED, PREVIEWED, CANCELLED, REFUSED_BY_GATE, RATE_LIMITED, INVALID, FAILED }

    record Event(ToolDefinition<?, ?> tool, Caller caller, Surface surface,
                 Map<String, Object> arguments, Outcome outcome, String detail, Duration duration) {
    }

    void onCall(Event event);

    /**
     * A call of a known tool starts, on the thread that will run its handler (and later call {@link #onCall}); e.g.
     * to reset per-call, per-thread state.
     */
    default void onStart(ToolDefinition<?, ?> tool, ToolContext context) {
    }
}
