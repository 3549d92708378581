package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.McpClients;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OS_IDENTITY_MODE: a caller's Keystone application credential decides, on MCP, the OpenAPI tool server and the REST
 * contract, what the caller sees and with which token the cloud is called, fan-out threads included; a bad one is
 * refused with 401 before anything runs, and its secret appears nowhere.
 */
class CallerIdentityTest {

    static final String ADMIN_ID = "3a1e0c7bd2f94a47b7a1e1c1a6f0admn";
    static final String ADMIN_SECRET = "admin-app-secret-never-shown-4242";
    static final String DEMO_ID = "9f2b6f1f0d8c4b1e8a6f7a9c0d1edemo";
    static final String DEMO_SECRET = "demo-app-secret-never-shown-1717";
    static final String WRONG_SECRET = "wrong-app-secret-never-shown-0000";
    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String HYPERVISORS = "/compute/v2.1/os-hypervisors/detail";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private FakeOpenStack fake;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    /** A server whose own identity is demo (a plain member), with two application credentials Keystone knows. */
    private String start(String mode) {
        return start(mode, Map.of());
    }

    private String start(String mode, Map<String, String> extra) {
        fake = FakeOpenStack.start()
                .applicationCredential(ADMIN_ID, ADMIN_SECRET, "token-admin.json")
                .applicationCredential(DEMO_ID, DEMO_SECRET, "token-demo.json")
                .on("GET", HYPERVISORS, 200, "compute-inventory/hypervisors-detail.json");
        closing.add(fake);
        Map<String, String> env = new HashMap<>(Map.of("MCP_TRANSPORT", "streamable-http", "MCP_TOOL_MODE", "all",
                "MCP_ADMIN_TOOLS", "auto"));
        if (mode != null) {
            env.put("OS_IDENTITY_MODE", mode);
        }
        env.putAll(extra);
        EmbeddedServer server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    private static HttpRequest.Builder as(HttpRequest.Builder request, String id, String secret) {
        return id == null ? request : request.header(CallerIdentityFilter.ID_HEADER, id)
                .header(CallerIdentityFilter.SECRET_HEADER, secret);
    }

    private static Response get(String url, String id, String secret) {
        return HttpSurfaces.send(as(HttpSurfaces.request(url, null), id, secret).GET());
    }

    private static Response post(String url, String id, String secret, Object body) {
        return HttpSurfaces.send(as(HttpSurfaces.request(url, null), id, secret)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(HttpSurfaces.write(body))));
    }

    /** The tools each surface shows a caller presenting this credential (none: the server's identity). */
    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> visible(String base, String id, String secret) {
        HttpRequest.Builder headers = as(HttpRequest.newBuilder(), id, secret);
        McpSyncClient client = McpClients.httpWith(base, headers, spec -> { });
        closing.add(client::closeGracefully);
        Set<String> mcp = client.listTools().tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        Map<String, Object> doc = get(base + "/openapi/openapi.json", id, secret).json();
        Set<String> openapi = ((Map<String, Object>) doc.get("paths")).keySet().stream().map(p -> p.substring(1))
                .collect(Collectors.toSet());
        Set<String> rest = get(base + "/tools", id, secret).jsonList().stream().map(t -> (String) t.get("name"))
                .collect(Collectors.toSet());
        return Map.of("mcp", mcp, "openapi", openapi, "rest", rest);
    }

    /** Waits until the server has learnt (in the background) that its own identity holds no admin role. */
    private void serviceKnownNotAdmin(String base) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (get(base + "/tools", null, null).jsonList().stream().noneMatch(t -> "hypervisor_list".equals(t.get("name")))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server never learnt that its identity is not an admin");
    }

    @Test
    void each_caller_sees_and_calls_what_its_own_credential_may_on_every_surface() throws Exception {
        String base = start("both");
        serviceKnownNotAdmin(base);

        visible(base, ADMIN_ID, ADMIN_SECRET).forEach((surface, tools) ->
                assertThat(tools).as(surface).contains("hypervisor_list", "server_list"));
        visible(base, DEMO_ID, DEMO_SECRET).forEach((surface, tools) ->
                assertThat(tools).as(surface).contains("server_list").doesNotContain("hypervisor_list"));
        visible(base, null, null).forEach((surface, tools) ->
                assertThat(tools).as(surface).contains("server_list").doesNotContain("hypervisor_list"));

        McpSyncClient admin = McpClients.httpWith(base, as(HttpRequest.newBuilder(), ADMIN_ID, ADMIN_SECRET), spec -> { });
        closing.add(admin::closeGracefully);
        McpSchema.CallToolResult mcp = admin.callTool(new McpSchema.CallToolRequest("hypervisor_list", Map.of()));
        assertThat(mcp.isError()).as(McpClients.text(mcp)).isFalse();
        assertThat(post(base + "/openapi/hypervisor_list", ADMIN_ID, ADMIN_SECRET, Map.of()).status()).isEqualTo(200);
        assertThat(post(base + "/tool/hypervisor_list/call", ADMIN_ID, ADMIN_SECRET, Map.of()).status()).isEqualTo(200);

        Response demoOpenApi = post(base + "/openapi/hypervisor_list", DEMO_ID, DEMO_SECRET, Map.of());
        assertThat(demoOpenApi.status()).isEqualTo(404);
        assertThat(demoOpenApi.body()).contains("admin role", "application credential " + DEMO_ID);
        assertThat(post(base + "/tool/hypervisor_list/call", DEMO_ID, DEMO_SECRET, Map.of()).status()).isEqualTo(404);

        // the cloud saw the admin credential's token on every hypervisor call, and Keystone saw each credential once
        assertThat(fake.requests("GET", HYPERVISORS)).hasSize(3).allSatisfy(r ->
                assertThat(r.headers().get("X-auth-token").get(0)).startsWith(FakeOpenStack.tokenPrefix(ADMIN_ID)));
        assertThat(fake.requests("POST", "/identity/v3/auth/tokens").stream()
                .filter(r -> r.body().contains(ADMIN_ID))).hasSize(1);
    }

