package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.CatalogFacts;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What must hold on every surface, against the real testbed: the server is started as an operator starts it and
 * driven by the MCP SDK's client; results are checked against the openstack CLI.
 */
abstract class SurfaceLiveContract {

    protected final List<AutoCloseable> cleanup = new ArrayList<>();
    private final List<String> servers = new ArrayList<>();

    /** A connected client of a server started with this environment. */
    protected abstract McpSyncClient connect(Map<String, String> env) throws Exception;

    protected abstract String surface();

    /** The tool mode the contract runs in: all (a tool per operation) or grouped. */
    protected String mode() {
        return "all";
    }

    private boolean grouped() {
        return mode().equals("grouped");
    }

    protected McpSyncClient demo(boolean allowModify) throws Exception {
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("ALLOW_MODIFY_OPERATIONS", String.valueOf(allowModify));
        env.put("MCP_TOOL_MODE", mode());
        return connect(env);
    }

    /** The tool that runs an operation in this mode. */
    private String tool(String operation) {
        return grouped() ? CatalogFacts.groupOf(operation) : operation;
    }

    /** Calls an operation the way this mode does: directly, or through its group with 'confirm' beside 'arguments'. */
    private CallToolResult call(McpSyncClient client, String operation, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool(operation), wrap(operation, arguments)));
    }

    private Map<String, Object> wrap(String operation, Map<String, Object> arguments) {
        return grouped() ? CatalogFacts.groupedCall(operation, arguments) : arguments;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        servers.forEach(LiveCloud::deleteServerQuietly);
    }

    private String throwawayServer(String purpose) {
        String name = "ops-live-" + surface() + "-" + purpose + "-" + LiveCloud.RUN;
        servers.add(name);
        LiveCloud.createServer(name);
        return name;
    }

    @Test
    void tools_are_listed_with_annotations_derived_from_their_safety_class() throws Exception {
        McpSyncClient client = demo(true);

        Map<String, McpSchema.Tool> tools = client.listTools().tools().stream()
                .collect(Collectors.toMap(McpSchema.Tool::name, t -> t));

        assertThat(tools).containsKeys(tool("server_list"), tool("server_get"), tool("server_start"),
                tool("server_stop"), tool("server_reboot"), tool("server_delete"));
        assertThat(tools.get(tool("server_list")).annotations().readOnlyHint()).isTrue();
        assertThat(tools.get(tool("server_stop")).annotations().readOnlyHint()).isFalse();
        assertThat(tools.get(tool("server_stop")).annotations().destructiveHint()).isFalse();
        assertThat(tools.get(tool("server_delete")).annotations().destructiveHint()).isTrue();
        if (grouped()) {
            assertThat(tools.get("compute_read").description()).contains("\nserver_list: ");
            assertThat(tools).hasSizeLessThanOrEqualTo(40);
        } else {
            assertThat(tools.get("server_list").outputSchema()).containsKey("properties");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_list_pages_through_exactly_the_servers_the_cloud_holds() throws Exception {
        McpSyncClient client = demo(false);
        Set<String> before = serverIds();

        Set<String> seen = new java.util.HashSet<>();
        String marker = null;
        int pages = 0;
        do {
            Map<String, Object> args = new HashMap<>(Map.of("limit", 2));
            if (marker != null) {
                args.put("marker", marker);
            }
            CallToolResult page = call(client, "server_list", args);
            assertThat(page.isError()).as(McpClients.text(page)).isFalse();
            Map<String, Object> body = McpClients.structured(page);
            ((List<Map<String, Object>>) body.get("servers")).forEach(s -> seen.add((String) s.get("id")));
            marker = (String) body.get("next_marker");
            pages++;
        } while (marker != null && pages < 100);

        // servers created or deleted by another test meanwhile may or may not be seen; every other one must be
        Set<String> after = serverIds();
        Set<String> stable = new java.util.HashSet<>(before);
        stable.retainAll(after);
        Set<String> possible = new java.util.HashSet<>(before);
        possible.addAll(after);
        assertThat(seen).containsAll(stable);
        assertThat(possible).containsAll(seen);
        assertThat(pages).isGreaterThanOrEqualTo((stable.size() + 1) / 2);

        CallToolResult shutoff = call(client, "server_list", Map.of("status", "SHUTOFF"));
        List<Map<String, Object>> stopped = (List<Map<String, Object>>) McpClients.structured(shutoff).get("servers");
        assertThat(stopped).extracting(s -> s.get("name")).contains("db-1").doesNotContain("web-1");
        assertThat(stopped).allSatisfy(s -> assertThat(s.get("status")).isEqualTo("SHUTOFF"));
    }

    @Test
    void a_server_is_stopped_and_started_and_the_cloud_agrees() throws Exception {
        String name = throwawayServer("power");
        McpSyncClient client = demo(true);

        CallToolResult stop = call(client, "server_stop", Map.of("server", name));
        assertThat(stop.isError()).as(McpClients.text(stop)).isFalse();
        assertThat(McpClients.structured(stop)).containsEntry("status", "SHUTOFF").containsEntry("reached_target", true);
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("SHUTOFF");

        CallToolResult start = call(client, "server_start", Map.of("server", name));
        assertThat(start.isError()).as(McpClients.text(start)).isFalse();
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("ACTIVE");

        CallToolResult reboot = call(client, "server_reboot", Map.of("server", name, "type", "hard"));
        assertThat(McpClients.structured(reboot)).containsEntry("status", "ACTIVE").containsEntry("changed", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_delete_previews_then_deletes_only_with_the_token() throws Exception {
        String name = throwawayServer("delete");
        McpSyncClient client = demo(true);

        CallToolResult preview = call(client, "server_delete", Map.of("server", name));
        Map<String, Object> body = McpClients.structured(preview);
        assertThat(body).containsEntry("status", "preview");
        assertThat((String) ((Map<String, Object>) body.get("preview")).get("summary")).contains(name);
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("ACTIVE");

        CallToolResult forged = call(client, "server_delete", Map.of("server", name, "confirm", body.get("confirm") + "x"));
        assertThat(forged.isError()).isTrue();
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("ACTIVE");

        CallToolResult done = call(client, "server_delete", Map.of("server", name, "confirm", body.get("confirm")));
        assertThat(done.isError()).as(McpClients.text(done)).isFalse();
        assertThat(McpClients.structured(done)).containsEntry("status", "executed");
        assertThat(LiveCloud.openstackStatus("server", "show", name)).isNotZero();
    }

    @Test
    void with_modifications_off_write_tools_are_absent_and_a_forced_call_is_refused() throws Exception {
        String name = "web-1";
        McpSyncClient client = demo(false);

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .contains(tool("server_list"), tool("server_get")).doesNotContain(tool("server_stop"),
                        tool("server_start"), tool("server_delete"), tool("server_reboot"));
        assertThatThrownBy(() -> call(client, "server_stop", Map.of("server", name)))
                .isInstanceOf(McpError.class);
        assertThatThrownBy(() -> call(client, "server_delete", Map.of("server", name)))
                .isInstanceOf(McpError.class);
        if (grouped()) {
            CallToolResult forced = client.callTool(new McpSchema.CallToolRequest("compute_read",
                    wrap("server_stop", Map.of("server", name))));
            assertThat(forced.isError()).isTrue();
            assertThat(McpClients.text(forced)).contains("ALLOW_MODIFY_OPERATIONS=false");
        }
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("ACTIVE");
    }

    @Test
    void bad_arguments_and_an_unknown_server_are_clear_errors_and_the_server_keeps_serving() throws Exception {
        McpSyncClient client = demo(true);

        CallToolResult bad = call(client, "server_list", Map.of("limit", 1000));
        assertThat(bad.isError()).isTrue();
        assertThat(McpClients.text(bad)).contains("limit").contains("200");

        CallToolResult unknown = call(client, "server_get", Map.of("server", "3f2a0000-0000-4000-8000-000000000000"));
        assertThat(unknown.isError()).isTrue();
        assertThat(McpClients.text(unknown)).contains("3f2a0000-0000-4000-8000-000000000000").contains("not found");

        CallToolResult ok = call(client, "server_get", Map.of("server", "web-1"));
        assertThat(ok.isError()).isFalse();
    }

    @Test
    void a_wrong_password_and_an_unreachable_keystone_are_named_and_tools_are_still_listed() throws Exception {
        Map<String, String> wrong = new HashMap<>(LiveCloud.demoEnv());
        wrong.put("OS_PASSWORD", "not-the-password-42");
        McpSyncClient badPassword = connect(wrong);
        assertThat(badPassword.listTools().tools()).isNotEmpty();
        CallToolResult rejected = badPassword.callTool(new McpSchema.CallToolRequest("server_list", Map.of()));
        assertThat(rejected.isError()).isTrue();
        assertThat(McpClients.text(rejected)).contains("rejected the credentials").contains("HTTP 401")
                .doesNotContain("not-the-password-42");

        Map<String, String> down = new HashMap<>(LiveCloud.demoEnv());
        down.put("OS_AUTH_URL", "http://127.0.0.1:1/v3");
        McpSyncClient unreachable = connect(down);
        assertThat(unreachable.listTools().tools()).isNotEmpty();
        CallToolResult refused = unreachable.callTool(new McpSchema.CallToolRequest("server_list", Map.of()));
        assertThat(refused.isError()).isTrue();
        assertThat(McpClients.text(refused)).contains("Keystone is unreachable")
                .doesNotContain("127.0.0.1:1"); // the address goes to the server log, not to callers
        assertThat(unreachable.listTools().tools()).isNotEmpty();
    }

    @Test
    void an_invalid_operation_is_a_clear_error_naming_what_exists() throws Exception {
        McpSyncClient client = demo(true);

        if (grouped()) {
            CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("compute_read",
                    Map.of("operation", "server_explode", "arguments", Map.of())));
            assertThat(unknown.isError()).isTrue();
            assertThat(McpClients.text(unknown)).contains("server_explode").contains("server_list");
            CallToolResult described = client.callTool(new McpSchema.CallToolRequest("compute_read",
                    Map.of("operation", "describe", "arguments", Map.of("operation", "server_delete"))));
            assertThat(McpClients.structured(described)).containsEntry("tool", "compute_destructive")
                    .containsKey("input_schema");
        } else {
            assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("server_explode", Map.of())))
                    .isInstanceOf(McpError.class);
        }
        assertThat(call(client, "server_list", Map.of("limit", 1)).isError()).isFalse();
    }

    @Test
    void the_default_catalog_fits_the_budget_with_and_without_modifications() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(grouped(), "the default does not depend on the mode: checked once");
        for (boolean allowModify : List.of(false, true)) {
            Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
            env.remove("MCP_TOOL_MODE");
            env.remove("MCP_ADMIN_TOOLS");
            env.put("ALLOW_MODIFY_OPERATIONS", String.valueOf(allowModify));
            McpSyncClient client = connect(env);

            List<McpSchema.Tool> tools = client.listTools().tools();
            int bytes = io.modelcontextprotocol.json.McpJsonDefaults.getMapper().writeValueAsString(
                    new McpSchema.ListToolsResult(tools, null)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

            assertThat(tools).hasSizeLessThanOrEqualTo(40);
            assertThat(bytes).isLessThanOrEqualTo((allowModify ? 48 : 24) * 1024);
            assertThat(tools).extracting(McpSchema.Tool::name).contains("compute_read")
                    .doesNotContain("server_list");
        }
    }

    private static Set<String> serverIds() {
        return Arrays.stream(openstack("server", "list", "-f", "value", "-c", "ID").split("\n"))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
