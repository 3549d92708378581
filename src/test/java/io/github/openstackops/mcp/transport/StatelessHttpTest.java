package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.catalog.AdminTier;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.McpClients;
import io.github.openstackops.mcp.support.StatelessMcp;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Protocol 2026-07-28 on /mcp: stateless requests beside 2025-11-25 sessions, in process, against the mock cloud. */
class StatelessHttpTest {

    static final String WEB_1 = StreamableHttpTransportTest.WEB_1;
    static final String TOKEN = StreamableHttpTransportTest.TOKEN;
    static final Map<String, Object> ELICITS = Map.of("elicitation", Map.of("form", Map.of()));

    private final List<AutoCloseable> closing = new ArrayList<>();
    private FakeOpenStack fake;
    private String base;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private EmbeddedServer server(boolean allowModify) {
        return server(allowModify, Map.of());
    }

    private EmbeddedServer server(boolean allowModify, Map<String, Object> extra) {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json");
        closing.add(fake);
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.safety.allow-modify", allowModify);
        properties.put("mcp.auth.enabled", true);
        properties.put("mcp.auth.static-token", TOKEN);
        properties.putAll(extra);
        EmbeddedServer server = TestContexts.http(properties);
        closing.add(server.getApplicationContext());
        base = server.getURL().toString();
        return server;
    }

