package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.rest.SurfaceFixture.TOKEN;
import static io.github.openstackops.mcp.rest.SurfaceFixture.WEB_1;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI tool server over HTTP, in process, against the fake cloud: calls, errors as mcpo maps them, CORS, docs. */
class OpenApiToolServerTest {

    private SurfaceFixture fixture;

    private SurfaceFixture start(Map<String, String> env) {
        fixture = new SurfaceFixture(env);
        return fixture;
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_tool_is_called_with_json_arguments_and_answers_with_its_structured_result() {
        SurfaceFixture f = start(Map.of());

        Response r = HttpSurfaces.post(f.base + "/openapi/server_list", TOKEN, Map.of("limit", 2));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json()).containsEntry("count", 2).containsKey("servers");
        assertThat(((List<Map<String, Object>>) r.json().get("servers"))).extracting(s -> s.get("name")).isNotEmpty();
        Response noBody = HttpSurfaces.send(HttpSurfaces.request(f.base + "/openapi/server_list", TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noBody.status()).as(noBody.body()).isEqualTo(200);
    }

    @Test
    void errors_are_mapped_as_mcpo_maps_them() {
        SurfaceFixture f = start(Map.of());

        Response invalid = HttpSurfaces.post(f.base + "/openapi/server_list", TOKEN, Map.of("limit", 1000));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("detail")).asList().singleElement().asString().contains("limit").contains("200");

        Response unknown = HttpSurfaces.post(f.base + "/openapi/server_frobnicate", TOKEN, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).extractingByKey("detail").asString().contains("Unknown tool 'server_frobnicate'");

        Response failed = HttpSurfaces.post(f.base + "/openapi/server_get", TOKEN,
                Map.of("server", "3f2a0000-0000-4000-8000-000000000000"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json()).isEqualTo(Map.of("detail", Map.of("message", failed.json().get("detail") instanceof Map<?, ?> m
                ? m.get("message") : "")));
        assertThat(failed.body()).contains("not found");

        Response badJson = HttpSurfaces.post(f.base + "/openapi/server_list", TOKEN, "{\"limit\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body()).contains("not valid JSON");

        Response duplicate = HttpSurfaces.post(f.base + "/openapi/server_list", TOKEN, "{\"limit\": 1, \"limit\": 500}");
        assertThat(duplicate.status()).isEqualTo(400);

        Response notAnObject = HttpSurfaces.post(f.base + "/openapi/server_list", TOKEN, "[1, 2]");
        assertThat(notAnObject.status()).isEqualTo(422);

        Response form = HttpSurfaces.send(HttpSurfaces.request(f.base + "/openapi/server_list", TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("limit=2")));
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_destructive_tool_keeps_its_two_steps() {
        SurfaceFixture f = start(Map.of());

        Response preview = HttpSurfaces.post(f.base + "/openapi/server_delete", TOKEN, Map.of("server", WEB_1, "wait", false));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json()).containsEntry("status", "preview").containsKey("confirm");
        assertThat((String) ((Map<String, Object>) preview.json().get("preview")).get("summary")).contains("web-1");
        assertThat(f.fake.count("DELETE", ".*")).isZero();

        Response forged = HttpSurfaces.post(f.base + "/openapi/server_delete", TOKEN,
                Map.of("server", WEB_1, "wait", false, "confirm", preview.json().get("confirm") + "x"));
        assertThat(forged.status()).isEqualTo(500);
        assertThat(forged.body()).contains("confirmation token");
        assertThat(f.fake.count("DELETE", ".*")).isZero();

        Response done = HttpSurfaces.post(f.base + "/openapi/server_delete", TOKEN,
                Map.of("server", WEB_1, "wait", false, "confirm", preview.json().get("confirm")));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json()).containsEntry("status", "executed");
        assertThat(f.fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);
    }

    @Test
    void a_body_over_the_configured_size_is_refused() {
        SurfaceFixture f = start(Map.of("MCP_MAX_REQUEST_SIZE", "2KB"));

        Response big = HttpSurfaces.post(f.base + "/openapi/server_list", TOKEN,
                Map.of("name", "x".repeat(4096)));
        Response small = HttpSurfaces.post(f.base + "/openapi/server_list", TOKEN, Map.of("name", "web"));

        assertThat(big.status()).isEqualTo(413);
        assertThat(small.status()).isEqualTo(200);
        assertThat(HttpSurfaces.post(f.base + "/tool/server_list/call", TOKEN, Map.of("name", "x".repeat(4096))).status())
                .isEqualTo(413);
    }

    @Test
    void browsers_from_allowed_origins_get_cors_and_others_are_refused() {
        SurfaceFixture f = start(Map.of("CORS_ALLOWED_ORIGINS", "https://webui.example.com"));

        Response preflight = HttpSurfaces.send(HttpSurfaces.request(f.base + "/openapi/server_list", null)
                .header("Origin", "https://webui.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://webui.example.com");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");

        Response call = HttpSurfaces.send(HttpSurfaces.request(f.base + "/openapi/openapi.json", TOKEN)
                .header("Origin", "https://webui.example.com").GET());
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo("https://webui.example.com");

        for (String path : List.of("/openapi/openapi.json", "/tools")) {
            Response foreign = HttpSurfaces.send(HttpSurfaces.request(f.base + path, TOKEN)
                    .header("Origin", "https://evil.example.com").GET());
            assertThat(foreign.status()).as(path).isEqualTo(403);
            assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        }
        Response foreignPost = HttpSurfaces.send(HttpSurfaces.request(f.base + "/openapi/server_stop", TOKEN)
                .header("Origin", "https://evil.example.com").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"server\": \"" + WEB_1 + "\"}")));
        assertThat(foreignPost.status()).isEqualTo(403);
        assertThat(f.fake.count("POST", ".*/action")).isZero();

        // the docs page on the server itself calls its own origin
        Response own = HttpSurfaces.send(HttpSurfaces.request(f.base + "/openapi/openapi.json", TOKEN)
                .header("Origin", f.base.replaceAll("/+$", "")).GET());
        assertThat(own.status()).isEqualTo(200);
        // no Origin: servers and command-line clients
        assertThat(HttpSurfaces.get(f.base + "/openapi/openapi.json", TOKEN).status()).isEqualTo(200);
    }

