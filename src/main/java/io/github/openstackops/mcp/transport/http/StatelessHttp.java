package io.github.openstackops.mcp.transport.http;

import io.github.openstackops.mcp.auth.CallRateLimiter;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolCallAdmission;
import io.github.openstackops.mcp.transport.stateless.StatelessDispatcher;
import io.github.openstackops.mcp.transport.stateless.StatelessProtocol;
import io.github.openstackops.mcp.transport.stateless.StatelessReply;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Protocol 2026-07-28 on {@code POST /mcp}: no session, every request served on its own by the
 * {@link StatelessDispatcher}, so any replica can serve it. Before that, the standard headers must agree with the body
 * ({@code MCP-Protocol-Version} with {@code _meta}, {@code Mcp-Method} with the method, {@code Mcp-Name} with the
 * tool name or URI): gateways route on them, so a disagreement is refused (400, HeaderMismatch); a version this server
 * does not speak is refused with the versions it does (400, UnsupportedProtocolVersion), a request without its
 * {@code _meta} envelope is invalid params (400), a method this version does not have is 404. Authentication and the
 * Origin rule were applied by the caller ({@link StreamableHttpTransport}); a {@code subscriptions/listen} stream
 * counts against the caller's rate limit like a new session.
 */
final class StatelessHttp {

    private static final String BASE64_START = "=?base64?";
    private static final String BASE64_END = "?=";

    private final McpJsonMapper json;
    private final StatelessDispatcher dispatcher;
    @Nullable
    private final CallRateLimiter rateLimit;
    private final int maxQueuedMessages;

    StatelessHttp(McpJsonMapper json, StatelessDispatcher dispatcher, @Nullable CallRateLimiter rateLimit,
                  int maxQueuedMessages) {
        this.json = json;
        this.dispatcher = dispatcher;
        this.rateLimit = rateLimit;
        this.maxQueuedMessages = maxQueuedMessages;
    }

    /** Whether this message is for the stateless protocol: its header or its {@code _meta} names a 2026+ version. */
    static boolean applies(HttpRequest<?> request, McpSchema.JSONRPCMessage message) {
        if (StatelessProtocol.isStateless(request.getHeaders().get(HttpHeaders.PROTOCOL_VERSION))) {
            return true;
        }
        Object params = message instanceof McpSchema.JSONRPCRequest r ? r.params()
                : message instanceof McpSchema.JSONRPCNotification n ? n.params() : null;
        return StatelessProtocol.isStateless(StatelessProtocol.claimedVersion(params));
    }

    Mono<MutableHttpResponse<?>> post(HttpRequest<?> http, McpSchema.JSONRPCMessage message, Caller caller) {
        if (message instanceof McpSchema.JSONRPCNotification) {
            // cancellation is closing the response; nothing else a client notifies needs an answer
            return Mono.just(HttpResponse.accepted());
        }
        if (!(message instanceof McpSchema.JSONRPCRequest request)) {
            return Mono.just(refusal(HttpStatus.BAD_REQUEST, null, StatelessReply.error(
                    McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: protocol " + StatelessProtocol.VERSION
                            + " has no server-to-client requests to answer; send requests and notifications.")));
        }
        Optional<StatelessReply> mismatch = headerProblem(http, request);
        if (mismatch.isPresent()) {
            return Mono.just(refusal(HttpStatus.BAD_REQUEST, request.id(), mismatch.get()));
        }
        Optional<StatelessReply> refused = dispatcher.refusal(request);
        if (refused.isPresent()) {
            boolean missing = refused.get() instanceof StatelessReply.Error e
                    && e.code() == McpSchema.ErrorCodes.METHOD_NOT_FOUND;
            return Mono.just(refusal(missing ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, request.id(),
                    refused.get()));
        }
        if ("subscriptions/listen".equals(request.method()) && rateLimit != null) {
            Optional<ToolCallAdmission.Refusal> limited = rateLimit.admit(caller, "requests (tool calls and streams)");
            if (limited.isPresent()) {
                return Mono.just(refusal(HttpStatus.TOO_MANY_REQUESTS, request.id(),
                        StatelessReply.error(McpSchema.ErrorCodes.INVALID_REQUEST, limited.get().message()))
                        .header(io.micronaut.http.HttpHeaders.RETRY_AFTER,
                                Long.toString(limited.get().retryAfter().toSeconds())));
            }
        }
        StatelessResponse response = new StatelessResponse(json, maxQueuedMessages);
        dispatcher.dispatch(request, caller, Surface.MCP_HTTP, response).thenAccept(response::finish);
        return response.head.asMono();
    }

    /** Why the headers cannot be trusted to describe the body, or empty when they agree. */
    static Optional<StatelessReply> headerProblem(HttpRequest<?> http, McpSchema.JSONRPCRequest request) {
        String header = http.getHeaders().get(HttpHeaders.PROTOCOL_VERSION);
        String claimed = StatelessProtocol.claimedVersion(request.params());
        if (header == null) {
            return Optional.of(mismatch("the MCP-Protocol-Version header is required with protocol "
                    + StatelessProtocol.VERSION + "."));
        }
        if (!StatelessProtocol.VERSION.equals(header)) {
            return Optional.of(StatelessDispatcher.unsupported(header));
        }
        if (claimed != null && !header.equals(claimed)) { // without one, _meta is what is wrong (-32602)
            return Optional.of(mismatch("the MCP-Protocol-Version header (" + header + ") and _meta "
                    + StatelessProtocol.META_PROTOCOL_VERSION + " (" + claimed + ") must name the same version."));
        }
        String method = http.getHeaders().get(StatelessProtocol.HEADER_METHOD);
        if (method == null) {
            return Optional.of(mismatch("the Mcp-Method header is required (the request's method)."));
        }
        if (!method.equals(request.method())) {
            return Optional.of(mismatch("the Mcp-Method header (" + method + ") is not the request's method ("
                    + request.method() + ")."));
        }
        String field = StatelessProtocol.NAME_FIELDS.get(request.method());
        if (field != null) {
            String name = http.getHeaders().get(StatelessProtocol.HEADER_NAME);
            Object body = request.params() instanceof Map<?, ?> p ? p.get(field) : null;
            if (name == null) {
                return Optional.of(mismatch("the Mcp-Name header is required with " + request.method() + " (its "
                        + field + ")."));
            }
            Optional<String> decoded = decode(name);
            if (decoded.isEmpty()) {
                return Optional.of(mismatch("the Mcp-Name header is not valid base64 between =?base64? and ?=."));
            }
            if (!decoded.get().equals(body)) {
                return Optional.of(mismatch("the Mcp-Name header is not the request's " + field + "."));
            }
        }
        return Optional.empty();
    }

    /** A header value as sent: plain, or UTF-8 in base64 between the sentinels. */
    static Optional<String> decode(String value) {
        if (value.startsWith(BASE64_START) && value.endsWith(BASE64_END)
                && value.length() >= BASE64_START.length() + BASE64_END.length()) {
            try {
                return Optional.of(new String(Base64.getDecoder().decode(value.substring(BASE64_START.length(),
                        value.length() - BASE64_END.length())), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    private static StatelessReply mismatch(String why) {
        return StatelessReply.error(StatelessProtocol.HEADER_MISMATCH, "Header mismatch: " + why);
    }

    private MutableHttpResponse<?> refusal(HttpStatus status, @Nullable Object id, StatelessReply reply) {
        Map<String, Object> body = StatelessDispatcher.answer(id, reply);
        try {
            return HttpResponse.status(status).body(json.writeValueAsString(body))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
