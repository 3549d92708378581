package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.RawMcp;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One exact Origin rule on every surface: an Origin is allowed only when it equals an allowed one (or only its port
 * differs from a ":*" entry), never because it starts like one; and every path of the tool surfaces is covered, however
 * it is spelt (trailing slash included).
 */
class OriginRuleTest {

    static final String EVIL = "http://localhost:3000.evil.com";
    private static EmbeddedServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = HttpSurfaces.start(null, Map.of("MCP_TRANSPORT", "streamable-http"));
        base = server.getURL().toString();
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
    }

    private static Response get(String path, String origin) {
        return HttpSurfaces.send(HttpSurfaces.request(base + path, null).header("Origin", origin)
                .header("Accept", "application/json, text/event-stream").GET());
    }

    private static Response initialize(String origin) {
        return HttpSurfaces.send(HttpSurfaces.request(base + "/mcp", null).header("Origin", origin)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(RawMcp.INITIALIZE)));
    }

    @Test
    void an_origin_that_only_starts_like_an_allowed_one_is_refused_on_every_surface() {
        assertThat(initialize(EVIL).status()).isEqualTo(403);
        assertThat(initialize("http://localhost:3000@evil.com").status()).isEqualTo(403);
        assertThat(initialize("http://localhost.evil.com").status()).isEqualTo(403);
        for (String path : List.of("/tools", "/openapi/openapi.json")) {
            assertThat(get(path, EVIL).status()).as(path).isEqualTo(403);
        }
        assertThat(initialize("http://localhost:3000").status()).isEqualTo(200);
        assertThat(get("/tools", "http://localhost:3000").status()).isEqualTo(200);
    }

    @Test
    void every_spelling_of_a_tool_surface_path_is_covered() {
        for (String path : List.of("/tools", "/tools/", "/tool/server_list/call", "/openapi/openapi.json",
                "/openapi/openapi.json/", "/openapi/", "//tools")) {
            Response r = get(path, "https://evil.example.com");
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(403);
        }
    }
}
