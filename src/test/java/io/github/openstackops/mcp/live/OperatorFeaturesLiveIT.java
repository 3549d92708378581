package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompts, completion, resources and /metrics of the packaged server against the testbed, over streamable HTTP with
 * bearer authentication, driven by the SDK's client; the cloud's side is checked with the openstack CLI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorFeaturesLiveIT {

    static final String TOKEN = "live-operator-" + LiveCloud.RUN + "-0123456789abcdef";
    static ServerProcess server;
    static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("REMOTE_AUTH_ENABLE", "true");
        env.put("REMOTE_SECRET_KEY", TOKEN);
        server = ServerProcess.http(env);
        client = McpClients.http(server.baseUrl(), TOKEN);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void a_runbook_prompt_is_filled_in_and_server_names_complete_from_the_cloud() {
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                .contains("cluster_health_review", "investigate_server", "project_cleanup_review");
        McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("investigate_server",
                Map.of("server", "web-1")));
        assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text())
                .contains("'web-1'", "Call server_get", "Call server_action_list");

        Set<String> truth = LiveCloud.lines(LiveCloud.openstack("server", "list", "-f", "value", "-c", "Name"));
        McpSchema.CompleteResult completed = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("investigate_server"),
                new McpSchema.CompleteRequest.CompleteArgument("server", "web")));
        assertThat(completed.completion().values()).contains("web-1").allSatisfy(name -> {
            assertThat(name).startsWith("web");
            assertThat(truth).contains(name);
        });
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void the_capabilities_and_a_server_are_resources() {
        McpSchema.ReadResourceResult capabilities = client.readResource(new McpSchema.ReadResourceRequest(
                "openstack-ops-mcp://capabilities"));
        Map<String, Object> body = HttpSurfaces.read(
                ((McpSchema.TextResourceContents) capabilities.contents().get(0)).text(), new TypeReference<>() { });
        Map<String, Object> cloud = (Map<String, Object>) body.get("cloud");
        assertThat((Map<String, Object>) cloud.get("identity")).containsEntry("user", "demo").containsEntry("project", "demo");
        Set<String> services = LiveCloud.lines(LiveCloud.openstack("catalog", "list", "-f", "value", "-c", "Type"));
        assertThat((List<Map<String, Object>>) cloud.get("services")).extracting(s -> (String) s.get("type"))
                .containsExactlyInAnyOrderElementsOf(services);
        assertThat((Map<String, Object>) cloud.get("identity")).doesNotContainKey("password");

        String id = LiveCloud.openstack("server", "show", "web-1", "-f", "value", "-c", "id");
        McpSchema.ReadResourceResult web = client.readResource(new McpSchema.ReadResourceRequest(
                "openstack://servers/web-1"));
        Map<String, Object> record = HttpSurfaces.read(((McpSchema.TextResourceContents) web.contents().get(0)).text(),
                new TypeReference<>() { });
        assertThat(record).containsEntry("id", id).containsEntry("name", "web-1");
    }

    @Test
    @Order(3)
    void metrics_show_the_calls_this_class_made() {
        client.callTool(new McpSchema.CallToolRequest("server_list", Map.of()));
        assertThat(HttpSurfaces.get(server.baseUrl() + "/metrics", null).status()).isEqualTo(401);

        String metrics = HttpSurfaces.get(server.baseUrl() + "/metrics", TOKEN).body();

        assertThat(metrics)
                .containsPattern("mcp_tool_calls_seconds_count\\{outcome=\"executed\",surface=\"mcp_http\",tool=\"server_list\"} [1-9]")
                .containsPattern("mcp_tool_calls_seconds_count\\{outcome=\"executed\",surface=\"mcp_http\",tool=\"server_get\"} 1")
                .containsPattern("openstack_requests_seconds_count\\{method=\"GET\",service=\"compute\",status=\"200\"} [1-9]")
                .containsPattern("openstack_authentications_seconds_count\\{result=\"success\"} [1-9]")
                .containsPattern("openstack_token_lookups_total\\{result=\"hit\"} [1-9]")
                .containsPattern("mcp_sessions_open [1-9]")
                .doesNotContain(TOKEN);
    }
}