    private void deletableWeb1() {
        AtomicBoolean deleted = new AtomicBoolean();
        fake.on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> {
                    deleted.set(true);
                    return new FakeOpenStack.Reply(204, "", Map.of());
                })
                .on("GET", "/compute/v2.1/servers/" + WEB_1, r -> !deleted.get()
                        ? FakeOpenStack.Reply.json(200, fake.recorded("servers/server-web-1.json"))
                        : FakeOpenStack.Reply.json(404, fake.recorded("servers/server-404.json")));
    }

    private HttpSurfaces.Response call(Object id, String tool, Map<String, Object> arguments,
                                       Map<String, Object> capabilities, Map<String, Object> extra) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", tool);
        params.put("arguments", arguments);
        params.put("_meta", StatelessMcp.meta(capabilities));
        params.putAll(extra);
        return StatelessMcp.post(base, TOKEN, id, "tools/call", params);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @Test
    void discover_list_and_call_need_no_initialize_and_no_session() {
        server(false);

        HttpSurfaces.Response discover = StatelessMcp.post(base, TOKEN, 1, "server/discover", Map.of());
        assertThat(discover.status()).isEqualTo(200);
        assertThat(discover.header("Mcp-Session-Id")).isNull();
        Map<String, Object> found = StatelessMcp.result(discover);
        assertThat(found).containsEntry("resultType", "complete");
        assertThat(list(found.get("supportedVersions"))).contains("2026-07-28", "2025-11-25");
        assertThat(found.get("_meta")).asString().contains("openstack-ops-mcp");

        Map<String, Object> list = StatelessMcp.result(StatelessMcp.post(base, TOKEN, 2, "tools/list", Map.of()));
        assertThat(list).containsEntry("cacheScope", "private").containsKey("ttlMs");
        assertThat((Number) list.get("ttlMs")).satisfies(ttl -> assertThat(ttl.longValue()).isPositive());
        assertThat(list.get("_meta")).asString().contains("catalogFingerprint");
        assertThat(list(list.get("tools"))).extracting(t -> map(t).get("name"))
                .contains("server_list").doesNotContain("server_delete");

        Map<String, Object> result = StatelessMcp.result(call(3, "server_list", Map.of("limit", 2), Map.of(), Map.of()));
        assertThat(result).containsEntry("resultType", "complete").containsEntry("isError", false);
        assertThat(map(result.get("structuredContent"))).containsEntry("count", 2);
    }

    @Test
    void a_destructive_call_from_a_client_that_elicits_is_confirmed_over_a_second_round_and_runs_once() {
        server(true);
        deletableWeb1();

        Map<String, Object> asked = StatelessMcp.result(call(1, "server_delete", Map.of("server", WEB_1), ELICITS,
                Map.of()));
        assertThat(asked).containsEntry("resultType", "input_required").containsKey("requestState");
        assertThat(asked.get("inputRequests")).asString().contains("elicitation/create").contains("web-1")
                .contains("Proceed?");
        assertThat(asked.toString()).doesNotMatch("(?s).*[0-9]{9,12}\\.[A-Za-z0-9_-]{16}\\..*");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isZero();

        Map<String, Object> retry = Map.of("requestState", asked.get("requestState"),
                "inputResponses", Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true))));
        Map<String, Object> done = StatelessMcp.result(call(2, "server_delete", Map.of("server", WEB_1), ELICITS, retry));
        assertThat(done).containsEntry("resultType", "complete");
        assertThat(map(done.get("structuredContent"))).containsEntry("status", "executed");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);

        Map<String, Object> replayed = StatelessMcp.error(call(3, "server_delete", Map.of("server", WEB_1), ELICITS,
                retry));
        assertThat(replayed).containsEntry("code", -32602);
        assertThat(replayed.get("message")).asString().contains("already answered");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);
    }

    @Test
    void forged_mismatched_or_missing_answers_run_nothing() {
        server(true);
        deletableWeb1();
        Map<String, Object> yes = Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true)));

        assertThat(StatelessMcp.error(call(1, "server_delete", Map.of("server", WEB_1), ELICITS,
                Map.of("requestState", "forged-state", "inputResponses", yes))).get("message")).asString()
                .contains("unknown, expired or already answered");
        assertThat(StatelessMcp.error(call(2, "server_delete", Map.of("server", WEB_1), ELICITS,
                Map.of("inputResponses", yes))).get("message")).asString().contains("without the requestState");

        Map<String, Object> asked = StatelessMcp.result(call(3, "server_delete", Map.of("server", WEB_1), ELICITS,
                Map.of()));
        Map<String, Object> other = StatelessMcp.error(call(4, "server_delete",
                Map.of("server", "00000000-0000-0000-0000-000000000001"), ELICITS,
                Map.of("requestState", asked.get("requestState"), "inputResponses", yes)));
        assertThat(other.get("message")).asString().contains("another call");

        Map<String, Object> declined = StatelessMcp.result(call(5, "server_delete", Map.of("server", WEB_1), ELICITS,
                Map.of("requestState", asked.get("requestState"),
                        "inputResponses", Map.of("confirm", Map.of("action", "decline")))));
        assertThat(map(declined.get("structuredContent"))).containsEntry("status", "cancelled");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isZero();
    }

    @Test
    void a_client_without_elicitation_keeps_the_preview_and_token_flow() {
        server(true);
        deletableWeb1();

        Map<String, Object> preview = StatelessMcp.result(call(1, "server_delete", Map.of("server", WEB_1), Map.of(),
                Map.of()));
        Map<String, Object> structured = map(preview.get("structuredContent"));
        assertThat(preview).containsEntry("resultType", "complete");
        assertThat(structured).containsEntry("status", "preview").containsKey("confirm");

        Map<String, Object> done = StatelessMcp.result(call(2, "server_delete",
                Map.of("server", WEB_1, "confirm", structured.get("confirm")), Map.of(), Map.of()));
        assertThat(map(done.get("structuredContent"))).containsEntry("status", "executed");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);
    }

    @Test
    void headers_that_disagree_with_the_body_and_unknown_versions_are_refused_with_400() {
        server(false);
        Map<String, Object> params = Map.of("name", "server_list", "arguments", Map.of());
        String body = StatelessMcp.body(1, "tools/call", params);

        Map<String, String> wrongMethod = new LinkedHashMap<>(StatelessMcp.headers("tools/call", params));
        wrongMethod.put("Mcp-Method", "tools/list");
        HttpSurfaces.Response method = StatelessMcp.post(base, TOKEN, body, wrongMethod);
        assertThat(method.status()).isEqualTo(400);
        assertThat(StatelessMcp.error(method)).containsEntry("code", -32020);

        Map<String, String> wrongName = new LinkedHashMap<>(StatelessMcp.headers("tools/call", params));
        wrongName.put("Mcp-Name", "server_delete");
        assertThat(StatelessMcp.error(StatelessMcp.post(base, TOKEN, body, wrongName))).containsEntry("code", -32020);

        Map<String, String> noName = new LinkedHashMap<>(StatelessMcp.headers("tools/call", params));
        noName.remove("Mcp-Name");
        assertThat(StatelessMcp.post(base, TOKEN, body, noName).status()).isEqualTo(400);

        Map<String, String> encoded = new LinkedHashMap<>(StatelessMcp.headers("tools/call", params));
        encoded.put("Mcp-Name", "=?base64?" + java.util.Base64.getEncoder().encodeToString("server_list".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "?=");
        assertThat(StatelessMcp.post(base, TOKEN, body, encoded).status()).isEqualTo(200);

        Map<String, String> noVersion = new LinkedHashMap<>(StatelessMcp.headers("tools/call", params));
        noVersion.remove("MCP-Protocol-Version");
        HttpSurfaces.Response missing = StatelessMcp.post(base, TOKEN, body, noVersion);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(StatelessMcp.error(missing)).containsEntry("code", -32020);

        Map<String, String> future = new LinkedHashMap<>(StatelessMcp.headers("tools/call", params));
        future.put("MCP-Protocol-Version", "2099-01-01");
        HttpSurfaces.Response unsupported = StatelessMcp.post(base, TOKEN, body, future);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(StatelessMcp.error(unsupported)).containsEntry("code", -32022);
        assertThat(StatelessMcp.error(unsupported).get("data")).asString().contains("2026-07-28");

        Map<String, String> legacyHeader = new LinkedHashMap<>(StatelessMcp.headers("tools/call", params));
        legacyHeader.put("MCP-Protocol-Version", "2025-11-25");
        assertThat(StatelessMcp.post(base, TOKEN, body, legacyHeader).status()).isEqualTo(400);
    }

    @Test
    void a_request_without_its_envelope_is_invalid_params_and_a_method_this_version_lacks_is_404() {
        server(false);
        Map<String, String> headers = StatelessMcp.headers("tools/list", Map.of());
        HttpSurfaces.Response bare = StatelessMcp.post(base, TOKEN,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}", headers);
        assertThat(bare.status()).isEqualTo(400);
        assertThat(StatelessMcp.error(bare)).containsEntry("code", -32602);
        assertThat(StatelessMcp.error(bare).get("message")).asString().contains("_meta");

        Map<String, Object> noCapabilities = new LinkedHashMap<>(StatelessMcp.meta(Map.of()));
        noCapabilities.remove("io.modelcontextprotocol/clientCapabilities");
        HttpSurfaces.Response partial = StatelessMcp.post(base, TOKEN, 2, "tools/list", Map.of("_meta", noCapabilities));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(StatelessMcp.error(partial)).containsEntry("code", -32602);

        for (String removed : List.of("ping", "initialize", "logging/setLevel", "resources/subscribe")) {
            HttpSurfaces.Response missing = StatelessMcp.post(base, TOKEN, 3, removed, Map.of());
            assertThat(missing.status()).as(removed).isEqualTo(404);
            assertThat(StatelessMcp.error(missing)).containsEntry("code", -32601);
        }
    }

    @Test
    void prompts_and_resources_are_listed_cacheably_and_read() {
        server(false);
        deletableWeb1();
        fake.on("GET", "/compute/v2.1/servers/" + WEB_1 + "/os-volume_attachments",
                r -> FakeOpenStack.Reply.json(200, "{\"volumeAttachments\": []}"));
        Map<String, Object> prompts = StatelessMcp.result(StatelessMcp.post(base, TOKEN, 1, "prompts/list", Map.of()));
        assertThat(prompts).containsEntry("cacheScope", "public").containsKey("ttlMs");
        assertThat(list(prompts.get("prompts"))).isNotEmpty();
        Map<String, Object> resources = StatelessMcp.result(StatelessMcp.post(base, TOKEN, 2, "resources/list",
                Map.of()));
        assertThat(resources.get("resources")).asString().contains("openstack-ops-mcp://capabilities");
        Map<String, Object> templates = StatelessMcp.result(StatelessMcp.post(base, TOKEN, 3,
                "resources/templates/list", Map.of()));
        assertThat(templates.get("resourceTemplates")).asString().contains("openstack://servers/{server}");
        Map<String, Object> read = StatelessMcp.result(StatelessMcp.post(base, TOKEN, 4, "resources/read",
                Map.of("uri", "openstack://servers/" + WEB_1)));
        assertThat(read.get("contents")).asString().contains("web-1");
        Map<String, Object> unknown = StatelessMcp.error(StatelessMcp.post(base, TOKEN, 5, "resources/read",
                Map.of("uri", "openstack://nothing/x")));
        assertThat(unknown).containsEntry("code", -32002);
    }

    @Test
    void the_caller_is_authenticated_like_on_every_request_and_foreign_origins_are_refused() {
        server(false);
        HttpSurfaces.Response anonymous = StatelessMcp.post(base, null, 1, "server/discover", Map.of());
        assertThat(anonymous.status()).isEqualTo(401);

        Map<String, String> headers = new LinkedHashMap<>(StatelessMcp.headers("server/discover", Map.of()));
        headers.put("Origin", "https://evil.example");
        HttpSurfaces.Response foreign = StatelessMcp.post(base, TOKEN, StatelessMcp.body(1, "server/discover",
                Map.of()), headers);
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void a_2025_11_25_client_still_opens_a_session_and_calls_beside_stateless_requests() {
        EmbeddedServer server = server(false);
        McpSyncClient client = McpClients.http(server.getURL().toString(), TOKEN, spec -> { });
        closing.add(client::closeGracefully);

        assertThat(client.listTools().tools()).isNotEmpty();
        assertThat(StatelessMcp.result(StatelessMcp.post(base, TOKEN, 1, "tools/list", Map.of()))).containsKey("tools");
        assertThat(client.callTool(new io.modelcontextprotocol.spec.McpSchema.CallToolRequest("server_list",
                Map.of("limit", 2))).isError()).isFalse();
    }

    @Test
    void a_listener_hears_that_the_tools_changed_when_the_admin_tier_resolves_and_the_list_fingerprint_follows()
            throws Exception {
        EmbeddedServer server = server(false, Map.of("mcp.catalog.admin-tools", "auto"));
        AdminTier tier = server.getApplicationContext().getBean(AdminTier.class);
        String before = fingerprint();

        java.net.http.HttpRequest.Builder request = HttpSurfaces.request(base.replaceAll("/+$", "") + "/mcp", TOKEN)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(StatelessMcp.body(7, "subscriptions/listen",
                        Map.of("notifications", Map.of("toolsListChanged", true, "promptsListChanged", true)))));
        StatelessMcp.headers("subscriptions/listen", Map.of()).forEach(request::header);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        closing.add(http::shutdownNow);
        http.sendAsync(request.build(), java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).forEach(events::add));

        String acknowledged = events.poll(20, TimeUnit.SECONDS);
        assertThat(acknowledged).contains("notifications/subscriptions/acknowledged")
                .contains("\"toolsListChanged\":true").doesNotContain("promptsListChanged")
                .contains("\"io.modelcontextprotocol/subscriptionId\":7");
        boolean admin = tier.hides();
        tier.observed(admin); // hidden -> offered, or offered -> hidden: the catalog changes either way
        String changed = events.poll(20, TimeUnit.SECONDS);
        assertThat(changed).contains("notifications/tools/list_changed")
                .contains("\"io.modelcontextprotocol/subscriptionId\":7");
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    private String fingerprint() {
        return String.valueOf(map(StatelessMcp.result(StatelessMcp.post(base, TOKEN, 1, "tools/list", Map.of()))
                .get("_meta")).get("io.github.openstackops/catalogFingerprint"));
    }
}
