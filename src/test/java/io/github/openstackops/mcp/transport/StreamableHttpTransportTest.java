package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.support.CatalogFacts;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.McpClients;
import io.github.openstackops.mcp.support.TestContexts;
import io.github.openstackops.mcp.transport.http.StreamableHttpTransport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MCP over streamable HTTP, in process, against the mock cloud, driven by the SDK's own client. */
class StreamableHttpTransportTest {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String TOKEN = "unit-test-bearer-secret-9f8e7d";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private FakeOpenStack fake;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private EmbeddedServer server(boolean allowModify, boolean auth) {
        return server(allowModify, auth, Map.of());
    }

    private EmbeddedServer server(boolean allowModify, boolean auth, Map<String, Object> extra) {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json");
        closing.add(fake);
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.safety.allow-modify", allowModify);
        if (auth) {
            properties.put("mcp.auth.enabled", true);
            properties.put("mcp.auth.static-token", TOKEN);
        }
        properties.putAll(extra);
        EmbeddedServer server = TestContexts.http(properties);
        closing.add(server.getApplicationContext());
        return server;
    }

    private McpSyncClient client(EmbeddedServer server, java.util.function.Consumer<io.modelcontextprotocol.client.McpClient.SyncSpec> features) {
        McpSyncClient client = McpClients.http(server.getURL().toString(), TOKEN, features);
        closing.add(client::closeGracefully);
        return client;
    }

