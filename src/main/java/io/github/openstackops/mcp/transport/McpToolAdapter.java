package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.micronaut.context.annotation.Value;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncListFilter;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The catalog seen through MCP, in the server's tool mode: one tool specification per tool the server offers (the
 * gate decided which), a list filter that hides what a given caller may not use, and a call handler that hands every
 * call to the {@link ToolListing} and so to the one invoker. Nothing MCP-specific decides what may run.
 */
@Singleton
public class McpToolAdapter {

    /** Key of the {@link Caller} in an MCP transport context (set by the HTTP transport after authentication). */
    public static final String CALLER = "caller";

    private final ToolListing listing;
    private final Duration elicitationTimeout;

    public McpToolAdapter(ToolListing listing,
                          @Value("${mcp.elicitation-timeout:2m}") Duration elicitationTimeout) {
        this.listing = listing;
        this.elicitationTimeout = elicitationTimeout;
    }

    public List<AsyncToolSpecification> specifications(Surface surface, Caller defaultCaller) {
        return listing.offered().stream().map(t -> specification(t, surface, defaultCaller)).toList();
    }

    /** Hides tools the caller of this request may not use (e.g. a JWT without the write scope). */
    public McpAsyncListFilter<McpSchema.Tool> visibilityFilter(Caller defaultCaller) {
        return (context, tool) -> Mono.fromSupplier(() -> listing.visibleTo(callerOf(context, defaultCaller))
                .stream().anyMatch(t -> t.name().equals(tool.name())));
    }

    /** An operation as mode all lists it. */
    public static McpSchema.Tool describe(ToolDefinition<?, ?> tool) {
        return ListedTool.of(tool).mcpTool();
    }

    /**
     * Brings the server's registered tools in line with what is offered now (the admin tier changed) and tells the
     * clients with {@code notifications/tools/list_changed}.
     */
    public void refresh(McpAsyncServer server, Surface surface, Caller defaultCaller) {
        java.util.Map<String, McpSchema.Tool> registered = new java.util.HashMap<>();
        server.listTools().doOnNext(t -> registered.put(t.name(), t)).blockLast();
        List<AsyncToolSpecification> wanted = specifications(surface, defaultCaller);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (AsyncToolSpecification spec : wanted) {
            names.add(spec.tool().name());
            McpSchema.Tool now = registered.get(spec.tool().name());
            if (now != null && now.equals(spec.tool())) {
                continue;
            }
            if (now != null) {
                server.removeTool(spec.tool().name()).block();
            }
            server.addTool(spec).block();
        }
        for (String name : registered.keySet()) {
            if (!names.contains(name)) {
                server.removeTool(name).block();
            }
        }
        server.notifyToolsListChanged().block();
    }

    private AsyncToolSpecification specification(ListedTool tool, Surface surface, Caller defaultCaller) {
        return AsyncToolSpecification.builder()
                .tool(tool.mcpTool())
                .callHandler((exchange, request) -> {
                    Caller caller = callerOf(exchange.transportContext(), defaultCaller);
                    McpToolContext context = new McpToolContext(exchange, request.progressToken(), caller, surface,
                            elicitationTimeout, tool.name());
                    return Mono.fromFuture(() -> listing.submit(tool.name(), request.arguments(), context))
                            .map(McpToolAdapter::toResult);
                })
                .build();
    }

    /**
     * A {@code tools/call} for a tool this server does not register (e.g. a WRITE tool while modifications are off)
     * never reaches a handler: the SDK answers "Unknown tool". It still goes through the invoker here first, which
     * refuses it at the gate and tells the observers, so the attempt is in the audit trail like on every other
     * surface. Anything else passes untouched.
     */
    public CompletableFuture<Void> refuseUnregistered(McpSchema.JSONRPCMessage message, Caller caller, Surface surface) {
        if (!(message instanceof McpSchema.JSONRPCRequest request)
                || !McpSchema.METHOD_TOOLS_CALL.equals(request.method())
                || !(request.params() instanceof Map<?, ?> params)) {
            return CompletableFuture.completedFuture(null);
        }
        String name = String.valueOf(params.get("name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = params.get("arguments") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        boolean registered = listing.offered().stream().anyMatch(t -> t.name().equals(name));
        if (registered || !listing.reachesAnOperation(name, arguments)) {
            return CompletableFuture.completedFuture(null);
        }
        return listing.submit(name, arguments, ToolContext.quiet(caller, surface)).thenApply(outcome -> null);
    }

    static Caller callerOf(McpTransportContext context, Caller defaultCaller) {
        Object caller = context == null ? null : context.get(CALLER);
        return caller instanceof Caller c ? c : defaultCaller;
    }

    public static CallToolResult toResult(ToolOutcome outcome) {
        return switch (outcome) {
            case ToolOutcome.Success success -> CallToolResult.builder()
                    .structuredContent(success.structured())
                    .addTextContent(ToolJson.write(success.structured()))
                    .isError(false)
                    .build();
            case ToolOutcome.Error error -> CallToolResult.builder()
                    .addTextContent(error.message())
                    .isError(true)
                    .build();
        };
    }
}
