package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Protocol 2026-07-28 on stdio, beside the SDK's 2025-11-25 session: a request whose {@code _meta} names a 2026+
 * version is taken from stdin before the SDK sees it and served by the {@link StatelessDispatcher} for the local
 * operator; its notifications and answer are written to stdout (the caller's line writer keeps lines whole). A
 * {@code notifications/cancelled} naming such a request ends its stream (a listener stops listening; a tool call runs
 * on, a cloud action cannot be taken back) and its answer is not sent. Other messages pass on to the SDK.
 */
public final class StatelessStdio {

    private static final Logger LOG = LoggerFactory.getLogger(StatelessStdio.class);

    private final StatelessDispatcher dispatcher;
    private final Consumer<Object> out;
    private final CompletableFuture<Void> closed;
    /** Requests being served, by id: cancelling one ends its stream. */
    private final Map<Object, CompletableFuture<Void>> serving = new ConcurrentHashMap<>();

    /**
     * @param out    writes one message as one line on stdout
     * @param closed completes when stdin ends (every stream ends with it)
     */
    public StatelessStdio(StatelessDispatcher dispatcher, Consumer<Object> out, CompletableFuture<Void> closed) {
        this.dispatcher = dispatcher;
        this.out = out;
        this.closed = closed;
    }

    /** Takes a 2026-07-28 message (true) and serves it in the background, or leaves it to the SDK (false). */
    public boolean take(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            return cancels(notification)
                    || StatelessProtocol.isStateless(StatelessProtocol.claimedVersion(notification.params()));
        }
        if (!(message instanceof McpSchema.JSONRPCRequest request)
                || !StatelessProtocol.isStateless(StatelessProtocol.claimedVersion(request.params()))) {
            return false;
        }
        CompletableFuture<Void> gone = new CompletableFuture<>();
        closed.thenRun(() -> gone.complete(null));
        serving.put(request.id(), gone);
        dispatcher.dispatch(request, Caller.STDIO, Surface.STDIO, stream(gone)).thenAccept(answer -> {
            serving.remove(request.id(), gone);
            if (!gone.isDone()) { // else cancelled, or nobody reads stdout any more
                send(answer);
            }
        });
        return true;
    }

    /** Ends the stream of the stateless request a cancellation names (true), if one is being served. */
    private boolean cancels(McpSchema.JSONRPCNotification notification) {
        if (!StatelessProtocol.CANCELLED.equals(notification.method())
                || !(notification.params() instanceof Map<?, ?> params) || params.get("requestId") == null) {
            return false;
        }
        CompletableFuture<Void> gone = serving.get(params.get("requestId"));
        if (gone == null) {
            return false;
        }
        gone.complete(null);
        return true;
    }

    private StatelessStream stream(CompletableFuture<Void> gone) {
        return new StatelessStream() {
            @Override
            public void notify(String method, Map<String, Object> params) {
                if (gone.isDone()) {
                    return;
                }
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("jsonrpc", McpSchema.JSONRPC_VERSION);
                message.put("method", method);
                message.put("params", params);
                send(message);
            }

            @Override
            public CompletableFuture<Void> gone() {
                return gone;
            }
        };
    }

    private void send(Object message) {
        try {
            out.accept(message);
        } catch (RuntimeException e) {
            LOG.warn("cannot answer on stdout: {}", e.toString());
        }
    }
}
