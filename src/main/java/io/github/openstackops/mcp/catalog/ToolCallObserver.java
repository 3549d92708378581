package io.github.openstackops.mcp.catalog;

import java.time.Duration;
import java.util.Map;

/** Sees every completed tool call (e.g. the audit trail). Must not throw and must not block for long. */
public interface ToolCallObserver {

    /** What happened to a call. */
    enum Outcome { EXECUTED, PREVIEWED, CANCELLED, REFUSED_BY_GATE, INVALID, FAILED }

    record Event(ToolDefinition<?, ?> tool, String toolName, Caller caller, Surface surface,
                 Map<String, Object> arguments, Outcome outcome, String detail, Duration duration) {
    }

    void onCall(Event event);
}
