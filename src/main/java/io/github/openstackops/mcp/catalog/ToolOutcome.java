package io.github.openstackops.mcp.catalog;

import java.util.Map;

/** The result of one tool call, before a surface shapes it (MCP result, HTTP status and body). */
public sealed interface ToolOutcome {

    /** Why a call did not produce a result. Surfaces map these to their own vocabulary (e.g. HTTP 404/422/500). */
    enum Failure {
        /** No tool of that name exists. */
        UNKNOWN_TOOL,
        /** The tool exists but the gate refuses it to this server or caller. */
        NOT_PERMITTED,
        /** The arguments are invalid. */
        INVALID_ARGUMENTS,
        /** The tool ran and failed (cloud error, not found, conflict, refused by a guardrail). */
        TOOL_ERROR,
        /** The call took longer than the server allows. */
        TIMEOUT,
        /** The caller made too many calls; {@link Error#retryAfter()} says when to try again. */
        RATE_LIMITED,
        /** A bug; the log holds the details under the reference in the message. */
        INTERNAL
    }

    /** A structured result (a record as a JSON object) matching the tool's output schema. */
    record Success(Map<String, Object> structured) implements ToolOutcome {
    }

    /**
     * @param retryAfter when a retry may succeed (set for {@link Failure#RATE_LIMITED}), else null
     */
    record Error(Failure failure, String message, java.time.Duration retryAfter) implements ToolOutcome {
        public Error(Failure failure, String message) {
            this(failure, message, null);
        }
    }
}
