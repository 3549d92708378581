package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Protocol 2026-07-28 on stdio, beside the SDK's 2025-11-25 session: a request whose {@code _meta} names a 2026+
 * version is taken from stdin before the SDK sees it and served by the {@link StatelessDispatcher} for the local
 * operator; its notifications and answer are written to stdout (the caller's line writer keeps lines whole). A
 * notification in that version needs no answer (cancellation cannot stop a cloud action). Other messages pass on to
 * the SDK.
 */
public final class StatelessStdio {

    private static final Logger LOG = LoggerFactory.getLogger(StatelessStdio.class);

    private final StatelessDispatcher dispatcher;
    private final Consumer<Object> out;
    private final CompletableFuture<Void> closed;
    private final StatelessStream stream;

    /**
     * @param out    writes one message as one line on stdout
     * @param closed completes when stdin ends (listen streams end with it)
     */
    public StatelessStdio(StatelessDispatcher dispatcher, Consumer<Object> out, CompletableFuture<Void> closed) {
        this.dispatcher = dispatcher;
        this.out = out;
        this.closed = closed;
        this.stream = new StatelessStream() {
            @Override
            public void notify(String method, Map<String, Object> params) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("jsonrpc", McpSchema.JSONRPC_VERSION);
                message.put("method", method);
                message.put("params", params);
                out.accept(message);
            }

            @Override
            public CompletableFuture<Void> gone() {
                return closed;
            }
        };
    }

    /** Takes a 2026-07-28 message (true) and serves it in the background, or leaves it to the SDK (false). */
    public boolean take(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            return StatelessProtocol.isStateless(StatelessProtocol.claimedVersion(notification.params()));
        }
        if (!(message instanceof McpSchema.JSONRPCRequest request)
                || !StatelessProtocol.isStateless(StatelessProtocol.claimedVersion(request.params()))) {
            return false;
        }
        dispatcher.dispatch(request, Caller.STDIO, Surface.STDIO, stream).thenAccept(answer -> {
            try {
                out.accept(answer);
            } catch (RuntimeException e) {
                LOG.warn("cannot answer on stdout: {}", e.toString());
            }
        });
        return true;
    }
}
