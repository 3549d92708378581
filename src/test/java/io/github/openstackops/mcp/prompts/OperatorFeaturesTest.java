package io.github.openstackops.mcp.prompts;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.McpClients;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Prompts, completion, resources and /metrics over streamable HTTP, in process, against the recorded cloud, driven by
 * the SDK's own client with bearer authentication on.
 */
class OperatorFeaturesTest {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String TOKEN = "unit-test-bearer-secret-operator";

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private EmbeddedServer server() {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1 + "/os-volume_attachments", 200,
                        "servers-ext/volume-attachments-web-1.json");
        closing.add(fake);
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.safety.allow-modify", false);
        properties.put("mcp.auth.enabled", true);
        properties.put("mcp.auth.static-token", TOKEN);
        EmbeddedServer server = TestContexts.http(properties);
        closing.add(server.getApplicationContext());
        return server;
    }

    private McpSyncClient client(EmbeddedServer server) {
        McpSyncClient client = McpClients.http(server.getURL().toString(), TOKEN);
        closing.add(client::closeGracefully);
        return client;
    }

    @Test
    void the_runbooks_are_prompts_whose_steps_name_the_tools_to_call() {
        McpSyncClient client = client(server());
        assertThat(client.getServerCapabilities().prompts()).isNotNull();
        assertThat(client.getServerCapabilities().completions()).isNotNull();

        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).containsExactlyInAnyOrder(
                "cluster_health_review", "investigate_server", "capacity_report", "security_group_exposure_audit",
                "project_cleanup_review");
        McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("investigate_server",
                Map.of("server", "web-1")));
        String text = ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
        assertThat(prompt.messages().get(0).role()).isEqualTo(McpSchema.Role.USER);
        assertThat(text).contains("server 'web-1'", "1. Call server_get", "2. Call server_action_list", "Report:")
                // a sensitive tool, off unless ALLOW_SENSITIVE_DATA=true: its step is left out, and named
                .contains("(Skipped: this server does not offer server_console_log.)")
                .doesNotContain("Call server_console_log");

        assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("investigate_server", Map.of())))
                .isInstanceOf(McpError.class).hasMessageContaining("needs the argument 'server'");
    }

    @Test
    void server_names_are_completed_from_the_cloud() {
        McpSyncClient client = client(server());

        McpSchema.CompleteResult result = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("investigate_server"), new McpSchema.CompleteRequest.CompleteArgument(
                        "server", "cac")));

        assertThat(result.completion().values()).containsExactly("cache-1");
        assertThat(result.completion().total()).isEqualTo(1);
        McpSchema.CompleteResult all = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("investigate_server"), new McpSchema.CompleteRequest.CompleteArgument(
                        "server", "")));
        assertThat(all.completion().values()).containsExactly("cache-1", "db-1", "stack-vm-gei8yg");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_capabilities_resource_says_what_the_server_offers_and_why_the_rest_is_off() {
        McpSyncClient client = client(server());

        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri)
                .containsExactly("openstack-ops-mcp://capabilities");
        McpSchema.ReadResourceResult read = client.readResource(new McpSchema.ReadResourceRequest(
                "openstack-ops-mcp://capabilities"));
        Map<String, Object> body = HttpSurfaces.read(((McpSchema.TextResourceContents) read.contents().get(0)).text(),
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        Map<String, Object> cloud = (Map<String, Object>) body.get("cloud");
        assertThat((Map<String, Object>) cloud.get("identity")).containsEntry("user", "demo")
                .containsEntry("project", "demo");
        assertThat((List<Map<String, Object>>) cloud.get("services")).extracting(s -> s.get("type"))
                .contains("compute", "network", "identity");
        Map<String, Object> tools = (Map<String, Object>) body.get("tools");
        assertThat((List<String>) tools.get("enabled")).contains("server_list").doesNotContain("server_delete");
        assertThat((List<Map<String, Object>>) tools.get("disabled")).anySatisfy(group -> {
            assertThat((String) group.get("reason")).isEqualTo("it is a DESTRUCTIVE tool and this server runs read-only"
                    + " (ALLOW_MODIFY_OPERATIONS=false).");
            assertThat((List<String>) group.get("tools")).contains("server_delete");
        }).anySatisfy(group -> {
            assertThat((String) group.get("reason")).contains("WRITE tool", "ALLOW_MODIFY_OPERATIONS=false");
            assertThat((List<String>) group.get("tools")).contains("server_stop");
        }).anySatisfy(group -> {
            assertThat((String) group.get("reason")).contains("ALLOW_SENSITIVE_DATA=false");
            assertThat((List<String>) group.get("tools")).contains("server_console_log");
        });
        assertThat(read.contents().get(0).mimeType()).isEqualTo("application/json");
    }

    @Test
    void a_server_is_a_resource_read_through_server_get() {
        McpSyncClient client = client(server());

        assertThat(client.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("openstack://servers/{server}", "openstack://stacks/{stack}");
        McpSchema.ReadResourceResult read = client.readResource(new McpSchema.ReadResourceRequest(
                "openstack://servers/" + WEB_1));
        String text = ((McpSchema.TextResourceContents) read.contents().get(0)).text();
        assertThat(text).contains("\"id\":\"" + WEB_1 + "\"").contains("\"name\":\"web-1\"");

        String unknown = "3f2a0000-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> client.readResource(new McpSchema.ReadResourceRequest("openstack://servers/" + unknown)))
                .isInstanceOf(McpError.class).hasMessageContaining(unknown).hasMessageNotContainingAny("Exception", "at io.");
    }

    @Test
    void metrics_count_the_calls_by_tool_surface_and_outcome_behind_the_bearer_token() {
        EmbeddedServer server = server();
        McpSyncClient client = client(server);
        String base = server.getURL().toString();
        client.callTool(new McpSchema.CallToolRequest("server_get", Map.of("server", WEB_1)));
        client.callTool(new McpSchema.CallToolRequest("server_get", Map.of("server", WEB_1)));
        HttpSurfaces.post(base + "/tool/server_list/call", TOKEN, Map.of());
        HttpSurfaces.post(base + "/tool/server_stop/call", TOKEN, Map.of("server", "web-1"));

        assertThat(HttpSurfaces.get(base + "/metrics", null).status()).isEqualTo(401);
        HttpSurfaces.Response scrape = HttpSurfaces.get(base + "/metrics", TOKEN);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        String metrics = scrape.body();
        assertThat(metrics)
                .contains("mcp_tool_calls_seconds_count{outcome=\"executed\",surface=\"mcp_http\",tool=\"server_get\"} 2")
                .contains("mcp_tool_calls_seconds_count{outcome=\"executed\",surface=\"rest\",tool=\"server_list\"} 1")
                .contains("mcp_tool_calls_seconds_bucket{outcome=\"executed\",surface=\"mcp_http\",tool=\"server_get\",le=")
                .contains("mcp_gate_refusals_total{surface=\"rest\",tool=\"server_stop\"} 1.0")
                .contains("mcp_tool_calls_seconds_count{outcome=\"refused_by_gate\",surface=\"rest\",tool=\"server_stop\"} 1")
                .contains("mcp_sessions_open 1.0")
                .contains("openstack_authentications_seconds_count{result=\"success\"} 1")
                .contains("openstack_token_lookups_total{result=\"hit\"}")
                .containsPattern("openstack_requests_seconds_count\\{method=\"GET\",service=\"compute\",status=\"200\"} \\d+")
                .containsPattern("openstack_requests_seconds_count\\{method=\"POST\",service=\"identity\",status=\"201\"} 1")
                .doesNotContain(TOKEN).doesNotContain(WEB_1);
    }
}
