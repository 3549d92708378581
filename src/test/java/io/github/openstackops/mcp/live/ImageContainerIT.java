package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.rest.OpenWebUiRules;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One container of the project's image in HTTP mode with authentication on, against the testbed: the three HTTP
 * surfaces (MCP through the SDK's client, the OpenAPI tool server as Open WebUI reads it, the REST contract), 401
 * without the token, the image's health check and its unprivileged user.
 */
class ImageContainerIT {

    static final String SECRET = "container-image-" + LiveCloud.RUN + "-0123456789abcdef";
    static ProjectImage.Server server;
    static McpSyncClient mcp;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("REMOTE_AUTH_ENABLE", "true");
        env.put("REMOTE_SECRET_KEY", SECRET);
        server = ProjectImage.http(env);
        mcp = McpClients.http(server.baseUrl(), SECRET);
    }

    @AfterAll
    static void stop() {
        if (mcp != null) {
            mcp.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
    }

    static Set<String> seedNames(Map<String, Object> serverList) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> servers = (List<Map<String, Object>>) serverList.get("servers");
        return servers.stream().map(s -> (String) s.get("name")).collect(Collectors.toSet());
    }

    @Test
    void mcp_openapi_and_rest_answer_with_the_clouds_servers() {
        Set<String> truth = LiveCloud.lines(LiveCloud.openstack("server", "list", "-f", "value", "-c", "Name"));
        assertThat(truth).contains("web-1", "db-1");

        McpSchema.CallToolResult listed = mcp.callTool(new McpSchema.CallToolRequest("server_list", Map.of("limit", 200)));
        assertThat(listed.isError()).as(McpClients.text(listed)).isFalse();
        assertThat(seedNames(McpClients.structured(listed))).contains("web-1", "db-1");

        String base = server.baseUrl();
        Response doc = HttpSurfaces.get(base + "/openapi/openapi.json", SECRET);
        assertThat(doc.status()).isEqualTo(200);
        OpenWebUiRules.Tool list = OpenWebUiRules.tools(doc.json()).stream()
                .filter(t -> t.name().equals("tool_server_list_post")).findFirst().orElseThrow();
        Response called = HttpSurfaces.post(base + "/openapi" + list.path(), SECRET, Map.of("limit", 200));
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        assertThat(seedNames(called.json())).contains("web-1", "db-1");

        assertThat(HttpSurfaces.get(base + "/tools", SECRET).jsonList()).extracting(t -> t.get("name"))
                .contains("server_list");
        Response rest = HttpSurfaces.post(base + "/tool/server_list/call", SECRET, Map.of("limit", 200));
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(seedNames(rest.json())).contains("web-1", "db-1");
    }

    @Test
    void without_the_token_the_surfaces_answer_401_and_health_stays_open() {
        String base = server.baseUrl();
        assertThat(List.of(HttpSurfaces.get(base + "/openapi/openapi.json", null),
                HttpSurfaces.post(base + "/tool/server_list/call", null, Map.of()),
                HttpSurfaces.post(base + "/tool/server_list/call", SECRET + "x", Map.of()),
                HttpSurfaces.get(base + "/tools", null)))
                .extracting(Response::status).containsOnly(401);
        Response health = HttpSurfaces.get(base + "/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "ok");
    }

    @Test
    void the_image_runs_unprivileged_with_container_jvm_flags_and_reports_healthy() throws Exception {
        assertThat(server.container().getCurrentContainerInfo().getState().getHealth().getStatus()).isEqualTo("healthy");
        ExecResult id = server.container().execInContainer("id", "-u");
        assertThat(id.getStdout().trim()).isEqualTo("10001");
        ExecResult cmdline = server.container().execInContainer("cat", "/proc/1/cmdline");
        assertThat(cmdline.getStdout().replace('\0', ' ')).contains("-XX:MaxRAMPercentage=75")
                .contains("-XX:+ExitOnOutOfMemoryError").contains("-jar /app/openstack-ops-mcp.jar");
        // the check fails when nothing answers on the port it reads
        ExecResult wrongPort = server.container().execInContainer("env", "MCP_PORT=1", "/app/bin/healthcheck");
        assertThat(wrongPort.getExitCode()).isNotZero();
        assertThat(server.container().execInContainer("/app/bin/healthcheck").getExitCode()).isZero();
    }
}
