package io.github.openstackops.mcp.prompts;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolInvoker;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.prompts.Runbook.Completion;
import io.github.openstackops.mcp.transport.McpToolAdapter;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The runbooks as MCP prompts, and {@code completion/complete} for their arguments: project, server and network names
 * come from the cloud through the same tools (and the same gate) a client would call, so a caller is offered only
 * names it could list itself.
 */
@Singleton
public class McpPrompts {

    /** At most this many completion values (the protocol's limit). */
    static final int MAX_VALUES = 100;

    private final ToolCatalog catalog;
    private final ToolInvoker invoker;

    public McpPrompts(ToolCatalog catalog, ToolInvoker invoker) {
        this.catalog = catalog;
        this.invoker = invoker;
    }

    public List<AsyncPromptSpecification> prompts() {
        return Runbooks.ALL.stream().map(r -> new AsyncPromptSpecification(describe(r),
                (exchange, request) -> Mono.fromCallable(() -> get(r, request)))).toList();
    }

    public List<AsyncCompletionSpecification> completions(Surface surface, Caller defaultCaller) {
        return Runbooks.ALL.stream().filter(r -> r.arguments().stream().anyMatch(a -> a.completes() != Completion.NONE))
                .map(r -> new AsyncCompletionSpecification(new McpSchema.PromptReference(r.name()),
                        (exchange, request) -> Mono.fromFuture(() -> complete(r, request,
                                context(exchange, surface, defaultCaller)))))
                .toList();
    }

    /** A runbook by name with these arguments, where no MCP exchange exists (protocol 2026-07-28); empty if none. */
    public java.util.Optional<McpSchema.GetPromptResult> get(String name, Map<String, Object> arguments) {
        return Runbooks.ALL.stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> get(r, new McpSchema.GetPromptRequest(name, arguments == null ? Map.of() : arguments)));
    }

    static McpSchema.Prompt describe(Runbook runbook) {
        return new McpSchema.Prompt(runbook.name(), runbook.title(), runbook.description(), runbook.arguments().stream()
                .map(a -> new McpSchema.PromptArgument(a.name(), a.description(), a.required())).toList());
    }

    McpSchema.GetPromptResult get(Runbook runbook, McpSchema.GetPromptRequest request) {
        Map<String, String> values = new HashMap<>();
        Map<String, Object> given = request.arguments() == null ? Map.of() : request.arguments();
        for (Runbook.Argument argument : runbook.arguments()) {
            Object value = given.get(argument.name());
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty() && argument.required()) {
                throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
                        "The prompt '" + runbook.name() + "' needs the argument '" + argument.name() + "' ("
                                + argument.description() + ").", null));
            }
            values.put(argument.name(), text.isEmpty() ? "(the server's project)" : text);
        }
        String text = runbook.render(values, name -> catalog.find(name).map(t -> catalog.enabled().contains(t))
                .orElse(false));
        return new McpSchema.GetPromptResult(runbook.description(),
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }

    private static ToolContext context(McpAsyncServerExchange exchange, Surface surface, Caller defaultCaller) {
        Object caller = exchange.transportContext() == null ? null : exchange.transportContext().get(McpToolAdapter.CALLER);
        return ToolContext.quiet(caller instanceof Caller c ? c : defaultCaller, surface);
    }

    java.util.concurrent.CompletableFuture<McpSchema.CompleteResult> complete(Runbook runbook, McpSchema.CompleteRequest request,
                                                                             ToolContext context) {
        Completion kind = runbook.arguments().stream()
                .filter(a -> request.argument() != null && a.name().equals(request.argument().name()))
                .map(Runbook.Argument::completes).findFirst().orElse(Completion.NONE);
        String prefix = request.argument() == null || request.argument().value() == null ? ""
                : request.argument().value().toLowerCase(Locale.ROOT);
        if (kind == Completion.NONE) {
            return java.util.concurrent.CompletableFuture.completedFuture(result(List.of()));
        }
        String tool = switch (kind) {
            case PROJECT -> "project_list";
            case SERVER -> "server_list";
            case NETWORK -> "network_list";
            case NONE -> throw new IllegalStateException();
        };
        String key = switch (kind) {
            case PROJECT -> "projects";
            case SERVER -> "servers";
            default -> "networks";
        };
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("limit", 200);
        if (kind == Completion.SERVER) {
            arguments.put("detail", false);
        }
        return invoker.submitOnDefaultCloud(tool, arguments, context).thenApply(outcome -> {
            if (!(outcome instanceof ToolOutcome.Success success)
                    || !(success.structured().get(key) instanceof List<?> items)) {
                return result(List.of()); // nothing to offer this caller (not permitted, cloud down): no values
            }
            List<String> names = items.stream().filter(Map.class::isInstance).map(i -> ((Map<?, ?>) i).get("name"))
                    .filter(Objects::nonNull).map(Object::toString)
                    .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix)).distinct().sorted().toList();
            return result(names);
        });
    }

    private static McpSchema.CompleteResult result(List<String> names) {
        List<String> values = names.size() > MAX_VALUES ? names.subList(0, MAX_VALUES) : names;
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(values, names.size(),
                names.size() > MAX_VALUES));
    }
}
