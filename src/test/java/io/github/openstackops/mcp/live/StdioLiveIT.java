package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;

import java.util.Map;

/** The contract over stdio: the launcher script started as a child process, as Claude Desktop does. */
class StdioLiveIT extends SurfaceLiveContract {

    @Override
    protected McpSyncClient connect(Map<String, String> env) {
        McpSyncClient client = McpClients.stdio(ServerProcess.launcher(), env);
        cleanup.add(client::closeGracefully);
        return client;
    }

    @Override
    protected String surface() {
        return "stdio";
    }
}
