package io.github.openstackops.mcp.transport.http;

import io.github.openstackops.mcp.auth.CallRateLimiter;
import io.github.openstackops.mcp.auth.CallerResolver;
import io.github.openstackops.mcp.auth.OriginRule;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolCallAdmission;
import io.github.openstackops.mcp.state.SharedState;
import io.github.openstackops.mcp.transport.JsonRpcChecks;
import io.github.openstackops.mcp.transport.McpServerFactory;
import io.github.openstackops.mcp.transport.McpToolAdapter;
import io.github.openstackops.mcp.transport.stateless.StatelessDispatcher;
import io.github.openstackops.mcp.transport.stateless.StatelessProtocol;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSession;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.modelcontextprotocol.util.KeepAliveScheduler;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MCP streamable HTTP (protocol 2025-03-26 to 2025-11-25) at {@code /mcp}, implementing the SDK's transport SPI on
 * Micronaut/Netty. Nothing here blocks the event loop: handlers return Monos and tool calls run on the invoker's
 * virtual threads.
 * <ul>
 *   <li>POST initialize creates a session bound to the authenticated caller and answers with {@code Mcp-Session-Id}.</li>
 *   <li>POST request: plain JSON when the response is the first thing sent, otherwise text/event-stream (progress and
 *       log notifications and elicitation requests first, the response last).</li>
 *   <li>POST response/notification from the client: 202. GET: the session's server-to-client stream. DELETE: ends it.</li>
 *   <li>A foreign Origin gets 403 ({@link OriginRule}, exact); a session used by another caller than the one who
 *       opened it gets 404.</li>
 *   <li>initialize counts against the caller's rate limit (429) and opens a session only below the per-caller and
 *       the global caps ({@link McpSessions}: 429, 503); its params are checked first (400, invalid params).</li>
 *   <li>A request whose params do not fit its method gets invalid params ({@link JsonRpcChecks}); a request the SDK
 *       fails on still gets an answer.</li>
 * </ul>
 */
