package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;

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
        McpSyncClient client = McpClients.stdio(ProjectImage.stdioCommand(name, env.keySet()), env);
        cleanup.add(() -> ProjectImage.run(List.of(ProjectImage.docker(), "rm", "-f", name), Map.of(), null));
        cleanup.add(0, client::closeGracefully);
        return client;
    }

    @Override
    protected String surface() {
        return "container-stdio";
    }
}
