package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way of configuring the cloud connection, against the real Keystone of the testbed. */
class CloudConfigLiveIT {

    private final List<Runnable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() {
        cleanup.forEach(Runnable::run);
    }

    private McpSyncClient connect(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.putIfAbsent("MCP_TOOL_MODE", "all"); // these tests call operations by name
        McpSyncClient client = McpClients.stdio(ServerProcess.launcher(), env);
        cleanup.add(0, client::closeGracefully);
        return client;
    }

    private static void listsServers(McpSyncClient client) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("server_list",
                Map.of("name", "web-1")));
        assertThat(result.isError()).as(McpClients.text(result)).isFalse();
        assertThat(McpClients.text(result)).contains("web-1");
    }

    @Test
    void an_application_credential_authenticates_without_user_or_project() {
        String name = "ops-live-appcred-" + LiveCloud.RUN;
        String json = LiveCloud.openstack("application", "credential", "create", name, "-f", "json");
        cleanup.add(() -> LiveCloud.openstackStatus("application", "credential", "delete", name));
        String id = json.replaceAll("(?s).*\"id\": \"([^\"]+)\".*", "$1");
        String secret = json.replaceAll("(?s).*\"secret\": \"([^\"]+)\".*", "$1");

        Map<String, String> env = new HashMap<>();
        env.put("OS_AUTH_URL", LiveCloud.demoEnv().get("OS_AUTH_URL"));
        env.put("OS_AUTH_TYPE", "v3applicationcredential");
        env.put("OS_APPLICATION_CREDENTIAL_ID", id);
        env.put("OS_APPLICATION_CREDENTIAL_SECRET", secret);
        env.put("OS_REGION_NAME", "RegionOne");

        listsServers(connect(env));
    }

    @Test
    void os_cloud_reads_a_clouds_yaml(@TempDir Path dir) throws Exception {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, """
                clouds:
                  testbed:
                    auth:
                      auth_url: %s
                      username: demo
                      password: %s
                      project_name: demo
                      user_domain_name: Default
                      project_domain_name: Default
                    region_name: RegionOne
                    interface: public
                """.formatted(LiveCloud.demoEnv().get("OS_AUTH_URL"), LiveCloud.demoEnv().get("OS_PASSWORD")));

        listsServers(connect(Map.of("OS_CLOUD", "testbed", "OS_CLIENT_CONFIG_FILE", clouds.toString())));
    }

    @Test
    void the_reference_servers_host_and_port_variables_work_and_redirect_endpoints() {
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.remove("OS_AUTH_URL");
        env.put("OS_AUTH_HOST", "127.0.0.1");
        env.put("OS_AUTH_PORT", "35357");
        env.put("OS_COMPUTE_PORT", "8774");
        listsServers(connect(env));

        env.put("OS_COMPUTE_PORT", "1"); // Nova redirected to a dead port: a clear error, without the internal address
        McpSchema.CallToolResult down = connect(env).callTool(new McpSchema.CallToolRequest("server_list", Map.of()));
        assertThat(down.isError()).isTrue();
        assertThat(McpClients.text(down)).contains("could not be reached", "connection was refused")
                .doesNotContain("127.0.0.1:1");
    }
}
