package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-caller OpenStack identity against the real testbed (OS_IDENTITY_MODE=both): the packaged server runs as demo, a
 * plain member of project demo; a caller presenting an application credential of the admin user sees and gets
 * admin-only data (the hypervisors), one presenting demo's own sees only what demo may, and a wrong secret is refused
 * with 401 — on MCP, the OpenAPI tool server and the REST contract. The credentials are created with the openstack
 * CLI under unique names and deleted afterwards; no secret appears in the server's log or any answer.
 */
class CallerIdentityLiveIT {

    static final String ID_HEADER = "X-OpenStack-Application-Credential-Id";
    static final String SECRET_HEADER = "X-OpenStack-Application-Credential-Secret";

    static final List<AutoCloseable> CLOSING = new ArrayList<>();
    static ServerProcess server;
    static String adminId;
    static String adminSecret;
    static String demoId;
    static String demoSecret;
    static String demoProjectId;

    @BeforeAll
    static void start() throws Exception {
        JsonNode admin = LiveCloud.json(LiveCloud.openstackAdmin("application", "credential", "create",
                "ops-live-ident-admin-" + LiveCloud.RUN, "-f", "json"));
        adminId = admin.path("id").asText();
        adminSecret = admin.path("secret").asText();
        JsonNode demo = LiveCloud.json(LiveCloud.openstack("application", "credential", "create",
                "ops-live-ident-demo-" + LiveCloud.RUN, "-f", "json"));
        demoId = demo.path("id").asText();
        demoSecret = demo.path("secret").asText();
        demoProjectId = LiveCloud.openstack("token", "issue", "-f", "value", "-c", "project_id").trim();
        assertThat(adminSecret).isNotBlank();
        assertThat(demoSecret).isNotBlank();

        Map<String, String> env = LiveCloud.demoEnv();
        env.put("OS_IDENTITY_MODE", "both");
        env.put("MCP_ADMIN_TOOLS", "auto");
        server = ServerProcess.http(env);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : CLOSING.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        String log = server == null ? "" : server.log();
        if (server != null) {
            server.close();
        }
        if (adminId != null) {
            LiveCloud.openstackAdminStatus("application", "credential", "delete", adminId);
        }
        if (demoId != null) {
            LiveCloud.openstackStatus("application", "credential", "delete", demoId);
        }
        assertThat(log).as("the server's log").doesNotContain(adminSecret, demoSecret, "wrong-" + adminSecret);
    }

    static HttpRequest.Builder as(HttpRequest.Builder request, String id, String secret) {
        return request.header(ID_HEADER, id).header(SECRET_HEADER, secret);
    }

    static Response post(String path, String id, String secret, Object body) {
        return HttpSurfaces.send(as(HttpSurfaces.request(server.baseUrl() + path, null), id, secret)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(HttpSurfaces.write(body))));
    }

    static Response get(String path, String id, String secret) {
        return HttpSurfaces.send(as(HttpSurfaces.request(server.baseUrl() + path, null), id, secret).GET());
    }

    static McpSyncClient mcp(String id, String secret) {
        McpSyncClient client = McpClients.httpWith(server.baseUrl(), as(HttpRequest.newBuilder(), id, secret), s -> { });
        CLOSING.add(client::closeGracefully);
        return client;
    }

    @SuppressWarnings("unchecked")
    static Set<String> hostnames(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("hypervisors")).stream().map(h -> (String) h.get("hostname"))
                .collect(Collectors.toSet());
    }

    @Test
    void the_admins_credential_sees_admin_only_data_on_every_surface() {
        McpSyncClient client = mcp(adminId, adminSecret);
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("hypervisor_list");
        McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("hypervisor_list", Map.of()));
        assertThat(listed.isError()).as(McpClients.text(listed)).isFalse();
        assertThat(hostnames(McpClients.structured(listed))).contains("compute1", "compute2");

        Response openapi = post("/openapi/hypervisor_list", adminId, adminSecret, Map.of());
        assertThat(openapi.status()).as(openapi.body()).isEqualTo(200);
        assertThat(hostnames(openapi.json())).contains("compute1", "compute2");
        Response rest = post("/tool/hypervisor_list/call", adminId, adminSecret, Map.of());
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(hostnames(rest.json())).contains("compute1", "compute2");

        Response everyProject = post("/tool/server_list/call", adminId, adminSecret,
                Map.of("all_projects", true, "limit", 200));
        assertThat(everyProject.status()).as(everyProject.body()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void demos_credential_sees_only_demos_on_every_surface() {
        McpSyncClient client = mcp(demoId, demoSecret);
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("server_list")
                .doesNotContain("hypervisor_list");
        McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("hypervisor_list", Map.of()));
        assertThat(refused.isError()).isTrue();

        Response openapi = post("/openapi/hypervisor_list", demoId, demoSecret, Map.of());
        assertThat(openapi.status()).isEqualTo(404);
        assertThat(openapi.body()).contains("admin role");
        assertThat(get("/tools", demoId, demoSecret).jsonList()).extracting(t -> t.get("name"))
                .doesNotContain("hypervisor_list");
        Response rest = post("/tool/server_list/call", demoId, demoSecret, Map.of("limit", 200));
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        List<Map<String, Object>> servers = (List<Map<String, Object>>) rest.json().get("servers");
        assertThat(servers).isNotEmpty().allSatisfy(s -> assertThat(s.get("project_id")).isEqualTo(demoProjectId));
    }

    @Test
    void a_wrong_secret_gets_401_on_every_surface() {
        String wrong = "wrong-" + adminSecret;
        Map<String, Object> initialize = Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of(
                "protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "live", "version", "1")));
        List<Response> refused = List.of(post("/mcp", adminId, wrong, initialize),
                post("/openapi/hypervisor_list", adminId, wrong, Map.of()),
                post("/tool/hypervisor_list/call", adminId, wrong, Map.of()));
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.body()).contains("Keystone rejected the application credential " + adminId)
                    .doesNotContain(wrong);
        });
    }
}
