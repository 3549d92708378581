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
        Optional<StatelessReply> refused = refusal(request);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(answer(id, refused.get()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = request.params() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>((Map<String, Object>) request.params());
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) params.remove("_meta");
        StatelessRequest call = new StatelessRequest(id, request.method(), params, meta, caller, surface, stream);
        CompletableFuture<StatelessReply> reply;
        try {
            reply = methods.find(request.method()).orElseThrow().handle(call);
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

    /**
     * Why this request cannot be served, before any handler runs: a method this version does not have (-32601, also
     * for the methods 2026-07-28 removed: initialize, ping, logging/setLevel, resources/subscribe), then an envelope
     * or params that do not fit (-32602), then a version not spoken (-32022). Empty when it can be served.
     */
    public Optional<StatelessReply> refusal(McpSchema.JSONRPCRequest request) {
        if (methods.find(request.method()).isEmpty()) {
            return Optional.of(StatelessReply.error(ErrorCodes.METHOD_NOT_FOUND, "Method not found: "
                    + request.method() + " (protocol " + StatelessProtocol.VERSION + ")."));
        }
        return check(request);
    }

    /** A refusal for a request whose envelope or params this server cannot serve. */
    static Optional<StatelessReply> check(McpSchema.JSONRPCRequest request) {
        if (request.params() != null && !(request.params() instanceof Map<?, ?>)) {
            return Optional.of(StatelessReply.error(ErrorCodes.INVALID_PARAMS, "Invalid params for "
                    + request.method() + ": params must be a JSON object."));
        }
        Map<?, ?> params = request.params() == null ? Map.of() : (Map<?, ?>) request.params();
        if (!(params.get("_meta") instanceof Map<?, ?> meta)) {
            return Optional.of(envelope(request, "params._meta is required: every request of this protocol version"
                    + " names its " + StatelessProtocol.META_PROTOCOL_VERSION + " (\"" + StatelessProtocol.VERSION
                    + "\") and " + StatelessProtocol.META_CLIENT_CAPABILITIES + " there."));
        }
        if (!(meta.get(StatelessProtocol.META_PROTOCOL_VERSION) instanceof String version)) {
            return Optional.of(envelope(request, "_meta must carry " + StatelessProtocol.META_PROTOCOL_VERSION
                    + " (\"" + StatelessProtocol.VERSION + "\")."));
        }
        if (!(meta.get(StatelessProtocol.META_CLIENT_CAPABILITIES) instanceof Map<?, ?>)) {
            return Optional.of(envelope(request, "_meta must carry " + StatelessProtocol.META_CLIENT_CAPABILITIES
                    + " (an object, {} when the client declares none)."));
        }
        Object info = meta.get(StatelessProtocol.META_CLIENT_INFO);
        if (info != null && !(info instanceof Map<?, ?>)) {
            return Optional.of(envelope(request, StatelessProtocol.META_CLIENT_INFO
                    + " must be an object with a name and a version."));
        }
        if (!StatelessProtocol.VERSION.equals(version)) {
            return Optional.of(unsupported(version));
        }
        return JsonRpcChecks.invalidParams(request).map(e -> StatelessReply.error(e.code(), e.message()));
    }

    private static StatelessReply envelope(McpSchema.JSONRPCRequest request, String problem) {
        return StatelessReply.error(ErrorCodes.INVALID_PARAMS, "Invalid params for " + request.method() + ": "
                + problem);
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
