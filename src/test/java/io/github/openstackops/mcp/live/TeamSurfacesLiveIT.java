package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.rest.OpenWebUiRules;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.support.Jwts.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three ways a team reaches the server, against the real testbed: a real MCP client (the SDK's), an OpenAPI
 * consumer (following Open WebUI's rules for turning the document into tools) and a REST-contract consumer, all on
 * the packaged server started as an operator starts it, with the static secret and JWTs. Scopes, the server-wide
 * gate and the audit trail are checked on each, and the cloud's state with the openstack CLI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamSurfacesLiveIT {

    static final String SECRET = "live-team-surfaces-" + LiveCloud.RUN + "-0123456789abcdef";
    static final Set<String> SEEDS = Set.of("web-1", "db-1", "cache-1");

    static final List<AutoCloseable> CLOSING = new ArrayList<>();
    static final List<String> SERVERS = new ArrayList<>();
    static ServerProcess server;
    static Path audit;
    static String reader;
    static String writer;

    @BeforeAll
    static void start() throws Exception {
        audit = Files.createTempDirectory("team-surfaces-audit").resolve("audit.jsonl");
        server = ServerProcess.http(env(true, audit));
        reader = Jwts.hs256(claims("live-reader", "openid").build());
        writer = Jwts.hs256(claims("live-writer", "openid openstack:write").build());
    }

    static Map<String, String> env(boolean allowModify, Path auditFile) {
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("ALLOW_MODIFY_OPERATIONS", String.valueOf(allowModify));
        env.put("REMOTE_AUTH_ENABLE", "true");
        env.put("REMOTE_SECRET_KEY", SECRET);
        env.put("MCP_JWT_SECRET", Jwts.SECRET);
        env.put("MCP_JWT_ISSUER", Jwts.ISSUER);
        env.put("MCP_JWT_AUDIENCE", Jwts.AUDIENCE);
        env.put("AUDIT_LOG_PATH", auditFile.toString());
        return env;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : CLOSING.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        if (server != null) {
            server.close();
        }
        SERVERS.forEach(LiveCloud::deleteServerQuietly);
    }

    static McpSyncClient mcp(String base, String token) {
        McpSyncClient client = McpClients.http(base, token);
        CLOSING.add(client::closeGracefully);
        return client;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> idsToNames(Map<String, Object> serverList) {
        return ((List<Map<String, Object>>) serverList.get("servers")).stream()
                .collect(Collectors.toMap(s -> (String) s.get("id"), s -> (String) s.get("name")));
    }

    /** Servers other live suites create and delete meanwhile may differ; the seed servers must match exactly. */
    static void sameServers(String surface, Map<String, String> seen, Map<String, String> truth) {
        truth.forEach((id, name) -> {
            if (SEEDS.contains(name)) {
                assertThat(seen).as(surface + " lists " + name).containsEntry(id, name);
            }
        });
        Set<String> differing = new HashSet<>(seen.keySet());
        differing.addAll(truth.keySet());
        differing.removeIf(id -> seen.containsKey(id) && truth.containsKey(id));
        differing.forEach(id -> assertThat(SEEDS).as(surface + ": " + id).doesNotContain(seen.getOrDefault(id,
                truth.get(id))));
        assertThat(seen.size()).as(surface).isBetween(truth.size() - 3, truth.size() + 3);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void an_mcp_client_an_openapi_consumer_and_a_rest_consumer_list_tools_and_call_server_list() {
        String base = server.baseUrl();
        Map<String, String> truth = new HashMap<>();
        for (String line : LiveCloud.openstack("server", "list", "-f", "value", "-c", "ID", "-c", "Name").split("\n")) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 2) {
                truth.put(parts[0], parts[1]);
            }
        }
        assertThat(truth.values()).containsAll(SEEDS);

        // MCP, with the static secret
        McpSyncClient client = mcp(base, SECRET);
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("server_list", "server_stop");
        McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("server_list", Map.of("limit", 200)));
        assertThat(listed.isError()).as(McpClients.text(listed)).isFalse();
        sameServers("mcp", idsToNames(McpClients.structured(listed)), truth);

        // OpenAPI, as Open WebUI consumes it, with a JWT
        Response doc = HttpSurfaces.get(base + "/openapi/openapi.json", reader);
        assertThat(doc.status()).isEqualTo(200);
        List<OpenWebUiRules.Tool> tools = OpenWebUiRules.tools(doc.json());
        OpenWebUiRules.Tool list = tools.stream().filter(t -> t.name().equals("tool_server_list_post")).findFirst()
                .orElseThrow();
        assertThat(list.properties()).containsKeys("limit", "marker", "name", "status");
        Response called = HttpSurfaces.post(base + "/openapi" + list.path(), reader, Map.of("limit", 200));
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        sameServers("openapi", idsToNames(called.json()), truth);

        // the REST contract, with a JWT
        List<Map<String, Object>> described = HttpSurfaces.get(base + "/tools", writer).jsonList();
        assertThat(described).extracting(t -> t.get("name")).contains("server_list", "server_stop");
        Response rest = HttpSurfaces.post(base + "/tool/server_list/call", writer, Map.of("limit", 200));
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        sameServers("rest", idsToNames(rest.json()), truth);

        Response health = HttpSurfaces.get(base + "/health", null);
        assertThat(health.json()).containsEntry("status", "ok");
        assertThat((Map<String, Object>) health.json().get("cloud")).containsEntry("reachable", true);
    }

    @Test
    @Order(2)
    void without_a_token_every_surface_answers_401() {
        String base = server.baseUrl();

        assertThatThrownBy(() -> McpClients.http(base, null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> McpClients.http(base, "wrong-" + SECRET)).isInstanceOf(RuntimeException.class);
        for (Response r : List.of(
                HttpSurfaces.send(HttpSurfaces.request(base + "/mcp", null).header("Accept", "text/event-stream").GET()),
                HttpSurfaces.get(base + "/openapi/openapi.json", null),
                HttpSurfaces.post(base + "/openapi/server_list", null, Map.of()),
                HttpSurfaces.get(base + "/tools", null),
                HttpSurfaces.post(base + "/tool/server_list/call", null, Map.of()),
                HttpSurfaces.post(base + "/tool/server_list/call", Jwts.unsigned(claims("x", "openstack:write").build()),
                        Map.of()))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer ");
        }
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void a_read_scoped_jwt_cannot_see_or_call_server_stop_on_any_surface_while_a_write_scoped_one_can() throws Exception {
        String base = server.baseUrl();
        String name = "ops-live-surfaces-" + LiveCloud.RUN;
        SERVERS.add(name);
        LiveCloud.createServer(name);

        // read scope: not listed, and refused when called anyway, on every surface
        McpSyncClient readerMcp = mcp(base, reader);
        assertThat(readerMcp.listTools().tools()).extracting(McpSchema.Tool::name).contains("server_list")
                .doesNotContain("server_stop", "server_start", "server_delete");
        McpSchema.CallToolResult refused = readerMcp.callTool(new McpSchema.CallToolRequest("server_stop",
                Map.of("server", name)));
        assertThat(refused.isError()).isTrue();
        assertThat(McpClients.text(refused)).contains("write scope");
        assertThat(((Map<String, Object>) HttpSurfaces.get(base + "/openapi/openapi.json", reader).json().get("paths")))
                .containsKey("/server_list").doesNotContainKeys("/server_stop", "/server_delete");
        assertThat(HttpSurfaces.post(base + "/openapi/server_stop", reader, Map.of("server", name)).status()).isEqualTo(404);
        assertThat(HttpSurfaces.get(base + "/tools", reader).jsonList()).extracting(t -> t.get("name"))
                .doesNotContain("server_stop");
        assertThat(HttpSurfaces.post(base + "/tool/server_stop/call", reader, Map.of("server", name)).status())
                .isEqualTo(404);
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("ACTIVE");

        // write scope: listed and callable on every surface, and the cloud changes
        McpSyncClient writerMcp = mcp(base, writer);
        assertThat(writerMcp.listTools().tools()).extracting(McpSchema.Tool::name).contains("server_stop", "server_delete");
        McpSchema.CallToolResult stopped = writerMcp.callTool(new McpSchema.CallToolRequest("server_stop",
                Map.of("server", name)));
        assertThat(stopped.isError()).as(McpClients.text(stopped)).isFalse();
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("SHUTOFF");

        assertThat(((Map<String, Object>) HttpSurfaces.get(base + "/openapi/openapi.json", writer).json().get("paths")))
                .containsKeys("/server_start", "/server_stop");
        Response started = HttpSurfaces.post(base + "/openapi/server_start", writer, Map.of("server", name));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json()).containsEntry("status", "ACTIVE");
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("ACTIVE");

        assertThat(HttpSurfaces.get(base + "/tools", writer).jsonList()).extracting(t -> t.get("name"))
                .contains("server_stop");
        Response restStopped = HttpSurfaces.post(base + "/tool/server_stop/call", writer, Map.of("server", name));
        assertThat(restStopped.status()).as(restStopped.body()).isEqualTo(200);
        assertThat(LiveCloud.serverStatus(name)).isEqualTo("SHUTOFF");

        // an attempt carrying a secret-looking argument (refused as invalid): audited, redacted
        Response invalid = HttpSurfaces.post(base + "/tool/server_start/call", writer,
                Map.of("server", name, "admin_pass", "never-in-the-audit-" + LiveCloud.RUN));
        assertThat(invalid.status()).isEqualTo(422);
    }

    @Test
    @Order(4)
    void with_modifications_off_no_token_sees_or_calls_server_stop() throws Exception {
        Path offAudit = audit.resolveSibling("audit-off.jsonl");
        try (ServerProcess readOnly = ServerProcess.http(env(false, offAudit))) {
            String base = readOnly.baseUrl();
            for (String token : List.of(SECRET, writer)) {
                McpSyncClient client = McpClients.http(base, token);
                try {
                    assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("server_list")
                            .doesNotContain("server_stop", "server_delete");
                    assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("server_stop",
                            Map.of("server", "web-1")))).isInstanceOf(McpError.class);
                } finally {
                    client.closeGracefully();
                }
                assertThat(HttpSurfaces.get(base + "/openapi/openapi.json", token).body()).doesNotContain("server_stop");
                assertThat(HttpSurfaces.get(base + "/tools", token).body()).doesNotContain("server_stop");
                assertThat(HttpSurfaces.post(base + "/openapi/server_stop", token, Map.of("server", "web-1")).status())
                        .isEqualTo(404);
                assertThat(HttpSurfaces.post(base + "/tool/server_stop/call", token, Map.of("server", "web-1")).status())
                        .isEqualTo(404);
            }
            // every refusal is audited: over MCP the tool is not registered at all on a read-only server, but the
            // transport hands the call to the invoker (which refuses it at the gate) before the SDK says "unknown tool"
            assertThat(auditLines(offAudit)).extracting(l -> l.get("surface") + " " + l.get("outcome"))
                    .containsExactlyInAnyOrder("mcp_http refused_by_gate", "openapi refused_by_gate",
                            "rest refused_by_gate", "mcp_http refused_by_gate", "openapi refused_by_gate",
                            "rest refused_by_gate");
        }
        assertThat(LiveCloud.serverStatus("web-1")).isEqualTo("ACTIVE");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void every_write_attempt_is_in_the_audit_log_redacted_even_when_the_server_is_killed_right_after() throws Exception {
        String name = SERVERS.get(0);
        Response started = HttpSurfaces.post(server.baseUrl() + "/tool/server_start/call", SECRET, Map.of("server", name));
        server.kill();
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        List<Map<String, Object>> lines = auditLines(audit);
        assertThat(lines).extracting(l -> l.get("tool") + " " + l.get("surface") + " " + l.get("caller") + " "
                + l.get("outcome")).containsExactly(
                "server_stop mcp_http live-reader refused_by_gate",
                "server_stop openapi live-reader refused_by_gate",
                "server_stop rest live-reader refused_by_gate",
                "server_stop mcp_http live-writer executed",
                "server_start openapi live-writer executed",
                "server_stop rest live-writer executed",
                "server_start rest live-writer invalid",
                "server_start rest static-token executed");
        for (Map<String, Object> line : lines) {
            assertThat(line).containsEntry("cloud", "env").containsEntry("project", "demo")
                    .containsEntry("region", "RegionOne").containsKeys("time", "duration_ms", "arguments");
            assertThat((Map<String, Object>) line.get("arguments")).containsEntry("server", name);
            if ("executed".equals(line.get("outcome"))) {
                assertThat((List<String>) line.get("request_ids")).isNotEmpty()
                        .allSatisfy(id -> assertThat(id).startsWith("req-"));
            }
        }
        assertThat((Map<String, Object>) lines.get(6).get("arguments")).containsEntry("admin_pass",
                "(not an argument of this tool, not recorded)"); // arguments a tool does not take are never recorded
        String raw = Files.readString(audit);
        assertThat(raw).doesNotContain("never-in-the-audit-").doesNotContain(SECRET).doesNotContain(Jwts.SECRET)
                .doesNotContain(writer).doesNotContain(reader);
    }

    static List<Map<String, Object>> auditLines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .map(l -> HttpSurfaces.read(l, new TypeReference<Map<String, Object>>() { })).toList();
    }
}
