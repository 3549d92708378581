package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.ServerInfo;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.transport.JsonRpcChecks;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Serves one stateless (2026-07-28) request, whatever the transport: checks its {@code _meta} envelope (a version this
 * server speaks), checks its params like every MCP request ({@link JsonRpcChecks}), hands it to the method's handler
 * ({@link StatelessMethods}) and shapes the answer: {@code resultType} and the server's identity in every result's
 * {@code _meta}, errors cleaned of Java internals. The answer is a JSON-RPC response as a plain map.
 */
@Singleton
public class StatelessDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(StatelessDispatcher.class);
    private static final Map<String, Object> SERVER = Map.of("name", ServerInfo.NAME, "version", ServerInfo.VERSION);

    private final StatelessMethods methods;

    public StatelessDispatcher(StatelessMethods methods) {
        this.methods = methods;
    }

    /** Answers the request; never completes exceptionally. */
    public CompletableFuture<Map<String, Object>> dispatch(McpSchema.JSONRPCRequest request, Caller caller,
                                                           Surface surface, StatelessStream stream) {
        Object id = request.id();
        Optional<StatelessReply> refused = check(request);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(answer(id, refused.get()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = request.params() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>((Map<String, Object>) request.params());
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) params.remove("_meta");
        Optional<StatelessMethod> handler = methods.find(request.method());
        if (handler.isEmpty()) {
            return CompletableFuture.completedFuture(answer(id, StatelessReply.error(ErrorCodes.METHOD_NOT_FOUND,
                    "Method not found: " + request.method() + " (protocol " + StatelessProtocol.VERSION + ").")));
        }
        StatelessRequest call = new StatelessRequest(id, request.method(), params, meta, caller, surface, stream);
        CompletableFuture<StatelessReply> reply;
        try {
            reply = handler.get().handle(call);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.handle((r, e) -> {
            if (e != null || r == null) {
                LOG.warn("stateless {} failed: {}", request.method(), e == null ? "no answer" : e.toString());
                return answer(id, StatelessReply.error(ErrorCodes.INTERNAL_ERROR,
                        "Internal error; the server log has the details."));
            }
            return answer(id, r);
        });
    }

    /** A refusal for a request whose envelope or params this server cannot serve. */
    static Optional<StatelessReply> check(McpSchema.JSONRPCRequest request) {
        Optional<McpSchema.JSONRPCResponse.JSONRPCError> invalid = JsonRpcChecks.invalidParams(request);
        if (invalid.isPresent()) {
            return Optional.of(StatelessReply.error(invalid.get().code(), invalid.get().message()));
        }
        String version = StatelessProtocol.claimedVersion(request.params());
        if (version == null) {
            return Optional.of(StatelessReply.error(ErrorCodes.INVALID_PARAMS, "Invalid params for " + request.method()
                    + ": _meta must carry " + StatelessProtocol.META_PROTOCOL_VERSION + " (\"" + StatelessProtocol.VERSION
                    + "\") on every request of this protocol version."));
        }
        if (!StatelessProtocol.VERSION.equals(version)) {
            return Optional.of(unsupported(version));
        }
        Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) request.params()).get("_meta");
        Object capabilities = meta.get(StatelessProtocol.META_CLIENT_CAPABILITIES);
        if (capabilities != null && !(capabilities instanceof Map<?, ?>)) {
            return Optional.of(StatelessReply.error(ErrorCodes.INVALID_PARAMS, "Invalid params for " + request.method()
                    + ": " + StatelessProtocol.META_CLIENT_CAPABILITIES + " must be an object."));
        }
        Object info = meta.get(StatelessProtocol.META_CLIENT_INFO);
        if (info != null && !(info instanceof Map<?, ?>)) {
            return Optional.of(StatelessReply.error(ErrorCodes.INVALID_PARAMS, "Invalid params for " + request.method()
                    + ": " + StatelessProtocol.META_CLIENT_INFO + " must be an object with a name and a version."));
        }
        return Optional.empty();
    }

    /** The refusal of a protocol version this server does not speak statelessly. */
    public static StatelessReply unsupported(String requested) {
        return new StatelessReply.Error(StatelessProtocol.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version "
                + requested + ": this server speaks " + StatelessProtocol.VERSION + " per request, and older versions"
                + " after initialize.", Map.of("supported", StatelessProtocol.SUPPORTED, "requested", requested));
    }

    /** The JSON-RPC response for a reply. */
    public static Map<String, Object> answer(Object id, StatelessReply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.put("id", id);
        switch (reply) {
            case StatelessReply.Result r -> body.put("result", stamp(r.result(), "complete"));
            case StatelessReply.InputRequired r -> {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("inputRequests", r.inputRequests());
                result.put("requestState", r.requestState());
                body.put("result", stamp(result, "input_required"));
            }
            case StatelessReply.Error e -> {
                McpSchema.JSONRPCResponse.JSONRPCError cleaned = JsonRpcChecks.clean(
                        new McpSchema.JSONRPCResponse.JSONRPCError(e.code(), e.message(), null));
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", cleaned.code());
                error.put("message", cleaned.message());
                if (e.data() != null && cleaned.message().equals(e.message())) {
                    error.put("data", e.data());
                }
                body.put("error", error);
            }
        }
        return body;
    }

    private static Map<String, Object> stamp(Map<String, Object> result, String type) {
        Map<String, Object> stamped = new LinkedHashMap<>(result);
        // a handler may answer with another kind of result (the Tasks extension's "task")
        stamped.putIfAbsent("resultType", type);
        Map<String, Object> meta = new LinkedHashMap<>();
        if (result.get("_meta") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> meta.put(String.valueOf(k), v));
        }
        meta.put(StatelessProtocol.META_SERVER_INFO, SERVER);
        stamped.put("_meta", meta);
        return stamped;
    }

    /** The methods served, for discovery and logs. */
    public List<String> methods() {
        return methods.names().stream().sorted().toList();
    }
}
