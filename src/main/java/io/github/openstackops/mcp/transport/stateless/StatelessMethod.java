package io.github.openstackops.mcp.transport.stateless;

import java.util.concurrent.CompletableFuture;

/**
 * A handler for one method of protocol 2026-07-28. A bean implementing it is found by {@link StatelessMethods}; code
 * may also {@linkplain StatelessMethods#register register} a handler. Handlers must not block the calling thread:
 * long work goes to the tool invoker's virtual threads.
 */
@FunctionalInterface
public interface StatelessMethod {

    /** Serves the request; the future completes with the answer (never exceptionally on purpose). */
    CompletableFuture<StatelessReply> handle(StatelessRequest request);

    /** A named handler, as a bean. */
    interface Named extends StatelessMethod {
        /** The JSON-RPC method served, e.g. {@code tools/list}. */
        String method();
    }
}
