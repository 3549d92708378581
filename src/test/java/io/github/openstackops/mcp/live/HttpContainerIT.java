package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;

import java.util.HashMap;
import java.util.Map;

/** The surface contract against the project's container image, over streamable HTTP with bearer authentication. */
class HttpContainerIT extends SurfaceLiveContract {

    static final String TOKEN = "container-bearer-" + LiveCloud.RUN + "-0123456789abcdef";

    @Override
    protected McpSyncClient connect(Map<String, String> env) throws Exception {
        Map<String, String> withAuth = new HashMap<>(env);
        withAuth.put("REMOTE_AUTH_ENABLE", "true");
        withAuth.put("REMOTE_SECRET_KEY", TOKEN);
        ProjectImage.Server server = ProjectImage.http(withAuth);
        cleanup.add(server);
        McpSyncClient client = McpClients.http(server.baseUrl(), TOKEN);
        cleanup.add(0, client::closeGracefully);
        return client;
    }

    @Override
    protected String surface() {
        return "container-http";
    }
}
