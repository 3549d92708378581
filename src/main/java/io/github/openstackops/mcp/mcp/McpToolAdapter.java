package io.github.openstackops.mcp.mcp;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolInvoker;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.micronaut.context.annotation.Value;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncListFilter;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The catalog seen through MCP: one tool specification per tool the server offers (the gate decided which), a list
 * filter that hides what a given caller may not use, and a call handler that hands every call to the one
 * {@link ToolInvoker}. Nothing MCP-specific decides what may run.
 */
@Singleton
public class McpToolAdapter {

    /** Key of the {@link Caller} in an MCP transport context (set by the HTTP transport after authentication). */
    public static final String CALLER = "caller";

    private final ToolCatalog catalog;
    private final ToolInvoker invoker;
    private final Duration elicitationTimeout;

    public McpToolAdapter(ToolCatalog catalog, ToolInvoker invoker,
                          @Value("${mcp.elicitation-timeout:2m}") Duration elicitationTimeout) {
        this.catalog = catalog;
        this.invoker = invoker;
        this.elicitationTimeout = elicitationTimeout;
    }

    public List<AsyncToolSpecification> specifications(Surface surface, Caller defaultCaller) {
        return catalog.enabled().stream().map(t -> specification(t, surface, defaultCaller)).toList();
    }

    /** Hides tools the caller of this request may not use (e.g. a JWT without the write scope). */
    public McpAsyncListFilter<McpSchema.Tool> visibilityFilter(Caller defaultCaller) {
        return (context, tool) -> Mono.fromSupplier(() -> catalog.find(tool.name())
                .map(t -> catalog.gate().refusal(t, callerOf(context, defaultCaller)).isEmpty())
                .orElse(false));
    }

    public static McpSchema.Tool describe(ToolDefinition<?, ?> tool) {
        return McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .outputSchema(tool.outputSchema())
                .annotations(tool.safety().annotations(tool.title()))
                .build();
    }

    private AsyncToolSpecification specification(ToolDefinition<?, ?> tool, Surface surface, Caller defaultCaller) {
        return AsyncToolSpecification.builder()
                .tool(describe(tool))
                .callHandler((exchange, request) -> {
                    Caller caller = callerOf(exchange.transportContext(), defaultCaller);
                    McpToolContext context = new McpToolContext(exchange, request.progressToken(), caller, surface,
                            elicitationTimeout, tool.name());
                    return Mono.fromFuture(() -> invoker.submit(tool.name(), request.arguments(), context))
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
        boolean gated = catalog.find(name).map(t -> catalog.gate().serverRefusal(t).isPresent()).orElse(false);
        if (!gated) {
            return CompletableFuture.completedFuture(null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = params.get("arguments") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return invoker.submit(name, arguments, ToolContext.quiet(caller, surface)).thenApply(outcome -> null);
    }

    static Caller callerOf(McpTransportContext context, Caller defaultCaller) {
        Object caller = context == null ? null : context.get(CALLER);
        return caller instanceof Caller c ? c : defaultCaller;
    }

    static CallToolResult toResult(ToolOutcome outcome) {
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
