package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.McpClients;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.support.Jwts.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write scope decides, identically on MCP, the OpenAPI tool server and the REST contract, whether a JWT caller
 * sees and calls WRITE and DESTRUCTIVE tools; the server-wide ALLOW_MODIFY_OPERATIONS still caps everyone. In both
 * tool modes: in grouped mode the tools are the groups and the operation is an argument.
 */
@ParameterizedClass
@ValueSource(strings = {"all", "grouped"})
class ScopesAcrossSurfacesTest {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String STATIC = "static-bearer-secret-for-unit-tests-77";
    static final Set<String> WRITE_OPERATIONS = Set.of("server_stop", "server_start", "server_reboot", "server_delete");

    @Parameter
    String mode;
    Set<String> writeTools;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private FakeOpenStack fake;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private String start(boolean allowModify, Map<String, String> extra) {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "", Map.of()));
        closing.add(fake);
        Map<String, String> env = new HashMap<>(Map.of("MCP_TRANSPORT", "streamable-http",
                "ALLOW_MODIFY_OPERATIONS", String.valueOf(allowModify), "REMOTE_AUTH_ENABLE", "true",
                "REMOTE_SECRET_KEY", STATIC, "MCP_JWT_SECRET", Jwts.SECRET));
        env.put("MCP_TOOL_MODE", mode);
        writeTools = grouped() ? Set.of("compute_write", "compute_destructive") : WRITE_OPERATIONS;
        env.putAll(extra);
        EmbeddedServer server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    /** The tool names each surface shows this caller: MCP tools/list, the OpenAPI paths, the REST list. */
    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> visible(String base, String token) {
        McpSyncClient client = McpClients.http(base, token);
        closing.add(client::closeGracefully);
        Set<String> mcp = client.listTools().tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        Map<String, Object> doc = HttpSurfaces.get(base + "/openapi/openapi.json", token).json();
        Set<String> openapi = ((Map<String, Object>) doc.get("paths")).keySet().stream().map(p -> p.substring(1))
                .collect(Collectors.toSet());
        Set<String> rest = HttpSurfaces.get(base + "/tools", token).jsonList().stream().map(t -> (String) t.get("name"))
                .collect(Collectors.toSet());
        return Map.of("mcp", mcp, "openapi", openapi, "rest", rest);
    }

    private boolean grouped() {
        return mode.equals("grouped");
    }

    /** The tool that runs an operation in this mode. */
    private String tool(String operation) {
        return grouped() ? (operation.endsWith("_delete") ? "compute_destructive" : operation.startsWith("server_list")
                || operation.equals("server_get") ? "compute_read" : "compute_write") : operation;
    }

    /** The arguments of a call of an operation in this mode. */
    private Map<String, Object> call(String operation, Map<String, Object> arguments) {
        return grouped() ? Map.of("operation", operation, "arguments", arguments) : arguments;
    }

    /** Calls server_stop (without waiting) on each surface; the status or error of each. */
    private Map<String, String> stopEverywhere(String base, String token) {
        Map<String, Object> args = call("server_stop", Map.of("server", WEB_1, "wait", false));
        String stop = tool("server_stop");
        McpSyncClient client = McpClients.http(base, token);
        closing.add(client::closeGracefully);
        String mcp;
        try {
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(stop, args));
            mcp = r.isError() ? "error: " + McpClients.text(r) : "ok";
        } catch (McpError e) {
            mcp = "protocol error: " + e.getMessage();
        }
        Response openapi = HttpSurfaces.post(base + "/openapi/" + stop, token, args);
        Response rest = HttpSurfaces.post(base + "/tool/" + stop + "/call", token, args);
        return Map.of("mcp", mcp, "openapi", openapi.status() + " " + openapi.body(),
                "rest", rest.status() + " " + rest.body());
    }

    @Test
    void a_read_scoped_token_sees_and_calls_read_tools_only_on_every_surface() {
        String base = start(true, Map.of());
        String reader = Jwts.hs256(claims("reader", "openid profile").build());

        visible(base, reader).forEach((surface, tools) -> assertThat(tools).as(surface)
                .contains(tool("server_list"), tool("server_get")).doesNotContainAnyElementsOf(writeTools));
        Map<String, String> stop = stopEverywhere(base, reader);

        assertThat(stop.get("mcp")).startsWith("error:").contains("write scope");
        assertThat(stop.get("openapi")).startsWith("404 ").contains("write scope");
        assertThat(stop.get("rest")).startsWith("404 ").contains("\"code\":\"not_permitted\"");
        assertThat(fake.count("POST", ".*/action")).isZero();
        assertThat(HttpSurfaces.post(base + "/tool/" + tool("server_list") + "/call", reader,
                call("server_list", Map.of("limit", 2))).status()).isEqualTo(200);
    }

    @Test
    void a_write_scoped_token_sees_and_calls_write_tools_on_every_surface() {
        String base = start(true, Map.of());
        for (String writer : List.of(Jwts.hs256(claims("writer", "openid openstack:write").build()),
                Jwts.hs256(claims("writer2", null).claim("scp", List.of("openstack:write")).build()))) {
            visible(base, writer).forEach((surface, tools) -> assertThat(tools).as(surface).containsAll(writeTools));
            Map<String, String> stop = stopEverywhere(base, writer);

            assertThat(stop.get("mcp")).isEqualTo("ok");
            assertThat(stop.get("openapi")).startsWith("200 ").contains("\"action\":\"stop\"");
            assertThat(stop.get("rest")).startsWith("200 ").contains("\"action\":\"stop\"");
        }
        assertThat(fake.count("POST", ".*/action")).isEqualTo(6);
    }

    @Test
    void the_write_scope_names_are_configurable() {
        String base = start(true, Map.of("MCP_WRITE_SCOPES", "ops.admin, cloud:operate"));

        assertThat(visible(base, Jwts.hs256(claims("a", "openstack:write").build())).get("rest"))
                .doesNotContainAnyElementsOf(writeTools);
        assertThat(visible(base, Jwts.hs256(claims("b", "cloud:operate").build())).get("rest"))
                .containsAll(writeTools);
    }

    @Test
    void with_modifications_off_no_token_sees_or_calls_a_write_tool() {
        String base = start(false, Map.of());

        for (String token : List.of(STATIC, Jwts.hs256(claims("writer", "openstack:write").build()))) {
            visible(base, token).forEach((surface, tools) -> assertThat(tools).as(surface)
                    .doesNotContainAnyElementsOf(writeTools));
            McpSyncClient client = McpClients.http(base, token);
            closing.add(client::closeGracefully);
            assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest(tool("server_stop"),
                    call("server_stop", Map.of("server", WEB_1, "wait", false))))).isInstanceOf(McpError.class);
            Response openapi = HttpSurfaces.post(base + "/openapi/" + tool("server_stop"), token,
                    call("server_stop", Map.of("server", WEB_1)));
            Response rest = HttpSurfaces.post(base + "/tool/" + tool("server_stop") + "/call", token,
                    call("server_stop", Map.of("server", WEB_1)));
            assertThat(openapi.status()).isEqualTo(404);
            assertThat(openapi.body()).contains("ALLOW_MODIFY_OPERATIONS=false");
            assertThat(rest.status()).isEqualTo(404);
        }
        assertThat(fake.count("POST", ".*/action")).isZero();
    }

    @Test
    void the_static_secret_is_the_operators_key_and_may_modify_when_the_server_allows_it() {
        String base = start(true, Map.of());

        visible(base, STATIC).forEach((surface, tools) -> assertThat(tools).as(surface).containsAll(writeTools));
        assertThat(stopEverywhere(base, STATIC).get("rest")).startsWith("200 ");
    }
}
