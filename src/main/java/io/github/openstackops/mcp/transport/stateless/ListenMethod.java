package io.github.openstackops.mcp.transport.stateless;

import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code subscriptions/listen}: a long-lived answer on which the server announces what the client opted in to. Only
 * {@code toolsListChanged} is real here (the admin tier resolving changes the tools); prompts and resources are fixed
 * at start and resource subscriptions are not offered, so the acknowledgement names only what is honoured. Every
 * notification carries the listen request's id as its subscription id. The answer comes when the server shuts down;
 * a client that closes the stream simply stops listening.
 */
@Singleton
class ListenMethod implements StatelessMethod.Named {

    static final String ACKNOWLEDGED = "notifications/subscriptions/acknowledged";
    static final String TOOLS_CHANGED = "notifications/tools/list_changed";

    private final CatalogChanges changes;

    ListenMethod(CatalogChanges changes) {
        this.changes = changes;
    }

    @Override
    public String method() {
        return "subscriptions/listen";
    }

    @Override
    public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
        if (!(request.params().get("notifications") instanceof Map<?, ?> wanted)) {
            return CompletableFuture.completedFuture(StatelessReply.error(ErrorCodes.INVALID_PARAMS,
                    "Invalid params for subscriptions/listen: notifications must be an object naming what to hear of,"
                            + " e.g. {\"toolsListChanged\": true}."));
        }
        boolean tools = Boolean.TRUE.equals(wanted.get("toolsListChanged"));
        Map<String, Object> subscription = Map.of(StatelessProtocol.META_SUBSCRIPTION_ID, request.id());
        CompletableFuture<StatelessReply> ended = new CompletableFuture<>();
        StatelessStream stream = request.stream();
        Optional<Runnable> stop = changes.listen(request.caller().principal(), new CatalogChanges.Listener() {
            @Override
            public void toolsChanged() {
                if (tools) {
                    stream.notify(TOOLS_CHANGED, Map.of("_meta", subscription));
                }
            }

            @Override
            public void end() {
                ended.complete(StatelessReply.result(Map.of("_meta", subscription)));
            }
        });
        if (stop.isEmpty()) {
            return CompletableFuture.completedFuture(StatelessReply.error(ErrorCodes.INVALID_REQUEST,
                    "Too many open subscriptions for this caller (at most " + changes.maxPerCaller()
                            + "); close one before listening again."));
        }
        Map<String, Object> honoured = tools ? Map.of("toolsListChanged", true) : Map.of();
        stream.notify(ACKNOWLEDGED, Map.of("notifications", honoured, "_meta", subscription));
        stream.gone().thenRun(() -> ended.complete(StatelessReply.result(Map.of("_meta", subscription))));
        return ended.whenComplete((r, e) -> stop.get().run());
    }
}
