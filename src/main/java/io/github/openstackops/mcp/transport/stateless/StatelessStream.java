package io.github.openstackops.mcp.transport.stateless;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where a stateless request's notifications go before its answer: the SSE stream of its HTTP response, or stdout.
 * Progress of a tool call and the events of {@code subscriptions/listen} travel here.
 */
public interface StatelessStream {

    /** Sends one JSON-RPC notification to the client that made the request. */
    void notify(String method, Map<String, Object> params);

    /** Completes when the client stops listening (it closed the HTTP response, or stdin ended). */
    CompletableFuture<Void> gone();

    /** A stream for requests whose answers carry no notifications (tests, plain JSON answers). */
    static StatelessStream none() {
        CompletableFuture<Void> never = new CompletableFuture<>();
        return new StatelessStream() {
            @Override
            public void notify(String method, Map<String, Object> params) {
            }

            @Override
            public CompletableFuture<Void> gone() {
                return never;
            }
        };
    }
}