    @Test
    void without_authentication_a_foreign_origin_cannot_pose_as_the_server_itself() {
        SurfaceFixture f = start(Map.of("REMOTE_AUTH_ENABLE", "false"));
        String rebound = "http://rebind.attacker.example:" + f.server.getPort();

        Response r = HttpSurfaces.send(HttpSurfaces.request(f.base + "/openapi/openapi.json", null)
                .header("Origin", rebound).GET());

        assertThat(r.status()).isEqualTo(403);
        assertThat(HttpSurfaces.get(f.base + "/openapi/openapi.json", null).status()).isEqualTo(200);
        assertThat(HttpSurfaces.post(f.base + "/openapi/server_list", null, Map.of("limit", 1)).status()).isEqualTo(200);
    }

    @Test
    void the_docs_page_is_swagger_ui_served_from_the_jar_and_asks_for_the_token() {
        SurfaceFixture f = start(Map.of());

        Response page = HttpSurfaces.get(f.base + "/openapi/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("data-spec-url=\"/openapi/openapi.json\"")
                .contains("/openapi/docs/swagger-ui-bundle.js").contains("/openapi/docs/openstack-ops-docs.js")
                .doesNotContain("http://", "https://");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");

        Response bundle = HttpSurfaces.get(f.base + "/openapi/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).startsWith("text/javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(HttpSurfaces.get(f.base + "/openapi/docs/swagger-ui.css", null).status()).isEqualTo(200);
        Response script = HttpSurfaces.get(f.base + "/openapi/docs/openstack-ops-docs.js", null);
        assertThat(script.body()).contains("requestInterceptor").contains("sessionStorage");
        assertThat(HttpSurfaces.get(f.base + "/openapi/docs/index.html", null).status()).isEqualTo(404);
        assertThat(HttpSurfaces.get(f.base + "/openapi/docs/..%2F..%2Fapplication.yml", null).status()).isEqualTo(404);
        // the page is static; what it shows needs the token
        assertThat(HttpSurfaces.get(f.base + "/openapi/openapi.json", null).status()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_base_path_and_operation_ids_are_configurable_even_to_the_root_next_to_mcp() {
        SurfaceFixture f = start(Map.of("OPENAPI_BASE_PATH", "/", "OPENAPI_OPERATION_IDS", "plain"));

        Response doc = HttpSurfaces.get(f.base + "/openapi.json", TOKEN);
        assertThat(doc.status()).isEqualTo(200);
        Map<String, Object> list = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                doc.json().get("paths")).get("/server_list")).get("post");
        assertThat(list).containsEntry("operationId", "server_list");
        assertThat(HttpSurfaces.post(f.base + "/server_list", TOKEN, Map.of("limit", 1)).status()).isEqualTo(200);
        assertThat(HttpSurfaces.get(f.base + "/docs", null).status()).isEqualTo(200);
        assertThat(HttpSurfaces.get(f.base + "/health", null).status()).isEqualTo(200);
        assertThat(HttpSurfaces.get(f.base + "/tools", TOKEN).status()).isEqualTo(200);
        McpSyncClient mcp = McpClients.http(f.base, TOKEN);
        try {
            assertThat(mcp.listTools().tools()).isNotEmpty();
        } finally {
            mcp.closeGracefully();
        }
    }
}
