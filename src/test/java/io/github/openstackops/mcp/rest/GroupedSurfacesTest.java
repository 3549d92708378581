package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.rest.SurfaceFixture.TOKEN;
import static io.github.openstackops.mcp.rest.SurfaceFixture.WEB_1;
import static org.assertj.core.api.Assertions.assertThat;

/** Grouped mode on the HTTP surfaces: MCP, the OpenAPI tool server and the REST contract list and call the groups. */
class GroupedSurfacesTest {

    private SurfaceFixture fixture;
    private McpSyncClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.closeGracefully();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_surface_lists_the_groups_and_runs_an_operation_through_one() {
        fixture = new SurfaceFixture(Map.of("MCP_TOOL_MODE", "grouped"));
        client = McpClients.http(fixture.base, TOKEN);

        List<String> mcp = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        List<Object> rest = HttpSurfaces.get(fixture.base + "/tools", TOKEN).jsonList().stream()
                .map(t -> t.get("name")).toList();
        Map<String, Object> doc = HttpSurfaces.get(fixture.base + "/openapi/openapi.json", TOKEN).json();
        List<String> openapi = ((Map<String, Object>) doc.get("paths")).keySet().stream().map(p -> p.substring(1))
                .toList();

        assertThat(mcp).contains("compute_read", "compute_write", "compute_destructive").hasSizeLessThan(40);
        assertThat(rest).containsExactlyElementsOf(mcp);
        assertThat(openapi).containsExactlyElementsOf(mcp);
        assertThat(OpenWebUiRules.tools(doc)).hasSameSizeAs(mcp);

        Map<String, Object> stop = Map.of("operation", "server_stop", "arguments", Map.of("server", WEB_1, "wait", false));
        Response viaRest = HttpSurfaces.post(fixture.base + "/tool/compute_write/call", TOKEN, stop);
        Response viaOpenApi = HttpSurfaces.post(fixture.base + "/openapi/compute_write", TOKEN, stop);
        McpSchema.CallToolResult viaMcp = client.callTool(new McpSchema.CallToolRequest("compute_write", stop));

        assertThat(viaRest.status()).as(viaRest.body()).isEqualTo(200);
        assertThat(viaRest.json()).containsEntry("action", "stop");
        assertThat(viaOpenApi.status()).as(viaOpenApi.body()).isEqualTo(200);
        assertThat(McpClients.structured(viaMcp)).containsEntry("action", "stop");
        assertThat(fixture.fake.count("POST", ".*/action")).isEqualTo(3);
    }

    @Test
    void with_modifications_off_an_operation_forced_through_a_read_group_is_refused_and_audited_on_every_surface(
            @TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        fixture = new SurfaceFixture(Map.of("MCP_TOOL_MODE", "grouped", "ALLOW_MODIFY_OPERATIONS", "false",
                "AUDIT_LOG_PATH", audit.toString()));
        client = McpClients.http(fixture.base, TOKEN);
        Map<String, Object> forced = Map.of("operation", "server_stop", "arguments", Map.of("server", WEB_1));

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .noneMatch(n -> n.endsWith("_write") || n.endsWith("_destructive"));
        McpSchema.CallToolResult viaMcp = client.callTool(new McpSchema.CallToolRequest("compute_read", forced));
        Response viaRest = HttpSurfaces.post(fixture.base + "/tool/compute_read/call", TOKEN, forced);
        Response viaOpenApi = HttpSurfaces.post(fixture.base + "/openapi/compute_read", TOKEN, forced);
        Response direct = HttpSurfaces.post(fixture.base + "/tool/server_stop/call", TOKEN, Map.of("server", WEB_1));

        assertThat(viaMcp.isError()).isTrue();
        assertThat(McpClients.text(viaMcp)).contains("ALLOW_MODIFY_OPERATIONS=false");
        assertThat(viaRest.status()).isEqualTo(404);
        assertThat(viaRest.body()).contains("not_permitted");
        assertThat(viaOpenApi.status()).isEqualTo(404);
        assertThat(direct.status()).isEqualTo(404);
        assertThat(fixture.fake.count("POST", ".*/action")).isZero();
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).contains("\"tool\":\"server_stop\"")
                .contains("\"outcome\":\"refused_by_gate\""));
        assertThat(String.join("\n", lines)).contains("\"surface\":\"mcp_http\"").contains("\"surface\":\"rest\"")
                .contains("\"surface\":\"openapi\"");
    }

    @Test
    void an_unknown_operation_is_a_422_naming_the_valid_ones() {
        fixture = new SurfaceFixture(Map.of("MCP_TOOL_MODE", "grouped"));

        Response bad = HttpSurfaces.post(fixture.base + "/tool/compute_read/call", TOKEN,
                Map.of("operation", "server_explode"));

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("server_explode").contains("server_list").contains("describe");
    }
}
