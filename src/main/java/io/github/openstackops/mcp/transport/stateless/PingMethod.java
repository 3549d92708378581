package io.github.openstackops.mcp.transport.stateless;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code ping}: an empty result. */
@Singleton
class PingMethod implements StatelessMethod.Named {

    @Override
    public String method() {
        return "ping";
    }

    @Override
    public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
        return CompletableFuture.completedFuture(StatelessReply.result(Map.of()));
    }
}
