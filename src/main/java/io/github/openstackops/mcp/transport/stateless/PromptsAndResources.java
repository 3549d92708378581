package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.prompts.McpPrompts;
import io.github.openstackops.mcp.resources.McpResources;
import io.micronaut.context.annotation.Context;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The runbooks (prompts) and the resources of protocol 2026-07-28: the same {@link McpPrompts} and
 * {@link McpResources} as the sessions serve. Their lists are fixed at start, so they are cacheable by anyone
 * ({@code public}) for as long as the tool list is when settled; reading an OpenStack object goes through the invoker
 * as the caller, like every call.
 */
@Context
public class PromptsAndResources {

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() { };

    private final McpPrompts prompts;
    private final McpResources resources;
    private final McpJsonMapper json;
    private final long ttlMs;

    public PromptsAndResources(StatelessMethods methods, McpPrompts prompts, McpResources resources,
                               McpJsonMapper json,
                               @io.micronaut.context.annotation.Value("${mcp.stateless.list-ttl:5m}") Duration ttl) {
        this.prompts = prompts;
        this.resources = resources;
        this.json = json;
        this.ttlMs = ttl.toMillis();
        methods.register("prompts/list", r -> list("prompts", prompts.prompts().stream()
                .map(McpServerFeatures.AsyncPromptSpecification::prompt).toList()));
        methods.register("prompts/get", this::getPrompt);
        methods.register("resources/list", r -> list("resources", resources.resources().stream()
                .map(McpServerFeatures.AsyncResourceSpecification::resource).toList()));
        methods.register("resources/templates/list", r -> list("resourceTemplates",
                resources.templates(r.surface(), r.caller()).stream()
                        .map(McpServerFeatures.AsyncResourceTemplateSpecification::resourceTemplate).toList()));
        methods.register("resources/read", this::read);
    }

    private CompletableFuture<StatelessReply> list(String key, List<?> items) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(key, items.stream().map(i -> json.convertValue(i, MAP)).toList());
        result.put("ttlMs", ttlMs);
        result.put("cacheScope", "public");
        return CompletableFuture.completedFuture(StatelessReply.result(result));
    }

    private CompletableFuture<StatelessReply> getPrompt(StatelessRequest request) {
        if (!(request.params().get("name") instanceof String name)) {
            return invalid("prompts/get needs the prompt's name.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = request.params().get("arguments") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        try {
            Optional<McpSchema.GetPromptResult> found = prompts.get(name, arguments);
            return found.isEmpty() ? invalid("Unknown prompt '" + name + "': prompts/list names them.")
                    : CompletableFuture.completedFuture(StatelessReply.result(json.convertValue(found.get(), MAP)));
        } catch (McpError e) {
            return invalid(e.getMessage());
        }
    }

    private CompletableFuture<StatelessReply> read(StatelessRequest request) {
        if (!(request.params().get("uri") instanceof String uri)) {
            return invalid("resources/read needs the resource's uri.");
        }
        return resources.read(uri, ToolContext.quiet(request.caller(), request.surface()))
                .map(read -> read.toFuture().handle((result, e) -> {
                    if (e != null) {
                        Throwable cause = e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e;
                        int code = cause instanceof McpError m && m.getJsonRpcError() != null
                                ? m.getJsonRpcError().code() : ErrorCodes.INTERNAL_ERROR;
                        return StatelessReply.error(code, cause instanceof McpError ? cause.getMessage()
                                : "Internal error; the server log has the details.");
                    }
                    Map<String, Object> answer = new LinkedHashMap<>(json.convertValue(result, MAP));
                    answer.put("ttlMs", 0L); // an OpenStack object as it is now: not to be kept
                    answer.put("cacheScope", "private");
                    return StatelessReply.result(answer);
                }))
                .orElseGet(() -> CompletableFuture.completedFuture(StatelessReply.error(
                        ErrorCodes.RESOURCE_NOT_FOUND, "No resource " + uri + ": resources/list and"
                                + " resources/templates/list name them.")));
    }

    private static CompletableFuture<StatelessReply> invalid(String message) {
        return CompletableFuture.completedFuture(StatelessReply.error(ErrorCodes.INVALID_PARAMS, message));
    }
}
