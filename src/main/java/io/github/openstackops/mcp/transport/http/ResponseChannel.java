package io.github.openstackops.mcp.transport.http;

import io.github.openstackops.mcp.transport.JsonRpcChecks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.sse.Event;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One HTTP response (a POST answer or the GET stream) as the SDK sees it. Its head is decided by the first message: a
 * JSON-RPC response first means plain JSON; anything else switches to SSE. Messages queue in a bounded sink until Netty
 * subscribes; a client too slow to drain it loses the stream rather than the server's memory. JSON-RPC errors leave
 * {@linkplain JsonRpcChecks#clean cleaned} of Java internals.
 */
final class ResponseChannel implements McpStreamableServerTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseChannel.class);

    final Sinks.One<MutableHttpResponse<?>> head = Sinks.one();
    /** Made only when the answer becomes a stream: most answers are one plain JSON response. */
    private Sinks.Many<Event<String>> events;
    private final McpJsonMapper json;
    private final int maxQueuedMessages;
    private final String sessionId;
    volatile Runnable onDisconnect = () -> { };
    private boolean streaming;
    private boolean closed;

    ResponseChannel(McpJsonMapper json, String sessionId, boolean sse, int maxQueuedMessages) {
        this.json = json;
        this.sessionId = sessionId;
        this.maxQueuedMessages = maxQueuedMessages;
        if (sse) { // Micronaut writes the response head with the first element: flush it now with a comment
            startStreaming();
            events.tryEmitNext(Event.of("").comment("stream open"));
        }
    }

    private void startStreaming() {
        streaming = true;
        events = Sinks.many().unicast().onBackpressureBuffer(Queues.<Event<String>>get(maxQueuedMessages).get());
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
            String text = write(JsonRpcChecks.clean(message));
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
