package io.github.openstackops.mcp.transport.http;

import io.github.openstackops.mcp.transport.stateless.StatelessStream;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.sse.Event;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP response to one stateless request: plain JSON when the answer is the first thing sent, an SSE stream when
 * notifications (progress, subscription events) come first, the answer last. Events queue in a bounded sink; a client
 * that does not read loses the stream. The client closing the response is what {@link #gone()} reports.
 */
final class StatelessResponse implements StatelessStream {

    private static final Logger LOG = LoggerFactory.getLogger(StatelessResponse.class);

    final Sinks.One<MutableHttpResponse<?>> head = Sinks.one();
    private final McpJsonMapper json;
    private final int maxQueuedMessages;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private Sinks.Many<Event<String>> events;
    private boolean closed;

    StatelessResponse(McpJsonMapper json, int maxQueuedMessages) {
        this.json = json;
        this.maxQueuedMessages = maxQueuedMessages;
    }

    @Override
    public synchronized void notify(String method, Map<String, Object> params) {
        if (closed) {
            return;
        }
        if (events == null) {
            events = Sinks.many().unicast().onBackpressureBuffer(Queues.<Event<String>>get(maxQueuedMessages).get());
            Flux<Event<String>> body = events.asFlux().doOnCancel(() -> gone.complete(null));
            head.tryEmitValue(HttpResponse.ok(body).contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                    .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no"));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        message.put("method", method);
        message.put("params", params);
        if (events.tryEmitNext(Event.of(write(message)).name("message")).isFailure()) {
            LOG.warn("a client is not reading its stream; closing it");
            closed = true;
            events.tryEmitComplete();
            gone.complete(null);
        }
    }

    @Override
    public CompletableFuture<Void> gone() {
        return gone;
    }

    /** Sends the answer and ends the response. */
    synchronized void finish(Map<String, Object> answer) {
        if (closed) {
            return;
        }
        closed = true;
        String text = write(answer);
        if (events == null) {
            head.tryEmitValue(HttpResponse.ok(text).contentType(MediaType.APPLICATION_JSON_TYPE));
        } else {
            events.tryEmitNext(Event.of(text).name("message"));
            events.tryEmitComplete();
        }
        gone.complete(null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
