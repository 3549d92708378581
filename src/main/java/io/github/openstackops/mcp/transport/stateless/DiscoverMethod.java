package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.ServerInfo;
import io.github.openstackops.mcp.tasks.TaskWire;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code server/discover}: the versions this server speaks, what it offers (tools, whose list changes are announced
 * on {@code subscriptions/listen}; prompts and resources, fixed at start) and the instructions every client gets. The
 * same for every caller.
 */
@Singleton
class DiscoverMethod implements StatelessMethod.Named {

    static final String INSTRUCTIONS = ServerInfo.INSTRUCTIONS + " A client that declares form elicitation is asked"
            + " to confirm a DESTRUCTIVE call in the call itself (an input-required result showing the preview) instead"
            + " of receiving a token.";

    private final CacheableToolList tools;

    DiscoverMethod(CacheableToolList tools) {
        this.tools = tools;
    }

    @Override
    public String method() {
        return "server/discover";
    }

    @Override
    public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("supportedVersions", StatelessProtocol.SUPPORTED);
        result.put("capabilities", Map.of("tools", Map.of("listChanged", true), "prompts", Map.of(),
                "resources", Map.of(), "extensions", Map.of(TaskWire.EXTENSION, Map.of())));
        result.put("instructions", INSTRUCTIONS);
        result.put("ttlMs", tools.ttlMs());
        result.put("cacheScope", "public");
        return CompletableFuture.completedFuture(StatelessReply.result(result));
    }
}