    @Test
    void a_fan_out_inside_a_call_acts_with_the_callers_identity() {
        String base = start("both");
        // the server's own token is cached first: a fan-out thread that lost the caller's identity would use it
        assertThat(post(base + "/tool/cluster_status/call", null, null, Map.of()).status()).isEqualTo(200);
        int before = fake.requests().size();

        Response status = post(base + "/tool/cluster_status/call", DEMO_ID, DEMO_SECRET, Map.of());

        assertThat(status.status()).as(status.body()).isEqualTo(200);
        List<FakeOpenStack.Request> calls = fake.requests().subList(before, fake.requests().size()).stream()
                .filter(r -> !r.path().endsWith("/auth/tokens")).toList();
        assertThat(calls).hasSizeGreaterThan(3).allSatisfy(r -> assertThat(r.headers().get("X-auth-token"))
                .as(r.method() + " " + r.path()).singleElement().asString()
                .startsWith(FakeOpenStack.tokenPrefix(DEMO_ID)));
    }

    @Test
    void a_wrong_secret_gets_401_on_every_surface_and_is_never_echoed() {
        String base = start("both");
        Map<String, Object> initialize = Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of(
                "protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "t", "version", "1")));

        List<Response> refused = List.of(post(base + "/mcp", ADMIN_ID, WRONG_SECRET, initialize),
                post(base + "/openapi/server_list", ADMIN_ID, WRONG_SECRET, Map.of()),
                post(base + "/tool/server_list/call", ADMIN_ID, WRONG_SECRET, Map.of()),
                get(base + "/tools", ADMIN_ID, WRONG_SECRET),
                get(base + "/openapi/openapi.json", ADMIN_ID, WRONG_SECRET));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.body()).contains("Keystone rejected the application credential " + ADMIN_ID)
                    .doesNotContain(WRONG_SECRET, ADMIN_SECRET);
        });
        assertThat(post(base + "/tool/server_list/call", ADMIN_ID, "", Map.of()).status()).isEqualTo(401);
        assertThat(fake.count("GET", "/compute/.*")).isZero();
    }

    @Test
    void the_audit_names_the_openstack_user_and_project_that_acted_and_no_secret_is_logged() throws Exception {
        java.nio.file.Path audit = java.nio.file.Files.createTempDirectory("caller-identity").resolve("audit.jsonl");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            String base = start("both", Map.of("ALLOW_MODIFY_OPERATIONS", "true", "AUDIT_LOG_PATH", audit.toString()));
            fake.on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                    .on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "",
                            Map.of()));
            Map<String, Object> stop = Map.of("server", WEB_1, "wait", false);

            assertThat(post(base + "/tool/server_stop/call", ADMIN_ID, ADMIN_SECRET, stop).status()).isEqualTo(200);
            assertThat(post(base + "/tool/server_stop/call", null, null, stop).status()).isEqualTo(200);
            assertThat(post(base + "/tool/server_stop/call", ADMIN_ID, WRONG_SECRET, stop).status()).isEqualTo(401);

            List<Map<String, Object>> lines = io.github.openstackops.mcp.audit.AuditLines.read(audit);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).containsEntry("os_identity", "application_credential:" + ADMIN_ID)
                    .containsEntry("os_user", "admin").containsEntry("os_project", "admin")
                    .containsEntry("outcome", "executed");
            assertThat(lines.get(1)).containsEntry("os_identity", "service").containsEntry("os_user", "demo")
                    .containsEntry("os_project", "demo");
            assertThat(java.nio.file.Files.readString(audit)).doesNotContain(ADMIN_SECRET, WRONG_SECRET);
            assertThat(logs.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                    .doesNotContain(ADMIN_SECRET, WRONG_SECRET, DEMO_SECRET));
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void mode_caller_requires_a_credential_and_mode_service_refuses_one() {
        String caller = start("caller");
        Response missing = post(caller + "/tool/server_list/call", null, null, Map.of());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).contains("OS_IDENTITY_MODE=caller", CallerIdentityFilter.ID_HEADER);
        assertThat(get(caller + "/health", null, null).status()).isEqualTo(200);
        assertThat(post(caller + "/mcp", null, null, Map.of("jsonrpc", "2.0", "id", 1, "method", "ping")).status())
                .isEqualTo(401);

        String service = start(null);
        Response refused = post(service + "/openapi/server_list", DEMO_ID, DEMO_SECRET, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("OS_IDENTITY_MODE=service").doesNotContain(DEMO_SECRET);
        assertThat(fake.requests("POST", "/identity/v3/auth/tokens")).noneMatch(r -> r.body().contains(DEMO_ID));
    }
}
