package io.github.openstackops.mcp.transport.stateless;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** What a stateless method answers: a result (the dispatcher adds resultType and _meta) or a JSON-RPC error. */
public sealed interface StatelessReply {

    /** A complete result. */
    record Result(Map<String, Object> result) implements StatelessReply {
    }

    /** An input-required result (multi-round-trip request): the client answers the embedded requests and retries. */
    record InputRequired(Map<String, Object> inputRequests, String requestState) implements StatelessReply {
    }

    /** A JSON-RPC error; {@code data} may be null. */
    record Error(int code, String message, @Nullable Object data) implements StatelessReply {
    }

    static StatelessReply result(Map<String, Object> result) {
        return new Result(result);
    }

    static StatelessReply error(int code, String message) {
        return new Error(code, message, null);
    }
}