    @Test
    void a_client_lists_annotated_tools_and_calls_one() {
        McpSyncClient client = client(server(true, true), spec -> { });

        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).contains("server_list", "server_stop", "server_delete");
        assertThat(tools).allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isNotNull());

        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("server_list", Map.of("limit", 2)));
        assertThat(result.isError()).isFalse();
        assertThat(McpClients.structured(result)).containsEntry("count", 2);
    }

    @Test
    void progress_and_log_notifications_reach_the_client_during_a_long_call() {
        AtomicInteger polls = new AtomicInteger();
        EmbeddedServer server = server(true, true);
        fake.on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "", Map.of()))
                .on("GET", "/compute/v2.1/servers/" + WEB_1, r -> {
                    String body = fake.recorded("servers/server-web-1.json");
                    int n = polls.incrementAndGet();
                    return FakeOpenStack.Reply.json(200, n == 1 ? body : n < 4
                            ? body.replace("\"OS-EXT-STS:task_state\": null", "\"OS-EXT-STS:task_state\": \"powering-off\"")
                            : body.replace("\"status\": \"ACTIVE\"", "\"status\": \"SHUTOFF\""));
                });
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        McpSyncClient client = client(server, spec -> spec.progressConsumer(progress::add).loggingConsumer(logs::add));

        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("server_stop")
                .arguments(Map.of("server", WEB_1)).progressToken("stop-1").build());

        assertThat(result.isError()).as(McpClients.text(result)).isFalse();
        assertThat(McpClients.structured(result)).containsEntry("status", "SHUTOFF");
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("stop-1"));
        assertThat(progress).extracting(McpSchema.ProgressNotification::message).anyMatch(m -> m.contains("powering-off"));
        assertThat(logs).extracting(McpSchema.LoggingMessageNotification::data).anyMatch(d -> d.contains("stop requested"));
    }

    @Test
    void a_client_that_supports_elicitation_confirms_a_destructive_call_by_asking_the_user() {
        EmbeddedServer server = server(true, true);
        AtomicInteger gets = new AtomicInteger();
        fake.on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> new FakeOpenStack.Reply(204, "", Map.of()))
                .on("GET", "/compute/v2.1/servers/" + WEB_1, r -> gets.incrementAndGet() <= 2
                        ? FakeOpenStack.Reply.json(200, fake.recorded("servers/server-web-1.json"))
                        : FakeOpenStack.Reply.json(404, fake.recorded("servers/server-404.json")));
        List<String> questions = new CopyOnWriteArrayList<>();
        McpSyncClient client = client(server, spec -> spec
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    questions.add(request.message());
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true), null);
                }));

        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("server_delete", Map.of("server", WEB_1)));

        assertThat(questions).singleElement().asString().contains("web-1").contains("Proceed?");
        assertThat(McpClients.structured(result)).containsEntry("status", "executed");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);
    }

    @Test
    void with_modifications_off_write_tools_are_neither_listed_nor_callable() {
        EmbeddedServer server = server(false, true);
        McpSyncClient client = client(server, spec -> { });

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrderElementsOf(CatalogFacts.readTools());
        assertThat(CatalogFacts.modifyingTools()).isNotEmpty().allSatisfy(tool ->
                assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest(tool, Map.of("server", WEB_1))))
                        .isInstanceOf(McpError.class));
        assertThat(fake.requests()).noneMatch(r -> !r.method().equals("GET") && !r.path().endsWith("/auth/tokens"));
    }

    @Test
    void in_grouped_mode_with_modifications_off_no_write_group_is_listed_and_no_operation_forced_through_any_group_runs() {
        EmbeddedServer server = server(false, true, Map.of("mcp.catalog.tool-mode", "grouped"));
        McpSyncClient client = client(server, spec -> { });

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrderElementsOf(CatalogFacts.readGroups());
        for (String operation : CatalogFacts.modifyingTools()) {
            Map<String, Object> forced = Map.of("operation", operation, "arguments", Map.of("server", WEB_1));
            assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest(CatalogFacts.groupOf(operation),
                    forced))).isInstanceOf(McpError.class);
            McpSchema.CallToolResult viaRead = client.callTool(new McpSchema.CallToolRequest(
                    CatalogFacts.readGroupOf(operation), forced));
            assertThat(viaRead.isError()).as(operation).isTrue();
        }
        assertThat(fake.requests()).noneMatch(r -> !r.method().equals("GET") && !r.path().endsWith("/auth/tokens"));

        McpSchema.CallToolResult list = client.callTool(new McpSchema.CallToolRequest("compute_read",
                Map.of("operation", "server_list", "arguments", Map.of("limit", 2))));
        assertThat(list.isError()).as(McpClients.text(list)).isFalse();
        assertThat(McpClients.structured(list)).containsEntry("count", 2);
    }

    @Test
    void admin_operations_disappear_with_list_changed_once_keystone_shows_no_admin_role() {
        // the fake cloud's token (demo) holds reader and member, not admin
        EmbeddedServer server = server(false, true, Map.of("mcp.catalog.admin-tools", "auto",
                "mcp.catalog.tool-mode", "grouped"));
        List<List<McpSchema.Tool>> changes = new CopyOnWriteArrayList<>();
        McpSyncClient client = client(server, spec -> spec.toolsChangeConsumer(changes::add));
        var tier = server.getApplicationContext().getBean(io.github.openstackops.mcp.catalog.AdminTier.class);

        await(() -> tier.knownAdmin().isPresent() && !changes.isEmpty());
        assertThat(tier.knownAdmin()).contains(false);

        String computeRead = client.listTools().tools().stream().filter(t -> t.name().equals("compute_read"))
                .findFirst().orElseThrow().description();
        assertThat(computeRead).contains("server_list").doesNotContain("hypervisor_list");
        McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("compute_read",
                Map.of("operation", "hypervisor_list")));
        assertThat(refused.isError()).isTrue();
        assertThat(McpClients.text(refused)).contains("admin role");
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void a_request_whose_context_carries_no_caller_is_treated_as_a_caller_that_may_only_read() {
        EmbeddedServer server = server(true, false);
        McpToolAdapter adapter = server.getApplicationContext().getBean(McpToolAdapter.class);
        var filter = adapter.visibilityFilter(Caller.UNRESOLVED);

        assertThat(Caller.UNRESOLVED.mayModify()).isFalse();
        assertThat(McpToolAdapter.callerOf(McpTransportContext.EMPTY,
                Caller.UNRESOLVED).mayModify()).isFalse();
        assertThat(filter.isVisible(McpTransportContext.EMPTY,
                McpSchema.Tool.builder().name("server_stop").build()).block()).isFalse();
        assertThat(filter.isVisible(McpTransportContext.EMPTY,
                McpSchema.Tool.builder().name("server_list").build()).block()).isTrue();
    }

    @Test
    void without_the_bearer_token_every_endpoint_but_health_answers_401_with_a_challenge() throws Exception {
        EmbeddedServer server = server(false, true);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/mcp"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/mcp"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + TOKEN + "x").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        assertThatThrownBy(() -> McpClients.http(server.getURL().toString(), "not-the-token"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_foreign_browser_origin_is_refused() throws Exception {
        EmbeddedServer server = server(false, false);

        assertThatThrownBy(() -> McpClients.httpWith(server.getURL().toString(),
                HttpRequest.newBuilder().header("Origin", "https://evil.example.com"), spec -> { }))
                .hasRootCauseInstanceOf(io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException.class);
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/mcp"))
                .header("Accept", "text/event-stream").header("Origin", "https://evil.example.com").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(403);
        McpSyncClient local = McpClients.httpWith(server.getURL().toString(),
                HttpRequest.newBuilder().header("Origin", "http://localhost:3000"), spec -> { });
        closing.add(local::closeGracefully);
        assertThat(local.listTools().tools()).isNotEmpty();
    }

    @Test
    void a_closed_session_is_deleted_on_the_server() {
        EmbeddedServer server = server(false, true);
        StreamableHttpTransport transport = server.getApplicationContext().getBean(StreamableHttpTransport.class);
        McpSyncClient client = McpClients.http(server.getURL().toString(), TOKEN);
        assertThat(transport.openSessions()).isEqualTo(1);

        client.closeGracefully();

        assertThat(transport.openSessions()).isZero();
    }
}