@Controller("/mcp")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class StreamableHttpTransport implements McpStreamableServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpTransport.class);
    private static final List<String> VERSIONS = List.of(ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private final McpJsonMapper json;
    private final HttpTransportSettings settings;
    private final CallerResolver callers;
    private final McpToolAdapter tools;
    @Nullable
    private final CallRateLimiter rateLimit;
    private final OriginRule origins;
    private final KeepAliveScheduler keepAlive;
    private final McpSessions sessions;
    @Nullable
    private final SharedSessions shared;
    private final StatelessHttp stateless;
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    public StreamableHttpTransport(McpJsonMapper json, HttpTransportSettings settings, CallerResolver callers,
                                   McpToolAdapter tools, @Nullable CallRateLimiter rateLimit, SharedState state,
                                   StatelessDispatcher dispatcher) {
        this.json = json;
        this.settings = settings;
        this.callers = callers;
        this.tools = tools;
        this.rateLimit = rateLimit;
        this.origins = new OriginRule(settings.allowedOrigins());
        this.sessions = new McpSessions(settings.maxSessions(), settings.maxSessionsPerCaller());
        this.shared = state.sharedAcrossProcesses() ? new SharedSessions(state, json, settings.sessionIdleTimeout()) : null;
        this.stateless = new StatelessHttp(json, dispatcher, rateLimit, settings.maxQueuedMessages());
        this.keepAlive = KeepAliveScheduler.builder(() -> Flux.fromIterable(sessions.all())
                        .map(e -> e.session).filter(McpStreamableServerSession::hasListeningStream)
                        .cast(McpSession.class))
                .initialDelay(settings.keepAliveInterval()).interval(settings.keepAliveInterval())
                .onPingFailure(s -> ((McpStreamableServerSession) s).releaseListeningStream())
                .build();
        this.keepAlive.start();
    }

    // ------------------------------------------------------------------ transport SPI

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public List<String> protocolVersions() {
        return VERSIONS;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.all())
                .flatMap(e -> e.session.sendNotification(method, params).onErrorResume(x -> Mono.empty()))
                .then();
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            McpSessions.Entry e = sessions.get(sessionId);
            return e == null ? Mono.empty() : e.session.sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.defer(() -> {
            closing = true;
            keepAlive.shutdown();
            return Flux.fromIterable(sessions.snapshot())
                    .flatMap(e -> e.session.closeGracefully().onErrorComplete())
                    .then(Mono.fromRunnable(sessions::clear));
        });
    }

    @PreDestroy
    void shutdown() {
        if (!closing) {
            closeGracefully().block(Duration.ofSeconds(10));
        }
    }

    // ------------------------------------------------------------------ HTTP

    @Post(consumes = MediaType.ALL, produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public Mono<MutableHttpResponse<?>> post(HttpRequest<?> request, @Nullable @Body String body) {
        MutableHttpResponse<?> rejected = checkCommon(request);
        if (rejected != null) {
            return Mono.just(rejected);
        }
        String contentType = request.getHeaders().get(io.micronaut.http.HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)) {
            return Mono.just(error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json"));
        }
        if (!accepts(request, MediaType.APPLICATION_JSON) || !accepts(request, MediaType.TEXT_EVENT_STREAM)) {
            return Mono.just(error(HttpStatus.NOT_ACCEPTABLE, "Accept must list application/json and text/event-stream"));
        }
        JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, body == null ? "" : body);
        } catch (IOException | IllegalArgumentException e) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, McpSchema.ErrorCodes.PARSE_ERROR, "Invalid JSON-RPC message"));
        }
        Caller caller = callers.resolve(request);
        McpTransportContext context = McpTransportContext.create(Map.of(McpToolAdapter.CALLER, caller));
        if (StatelessHttp.applies(request, message)) {
            return stateless.post(request, message, caller);
        }

        if (message instanceof McpSchema.JSONRPCRequest req && McpSchema.METHOD_INITIALIZE.equals(req.method())) {
            return initialize(req, caller);
        }

        String sessionId = request.getHeaders().get(HttpHeaders.MCP_SESSION_ID);
        if (sessionId == null || sessionId.isBlank()) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "Mcp-Session-Id header required"));
        }
        McpSessions.Entry entry = session(sessionId, caller);
        if (entry == null) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "Session not found"));
        }
        if (message instanceof McpSchema.JSONRPCRequest req) {
            Optional<McpSchema.JSONRPCResponse.JSONRPCError> invalid = JsonRpcChecks.invalidParams(req);
            if (invalid.isPresent()) {
                return Mono.just(HttpResponse.ok(write(McpSchema.JSONRPCResponse.error(req.id(), invalid.get())))
                        .contentType(MediaType.APPLICATION_JSON_TYPE));
            }
            // a call to an unregistered tool is refused (and audited) by the invoker before the SDK says "unknown"
            return Mono.fromFuture(() -> tools.refuseUnregistered(req, caller, Surface.MCP_HTTP)).then(Mono.defer(() -> {
                ResponseChannel channel = new ResponseChannel(json, sessionId, settings.alwaysSse(),
                        settings.maxQueuedMessages());
                McpStreamableServerSession.McpStreamableServerSessionStream stream = entry.session.responseStream(channel);
                channel.onDisconnect = stream::releaseTransport;
                // fire and forget: a call outlives a client disconnect (a disconnect is not a cancellation)
                Mono.defer(() -> stream.handle(req))
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                        .subscribe(null, e -> {
                            LOG.warn("request {} failed: {}", req.id(), e.toString());
                            // whatever failed, the client still gets an answer to its request
                            channel.sendMessage(McpSchema.JSONRPCResponse.error(req.id(),
                                    new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                                            "Internal error; the server log has the details.")))
                                    .then(Mono.fromRunnable(channel::close)).subscribe();
                        });
                return channel.head.asMono();
            }));
        }
        Mono<Void> accepted = message instanceof McpSchema.JSONRPCResponse resp ? entry.session.accept(resp)
                : entry.session.accept((McpSchema.JSONRPCNotification) message);
        return accepted.contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .<MutableHttpResponse<?>>thenReturn(HttpResponse.accepted())
                .onErrorResume(e -> Mono.just(error(HttpStatus.BAD_REQUEST, "Message not accepted")));
    }

    /**
     * Opens a session: under the caller's rate limit, with params an initialize takes, and below the per-caller and the
     * global session caps.
     */
    private Mono<MutableHttpResponse<?>> initialize(McpSchema.JSONRPCRequest req, Caller caller) {
        Optional<ToolCallAdmission.Refusal> limited = rateLimit == null ? Optional.empty()
                : rateLimit.admit(caller, "requests (tool calls and new sessions)");
        if (limited.isPresent()) {
            return Mono.just(error(HttpStatus.TOO_MANY_REQUESTS, limited.get().message())
                    .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, Long.toString(limited.get().retryAfter().toSeconds())));
        }
        Optional<McpSchema.JSONRPCResponse.JSONRPCError> invalid = JsonRpcChecks.invalidParams(req);
        if (invalid.isPresent()) {
            return Mono.just(HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(write(McpSchema.JSONRPCResponse.error(req.id(), invalid.get())))
                    .contentType(MediaType.APPLICATION_JSON_TYPE));
        }
        if (sessions.admits(caller.principal()) != McpSessions.Refusal.NONE) {
            return Mono.just(tooMany(sessions.admits(caller.principal())));
        }
        McpSchema.InitializeRequest init;
        try {
            init = json.convertValue(req.params(), new TypeRef<>() { });
        } catch (RuntimeException e) {
            return Mono.just(HttpResponse.status(HttpStatus.BAD_REQUEST).body(write(McpSchema.JSONRPCResponse.error(
                            req.id(), new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
                                    "Invalid params for initialize: they do not have the shape initialize takes."))))
                    .contentType(MediaType.APPLICATION_JSON_TYPE));
        }
        McpStreamableServerSession.McpStreamableServerSessionInit started = sessionFactory.startSession(init);
        String sessionId = started.session().getId();
        McpSessions.Refusal full = sessions.add(sessionId, new McpSessions.Entry(started.session(), caller.principal()));
        if (full != McpSessions.Refusal.NONE) {
            started.session().closeGracefully().onErrorComplete().subscribe();
            return Mono.just(tooMany(full));
        }
        if (shared != null) {
            shared.remember(sessionId, caller, init);
        }
        return started.initResult()
                .<MutableHttpResponse<?>>map(result -> HttpResponse.ok(write(McpSchema.JSONRPCResponse.result(req.id(), result)))
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.MCP_SESSION_ID, sessionId))
                .onErrorResume(e -> {
                    sessions.remove(sessionId);
                    return Mono.just(error(HttpStatus.INTERNAL_SERVER_ERROR, McpSchema.ErrorCodes.INTERNAL_ERROR,
                            "initialize failed"));
                });
    }

    /** The caller's session, held here or (with a shared state store) continued from another replica. */
    @Nullable
    private McpSessions.Entry session(String sessionId, Caller caller) {
        return shared == null ? sessions.touch(sessionId, caller)
                : shared.resolve(sessions, sessionId, caller, sessionFactory);
    }

    private MutableHttpResponse<?> tooMany(McpSessions.Refusal refusal) {
        return refusal == McpSessions.Refusal.CALLER_FULL
                ? error(HttpStatus.TOO_MANY_REQUESTS, "Too many open sessions for this caller (at most "
                        + settings.maxSessionsPerCaller() + "); close unused ones (DELETE /mcp) or wait for them to"
                        + " expire").header(io.micronaut.http.HttpHeaders.RETRY_AFTER, "60")
                : error(HttpStatus.SERVICE_UNAVAILABLE, "Too many open sessions; try again later");
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Mono<MutableHttpResponse<?>> listen(HttpRequest<?> request) {
        MutableHttpResponse<?> rejected = checkCommon(request);
        if (rejected != null) {
            return Mono.just(rejected);
        }
        if (statelessVersion(request)) {
            return Mono.just(error(HttpStatus.METHOD_NOT_ALLOWED, "Protocol " + StatelessProtocol.VERSION
                    + " has no GET stream: POST subscriptions/listen to hear of changes"));
        }
        if (!accepts(request, MediaType.TEXT_EVENT_STREAM)) {
            return Mono.just(error(HttpStatus.NOT_ACCEPTABLE, "Accept must list text/event-stream"));
        }
        String sessionId = request.getHeaders().get(HttpHeaders.MCP_SESSION_ID);
        if (sessionId == null) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "Mcp-Session-Id header required"));
        }
        McpSessions.Entry entry = session(sessionId, callers.resolve(request));
        if (entry == null) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "Session not found"));
        }
        // no event store: Last-Event-ID cannot be honoured, a new stream is opened
        ResponseChannel channel = new ResponseChannel(json, sessionId, true, settings.maxQueuedMessages());
        McpStreamableServerSession.McpStreamableServerSessionStream listening = entry.session.listeningStream(channel);
        channel.onDisconnect = listening::releaseTransport;
        return channel.head.asMono();
    }

    @Delete
    public Mono<MutableHttpResponse<?>> delete(HttpRequest<?> request) {
        MutableHttpResponse<?> rejected = checkCommon(request);
        if (rejected != null) {
            return Mono.just(rejected);
        }
        if (statelessVersion(request)) {
            return Mono.just(error(HttpStatus.METHOD_NOT_ALLOWED, "Protocol " + StatelessProtocol.VERSION
                    + " has no sessions to end"));
        }
        String sessionId = request.getHeaders().get(HttpHeaders.MCP_SESSION_ID);
        if (sessionId == null) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "Mcp-Session-Id header required"));
        }
        McpSessions.Entry entry = session(sessionId, callers.resolve(request));
        if (entry == null || !sessions.remove(sessionId, entry)) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "Session not found"));
        }
        if (shared != null) {
            shared.forget(sessionId);
        }
        return entry.session.delete().onErrorComplete().<MutableHttpResponse<?>>thenReturn(HttpResponse.ok());
    }

    /** Drops sessions idle longer than the configured timeout that hold no open stream. */
    @Scheduled(fixedDelay = "${mcp.http.session-sweep-interval:60s}")
    void sweepIdleSessions() {
        sessions.sweep(settings.sessionIdleTimeout(), (id, e) -> {
            LOG.debug("dropping idle session {}", id);
            e.session.closeGracefully().onErrorComplete().subscribe();
        });
    }

    public int openSessions() {
        return sessions.size();
    }

    // ------------------------------------------------------------------ helpers

    @Nullable
    private MutableHttpResponse<?> checkCommon(HttpRequest<?> request) {
        if (closing) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "Server is shutting down");
        }
        for (String origin : request.getHeaders().getAll(io.micronaut.http.HttpHeaders.ORIGIN)) {
            if (!origins.allows(origin)) {
                return error(HttpStatus.FORBIDDEN, "Origin not allowed: add it to MCP_ALLOWED_ORIGINS");
            }
        }
        String version = request.getHeaders().get(HttpHeaders.PROTOCOL_VERSION);
        // a 2026+ version is judged with the body it comes with (StatelessHttp)
        if (version != null && !VERSIONS.contains(version) && !StatelessProtocol.isStateless(version)) {
            return error(HttpStatus.BAD_REQUEST, "Unsupported MCP-Protocol-Version: " + version);
        }
        return null;
    }

    private static boolean statelessVersion(HttpRequest<?> request) {
        return StatelessProtocol.isStateless(request.getHeaders().get(HttpHeaders.PROTOCOL_VERSION));
    }

    private static boolean accepts(HttpRequest<?> request, String mediaType) {
        return request.getHeaders().getAll(io.micronaut.http.HttpHeaders.ACCEPT).stream()
                .anyMatch(a -> a.contains(mediaType) || a.contains("*/*"));
    }

    private MutableHttpResponse<?> error(HttpStatus status, String message) {
        return error(status, McpSchema.ErrorCodes.INVALID_REQUEST, message);
    }

    private MutableHttpResponse<?> error(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.put("id", null);
        body.put("error", Map.of("code", code, "message", String.valueOf(message)));
        return HttpResponse.status(status).body(write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
