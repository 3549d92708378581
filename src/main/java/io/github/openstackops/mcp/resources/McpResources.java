package io.github.openstackops.mcp.resources;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolInvoker;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.transport.McpToolAdapter;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * MCP resources: the server's own capabilities ({@link Capabilities}), and one resource template per kind of
 * OpenStack object a client may attach as context ({@code openstack://servers/{server}} ...). A template is read
 * through the tool that shows that object, by the one invoker: the same compact record, the same gate, the same
 * audit and metrics as a {@code tools/call}; a template whose tool the server does not offer is not listed.
 */
@Singleton
public class McpResources {

    public static final String CAPABILITIES_URI = "openstack-ops-mcp://capabilities";

    /** An object template: its URI (one variable, the object's id or name) and the tool that reads it. */
    record ObjectTemplate(String kind, String tool, String argument, String description) {
        String uriTemplate() {
            return "openstack://" + kind + "/{" + argument + "}";
        }

        String prefix() {
            return "openstack://" + kind + "/";
        }
    }

    static final List<ObjectTemplate> TEMPLATES = List.of(
            new ObjectTemplate("servers", "server_get", "server", "A server (id or unique name): as server_get shows it"),
            new ObjectTemplate("stacks", "stack_get", "stack", "A Heat stack (id or name): as stack_get shows it"),
            new ObjectTemplate("networks", "network_get", "network", "A network (id or unique name): as network_get"
                    + " shows it"),
            new ObjectTemplate("volumes", "volume_get", "volume", "A volume (id or unique name): as volume_get shows it"));

    private final ToolCatalog catalog;
    private final ToolInvoker invoker;
    private final Capabilities capabilities;

    public McpResources(ToolCatalog catalog, ToolInvoker invoker, Capabilities capabilities) {
        this.catalog = catalog;
        this.invoker = invoker;
        this.capabilities = capabilities;
    }

    public List<AsyncResourceSpecification> resources() {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(CAPABILITIES_URI).name("capabilities")
                .title("This server's capabilities")
                .description("The cloud, region and identity the server acts as, the services the cloud offers, and"
                        + " which tools are on and why the others are off")
                .mimeType("application/json").build();
        return List.of(new AsyncResourceSpecification(resource, (exchange, request) ->
                Mono.fromCallable(() -> json(request.uri(), ToolJson.write(capabilities.describe())))
                        .subscribeOn(Schedulers.boundedElastic())));
    }

    public List<AsyncResourceTemplateSpecification> templates(Surface surface, Caller defaultCaller) {
        return TEMPLATES.stream().filter(t -> catalog.find(t.tool()).map(catalog.enabled()::contains).orElse(false))
                .map(t -> new AsyncResourceTemplateSpecification(McpSchema.ResourceTemplate.builder()
                        .uriTemplate(t.uriTemplate()).name(t.kind()).description(t.description())
                        .mimeType("application/json").build(),
                        (exchange, request) -> read(t, request.uri(), context(exchange, surface, defaultCaller))))
                .toList();
    }

    /**
     * Reads a resource by URI for this caller, where no MCP exchange exists (protocol 2026-07-28); empty when no
     * resource of this server has that URI.
     */
    public java.util.Optional<Mono<McpSchema.ReadResourceResult>> read(String uri, ToolContext context) {
        if (CAPABILITIES_URI.equals(uri)) {
            return java.util.Optional.of(Mono.fromCallable(() -> json(uri, ToolJson.write(capabilities.describe())))
                    .subscribeOn(Schedulers.boundedElastic()));
        }
        return TEMPLATES.stream().filter(t -> uri.startsWith(t.prefix()))
                .filter(t -> catalog.find(t.tool()).map(catalog.enabled()::contains).orElse(false))
                .findFirst().map(t -> read(t, uri, context));
    }

    private Mono<McpSchema.ReadResourceResult> read(ObjectTemplate template, String uri, ToolContext context) {
        String id = uri.startsWith(template.prefix()) ? URLDecoder.decode(uri.substring(template.prefix().length()),
                StandardCharsets.UTF_8) : "";
        if (id.isBlank() || id.contains("/")) {
            return Mono.error(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Read " + template.prefix()
                    + "<id or name>, e.g. " + template.prefix() + "web-1.").build());
        }
        return Mono.fromFuture(() -> invoker.submitOnDefaultCloud(template.tool(), Map.of(template.argument(), id), context))
                .map(outcome -> switch (outcome) {
                    case ToolOutcome.Success success -> json(uri, ToolJson.write(success.structured()));
                    case ToolOutcome.Error error -> throw McpError.builder(error.failure() == ToolOutcome.Failure.NOT_PERMITTED
                            ? McpSchema.ErrorCodes.INVALID_REQUEST : McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                            .message(error.message()).build();
                });
    }

    private static McpSchema.ReadResourceResult json(String uri, String text) {
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "application/json", text)));
    }

    private static ToolContext context(McpAsyncServerExchange exchange, Surface surface, Caller defaultCaller) {
        Object caller = exchange.transportContext() == null ? null : exchange.transportContext().get(McpToolAdapter.CALLER);
        return ToolContext.quiet(caller instanceof Caller c ? c : defaultCaller, surface);
    }
}
