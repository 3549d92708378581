package io.github.openstackops.mcp.catalog;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a call the gate allows may start now (e.g. a per-caller rate limit). The invoker asks every
 * admission bean, on every surface, before any work is done; a refusal becomes a {@link ToolOutcome.Failure#RATE_LIMITED}
 * error that says when to retry.
 */
public interface ToolCallAdmission {

    /** Why the call may not start now and when to retry, or empty to admit it. */
    Optional<Refusal> admit(ToolDefinition<?, ?> tool, ToolContext context);

    record Refusal(String message, Duration retryAfter) {
    }
}
