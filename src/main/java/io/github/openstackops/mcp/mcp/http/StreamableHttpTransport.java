package io.github.openstackops.mcp.mcp.http;

import io.github.openstackops.mcp.auth.CallerResolver;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.mcp.McpServerFactory;
import io.github.openstackops.mcp.mcp.McpToolAdapter;
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
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSession;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.modelcontextprotocol.util.KeepAliveScheduler;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MCP streamable HTTP (protocol 2025-03-26 to 2025-11-25) at {@code /mcp}, implementing the SDK's transport SPI on
 * Micronaut/Netty. Nothing here blocks the event loop: handlers return Monos and tool calls run on the invoker's
 * virtual threads.
 * <ul>
 *   <li>POST initialize creates a session bound to the authenticated caller and answers with {@code Mcp-Session-Id}.</li>
 *   <li>POST request: plain JSON when the response is the first thing sent, otherwise text/event-stream (progress and
 *       log notifications and elicitation requests first, the response last).</li>
 *   <li>POST response/notification from the client: 202. GET: the session's server-to-client stream. DELETE: ends it.</li>
 *   <li>A foreign Origin gets 403; a session used by another caller than the one who opened it gets 404.</li>
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
    private final DefaultServerTransportSecurityValidator originValidator;
    private final KeepAliveScheduler keepAlive;
    private final Map<String, SessionEntry> sessions = new ConcurrentHashMap<>();
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    private static final class SessionEntry {
        final McpStreamableServerSession session;
        final String principal;
        volatile long lastSeen = System.nanoTime();

        SessionEntry(McpStreamableServerSession session, String principal) {
            this.session = session;
            this.principal = principal;
        }
    }

    public StreamableHttpTransport(McpJsonMapper json, HttpTransportSettings settings, CallerResolver callers,
                                   McpToolAdapter tools) {
        this.json = json;
        this.settings = settings;
        this.callers = callers;
        this.tools = tools;
        this.originValidator = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(settings.allowedOrigins()).build();
        this.keepAlive = KeepAliveScheduler.builder(() -> Flux.fromIterable(sessions.values())
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
        return Flux.fromIterable(sessions.values())
                .flatMap(e -> e.session.sendNotification(method, params).onErrorResume(x -> Mono.empty()))
                .then();
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            SessionEntry e = sessions.get(sessionId);
            return e == null ? Mono.empty() : e.session.sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.defer(() -> {
            closing = true;
            keepAlive.shutdown();
            return Flux.fromIterable(List.copyOf(sessions.values()))
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

        if (message instanceof McpSchema.JSONRPCRequest req && McpSchema.METHOD_INITIALIZE.equals(req.method())) {
            if (sessions.size() >= settings.maxSessions()) {
                return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, "Too many open sessions; try again later"));
            }
            McpSchema.InitializeRequest init = json.convertValue(req.params(), new TypeRef<>() { });
            McpStreamableServerSession.McpStreamableServerSessionInit started = sessionFactory.startSession(init);
            String sessionId = started.session().getId();
            sessions.put(sessionId, new SessionEntry(started.session(), caller.principal()));
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

        String sessionId = request.getHeaders().get(HttpHeaders.MCP_SESSION_ID);
        if (sessionId == null || sessionId.isBlank()) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "Mcp-Session-Id header required"));
        }
        SessionEntry entry = touch(sessionId, caller);
        if (entry == null) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "Session not found"));
        }
        if (message instanceof McpSchema.JSONRPCRequest req) {
            // a call to an unregistered tool is refused (and audited) by the invoker before the SDK says "unknown"
            return Mono.fromFuture(() -> tools.refuseUnregistered(req, caller, Surface.MCP_HTTP)).then(Mono.defer(() -> {
                ResponseChannel channel = new ResponseChannel(sessionId, settings.alwaysSse());
                McpStreamableServerSession.McpStreamableServerSessionStream stream = entry.session.responseStream(channel);
                channel.onDisconnect = stream::releaseTransport;
                // fire and forget: a call outlives a client disconnect (a disconnect is not a cancellation)
                stream.handle(req)
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                        .subscribe(null, e -> LOG.warn("request {} failed: {}", req.id(), e.toString()));
                return channel.head.asMono();
            }));
        }
        Mono<Void> accepted = message instanceof McpSchema.JSONRPCResponse resp ? entry.session.accept(resp)
                : entry.session.accept((McpSchema.JSONRPCNotification) message);
        return accepted.contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .<MutableHttpResponse<?>>thenReturn(HttpResponse.accepted())
                .onErrorResume(e -> Mono.just(error(HttpStatus.BAD_REQUEST, "Message not accepted")));
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Mono<MutableHttpResponse<?>> listen(HttpRequest<?> request) {
        MutableHttpResponse<?> rejected = checkCommon(request);
        if (rejected != null) {
            return Mono.just(rejected);
        }
        if (!accepts(request, MediaType.TEXT_EVENT_STREAM)) {
            return Mono.just(error(HttpStatus.NOT_ACCEPTABLE, "Accept must list text/event-stream"));
        }
        String sessionId = request.getHeaders().get(HttpHeaders.MCP_SESSION_ID);
        if (sessionId == null) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "Mcp-Session-Id header required"));
        }
        SessionEntry entry = touch(sessionId, callers.resolve(request));
        if (entry == null) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "Session not found"));
        }
        // no event store: Last-Event-ID cannot be honoured, a new stream is opened
        ResponseChannel channel = new ResponseChannel(sessionId, true);
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
        String sessionId = request.getHeaders().get(HttpHeaders.MCP_SESSION_ID);
        if (sessionId == null) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "Mcp-Session-Id header required"));
        }
        SessionEntry entry = touch(sessionId, callers.resolve(request));
        if (entry == null || !sessions.remove(sessionId, entry)) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "Session not found"));
        }
        return entry.session.delete().onErrorComplete().<MutableHttpResponse<?>>thenReturn(HttpResponse.ok());
    }

    /** Drops sessions idle longer than the configured timeout that hold no open stream. */
    @Scheduled(fixedDelay = "${mcp.http.session-sweep-interval:60s}")
    void sweepIdleSessions() {
        long now = System.nanoTime();
        sessions.forEach((id, e) -> {
            if (!e.session.hasOpenStream() && now - e.lastSeen > settings.sessionIdleTimeout().toNanos()
                    && sessions.remove(id, e)) {
                LOG.debug("dropping idle session {}", id);
                e.session.closeGracefully().onErrorComplete().subscribe();
            }
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
        try {
            originValidator.validate(headers(request));
        } catch (ServerTransportSecurityException e) {
            return error(HttpStatus.valueOf(e.getStatusCode()), e.getMessage());
        }
        String version = request.getHeaders().get(HttpHeaders.PROTOCOL_VERSION);
        if (version != null && !VERSIONS.contains(version)) {
            return error(HttpStatus.BAD_REQUEST, "Unsupported MCP-Protocol-Version: " + version);
        }
        return null;
    }

    private static HeaderAccessor headers(HttpRequest<?> request) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return request.getHeaders().getAll(name);
            }

            @Override
            public List<String> getHeaderNames() {
                return List.copyOf(request.getHeaders().names());
            }
        };
    }

    /** The session, when it exists and belongs to this caller. */
    @Nullable
    private SessionEntry touch(String sessionId, Caller caller) {
        SessionEntry e = sessions.get(sessionId);
        if (e == null || !e.principal.equals(caller.principal())) {
            return null;
        }
        e.lastSeen = System.nanoTime();
        return e;
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

    /**
     * One HTTP response (a POST answer or the GET stream) as the SDK sees it. Its head is decided by the first
     * message: a JSON-RPC response first means plain JSON; anything else switches to SSE. Messages queue in a bounded
     * sink until Netty subscribes; a client too slow to drain it loses the stream rather than the server's memory.
     */
    private final class ResponseChannel implements McpStreamableServerTransport {
        final Sinks.One<MutableHttpResponse<?>> head = Sinks.one();
        /** Made only when the answer becomes a stream: most answers are one plain JSON response. */
        private Sinks.Many<Event<String>> events;
        private final String sessionId;
        volatile Runnable onDisconnect = () -> { };
        private boolean streaming;
        private boolean closed;

        ResponseChannel(String sessionId, boolean sse) {
            this.sessionId = sessionId;
            if (sse) { // Micronaut writes the response head with the first element: flush it now with a comment
                startStreaming();
                events.tryEmitNext(Event.of("").comment("stream open"));
            }
        }

        private void startStreaming() {
            streaming = true;
            events = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<Event<String>>get(settings.maxQueuedMessages()).get());
            Flux<Event<String>> body = events.asFlux().doOnCancel(() -> onDisconnect.run());
            head.tryEmitValue(HttpResponse.ok(body).contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                    .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no"));
        }

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message, @Nullable String messageId) {
            return Mono.fromRunnable(() -> {
                String text = write(message);
                synchronized (this) {
                    if (closed) {
                        LOG.debug("session {}: message dropped on a closed stream", sessionId);
                    } else if (!streaming && message instanceof McpSchema.JSONRPCResponse) {
                        closed = true;
                        head.tryEmitValue(HttpResponse.ok(text).contentType(MediaType.APPLICATION_JSON_TYPE));
                    } else {
                        if (!streaming) {
                            startStreaming();
                        }
                        if (events.tryEmitNext(Event.of(text).name("message").id(messageId)).isFailure()) {
                            LOG.warn("session {}: client is not reading its stream; closing it", sessionId);
                            closed = true;
                            events.tryEmitComplete();
                        }
                    }
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(this::close);
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (events != null) {
                events.tryEmitComplete();
            }
            head.tryEmitValue(HttpResponse.accepted()); // no-op unless nothing was sent
        }
    }
}
