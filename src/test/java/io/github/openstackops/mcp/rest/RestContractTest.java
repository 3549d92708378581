package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.rest.SurfaceFixture.TOKEN;
import static io.github.openstackops.mcp.rest.SurfaceFixture.WEB_1;
import static org.assertj.core.api.Assertions.assertThat;

/** The "external MCP server" REST contract: GET /tools, POST /tool/{name}/call, GET /health. */
class RestContractTest {

    private SurfaceFixture fixture;

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void tools_are_listed_as_descriptors_of_the_same_catalog() {
        fixture = new SurfaceFixture(Map.of());
        List<ToolDefinition<?, ?>> catalog = fixture.server.getApplicationContext().getBean(ToolCatalog.class)
                .visibleTo(Caller.STATIC_TOKEN);

        List<Map<String, Object>> tools = HttpSurfaces.get(fixture.base + "/tools", TOKEN).jsonList();

        assertThat(tools).extracting(t -> t.get("name")).containsExactlyElementsOf(
                catalog.stream().map(ToolDefinition::name).toList());
        Map<String, Object> stop = tools.stream().filter(t -> t.get("name").equals("server_stop")).findFirst().orElseThrow();
        assertThat(stop).containsKeys("name", "title", "description", "inputSchema", "outputSchema", "annotations");
        assertThat((Map<String, Object>) stop.get("annotations")).containsEntry("readOnlyHint", false)
                .containsEntry("destructiveHint", false);
        assertThat(stop.get("inputSchema")).isEqualTo(HttpSurfaces.read(HttpSurfaces.write(
                catalog.stream().filter(t -> t.name().equals("server_stop")).findFirst().orElseThrow().inputSchema()),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
    }

    @Test
    void a_call_returns_the_structured_result_or_an_error_object_with_its_status() {
        fixture = new SurfaceFixture(Map.of());
        String call = fixture.base + "/tool/%s/call";

        Response ok = HttpSurfaces.post(call.formatted("server_stop"), TOKEN, Map.of("server", WEB_1, "wait", false));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json()).containsEntry("id", WEB_1).containsEntry("action", "stop");

        Response invalid = HttpSurfaces.post(call.formatted("server_list"), TOKEN, Map.of("limit", "lots"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json()).extractingByKey("error").asString().contains("invalid_arguments").contains("limit");

        Response unknown = HttpSurfaces.post(call.formatted("nope_nope"), TOKEN, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"unknown_tool\"");

        Response failed = HttpSurfaces.post(call.formatted("server_get"), TOKEN,
                Map.of("server", "3f2a0000-0000-4000-8000-000000000000"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).contains("\"code\":\"tool_error\"").contains("not found");

        Response badJson = HttpSurfaces.post(call.formatted("server_list"), TOKEN, "{limit: 1}");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"code\":\"invalid_json\"");

        Response noToken = HttpSurfaces.post(call.formatted("server_list"), null, Map.of());
        assertThat(noToken.status()).isEqualTo(401);
        Response text = HttpSurfaces.send(HttpSurfaces.request(call.formatted("server_list"), TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    @SuppressWarnings("unchecked")
    void health_is_open_says_the_version_and_whether_the_cloud_is_reachable_without_authenticating() {
        fixture = new SurfaceFixture(Map.of());

        Response health = HttpSurfaces.get(fixture.base + "/health", null);
        Response again = HttpSurfaces.get(fixture.base + "/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "ok").containsKey("version");
        Map<String, Object> cloud = (Map<String, Object>) health.json().get("cloud");
        assertThat(cloud).containsEntry("reachable", true);
        assertThat(((Map<String, Object>) again.json().get("cloud")).get("checked_at")).isEqualTo(cloud.get("checked_at"));
        assertThat(fixture.fake.authentications()).isZero();
        assertThat(health.body()).doesNotContain("127.0.0.1").doesNotContain("demo");
    }

    @Test
    @SuppressWarnings("unchecked")
    void health_reports_an_unreachable_or_unconfigured_cloud_and_stays_ok() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        fixture = new SurfaceFixture(Map.of("OS_AUTH_URL", "http://127.0.0.1:" + closedPort + "/v3"));
        Response down = HttpSurfaces.get(fixture.base + "/health", null);
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.json()).containsEntry("status", "ok");
        assertThat((Map<String, Object>) down.json().get("cloud")).containsEntry("reachable", false)
                .containsEntry("detail", "keystone unreachable");
        fixture.close();
        fixture = null;

        io.micronaut.runtime.server.EmbeddedServer unconfigured = HttpSurfaces.start(null,
                Map.of("MCP_TRANSPORT", "streamable-http"));
        try {
            Response none = HttpSurfaces.get(unconfigured.getURL() + "/health", null);
            assertThat(none.status()).isEqualTo(200);
            assertThat((Map<String, Object>) none.json().get("cloud")).containsEntry("reachable", false)
                    .containsEntry("detail", "not configured");
        } finally {
            unconfigured.getApplicationContext().close();
        }
    }
}
