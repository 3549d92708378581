package io.github.openstackops.mcp.live;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The surface contract against the project's container image over stdio: {@code docker run -i --rm ... image}
 * started by the MCP client, as Claude Desktop users configure it.
 */
class StdioContainerIT extends SurfaceLiveContract {

    private int started;

    @Override
    protected McpSyncClient connect(Map<String, String> env) {
        String name = "ops-stdio-" + LiveCloud.RUN + "-" + System.nanoTime() % 100_000 + "-" + started++;
        List<String> command = ProjectImage.stdioCommand(name, env.keySet());
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(env).build();
        // a container takes longer than a process to answer initialize
        McpSyncClient client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .initializationTimeout(Duration.ofMinutes(2)).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("test-client", "1.0")).build();
        client.initialize();
        cleanup.add(() -> ProjectImage.run(List.of(ProjectImage.docker(), "rm", "-f", name), Map.of(), null));
        cleanup.add(0, client::closeGracefully);
        return client;
    }

    @Override
    protected String surface() {
        return "container-stdio";
    }
}
