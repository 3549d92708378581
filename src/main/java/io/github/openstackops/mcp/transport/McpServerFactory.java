package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.ServerInfo;
import io.github.openstackops.mcp.catalog.AdminTier;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.prompts.McpPrompts;
import io.github.openstackops.mcp.resources.McpResources;
import io.github.openstackops.mcp.transport.http.StreamableHttpTransport;
import io.github.openstackops.mcp.transport.stateless.StatelessDispatcher;
import io.github.openstackops.mcp.transport.stateless.StatelessStdio;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The MCP server on the transport chosen at launch (property {@code mcp.transport}: stdio or streamable-http). */
@Factory
public class McpServerFactory {

    public static final String TRANSPORT = "mcp.transport";

    @Singleton
    McpJsonMapper mcpJsonMapper() {
        return McpJsonDefaults.getMapper();
    }

    @Context
    @Bean(preDestroy = "close")
    @Requires(property = TRANSPORT, value = "stdio")
    McpAsyncServer stdioServer(McpJsonMapper json, StdioStreams io, McpToolAdapter tools, McpPrompts prompts,
                               McpResources resources, AdminTier adminTier, AdminRoleWatcher adminRole,
                               StatelessDispatcher stateless,
                               @Value("${mcp.request-timeout:2m}") Duration requestTimeout) {
        StdioOutput out = new StdioOutput(io.out(), json);
        if (io.in() instanceof StdioInput input) {
            // protocol 2026-07-28 requests are served beside the SDK's session, which never sees them
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Thread.ofVirtual().name("stdin-end").start(() -> {
                try {
                    input.closed().await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closed.complete(null);
            });
            input.takeWith(new StatelessStdio(stateless, out::send, closed)::take);
            // a 2026-07-28 client opens no session: the SDK's unsolicited notifications are not for it
            out.notifyOnlyWhen(input::sessionOpened);
            // a call to an unregistered tool is refused (and audited) by the invoker before the SDK says "unknown"
            input.onMessage(message -> tools.refuseUnregistered(message, Caller.STDIO, Surface.STDIO).join());
            input.replyWith(out::send);
        }
        McpAsyncServer server = configure(
                McpServer.async(new SerialStdioTransport(new StdioServerTransportProvider(json, io.in(), out))),
                tools, prompts, resources, Surface.STDIO, Caller.STDIO, requestTimeout);
        followAdminTier(server, tools, adminTier, adminRole, Surface.STDIO, Caller.STDIO);
        return server;
    }

    @Context
    @Bean(preDestroy = "close")
    @Requires(property = TRANSPORT, value = "streamable-http")
    McpAsyncServer httpServer(StreamableHttpTransport transport, McpToolAdapter tools, McpPrompts prompts,
                              McpResources resources, AdminTier adminTier, AdminRoleWatcher adminRole,
                              @Value("${mcp.request-timeout:2m}") Duration requestTimeout) {
        // the transport puts the resolved caller (ANONYMOUS when auth is off) into every request's context; a request
        // without one is treated as a caller that may only read
        McpAsyncServer server = configure(McpServer.async(transport), tools, prompts, resources, Surface.MCP_HTTP, Caller.UNRESOLVED,
                requestTimeout);
        followAdminTier(server, tools, adminTier, adminRole, Surface.MCP_HTTP, Caller.UNRESOLVED);
        return server;
    }

    /** When the admin operations come or go, the registered tools follow and clients hear list_changed. */
    private static void followAdminTier(McpAsyncServer server, McpToolAdapter tools, AdminTier adminTier,
                                        AdminRoleWatcher adminRole, Surface surface, Caller defaultCaller) {
        adminTier.onChange(() -> Thread.ofVirtual().name("tools-list-changed").start(() -> {
            try {
                tools.refresh(server, surface, defaultCaller);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(McpServerFactory.class)
                        .warn("could not update the tool list: {}", e.toString());
            }
        }));
        adminRole.start();
    }

    private static McpAsyncServer configure(McpServer.AsyncSpecification<?> spec, McpToolAdapter tools,
                                            McpPrompts prompts, McpResources resources, Surface surface,
                                            Caller defaultCaller, Duration requestTimeout) {
        return spec.serverInfo(ServerInfo.NAME, ServerInfo.VERSION)
                .instructions(ServerInfo.INSTRUCTIONS)
                // the runbooks as prompts (with argument completion), the server's capabilities and OpenStack objects as
                // resources (their lists are fixed at start, no subscriptions); the tool list changes with the admin tier
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().prompts(false)
                        .resources(false, false).completions().build())
                // the invoker validates arguments itself, identically on every surface, with messages naming the fix
                .validateToolInputs(false)
                .jsonSchemaValidator(new OutputSchemaValidator()) // results still checked, schemas compiled once
                .requestTimeout(requestTimeout) // bounds server->client requests such as elicitation
                .addToolFilter(tools.visibilityFilter(defaultCaller))
                .tools(tools.specifications(surface, defaultCaller))
                .prompts(prompts.prompts())
                .completions(prompts.completions(surface, defaultCaller))
                .resources(resources.resources())
                .resourceTemplates(resources.templates(surface, defaultCaller))
                .build();
    }
}
