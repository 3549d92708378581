package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With authentication off (the operator's choice) every surface serves the anonymous caller, and the gate still holds. */
class AuthenticationOffTest {

    private SurfaceFixture fixture;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void every_surface_serves_anonymous_callers_including_the_mcp_get_stream() throws Exception {
        fixture = new SurfaceFixture(Map.of("REMOTE_AUTH_ENABLE", "false", "ALLOW_MODIFY_OPERATIONS", "false"));
        String base = fixture.base;

        McpSyncClient client = McpClients.http(base, null);
        try {
            assertThat(client.listTools().tools()).isNotEmpty();
        } finally {
            client.closeGracefully();
        }
        HttpResponse<String> init = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(base + "/mcp"))
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                java.net.URI.create(base + "/mcp")).header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    java.net.URI.create(base + "/mcp")).header("Mcp-Session-Id", session).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(200);
        }

        assertThat(HttpSurfaces.get(base + "/openapi/openapi.json", null).status()).isEqualTo(200);
        assertThat(HttpSurfaces.get(base + "/tools", null).jsonList()).extracting(t -> t.get("name"))
                .contains("server_list").doesNotContain("server_stop");
        Response stop = HttpSurfaces.post(base + "/tool/server_stop/call", null, Map.of("server", SurfaceFixture.WEB_1));
        assertThat(stop.status()).isEqualTo(404);
        assertThat(stop.body()).contains("ALLOW_MODIFY_OPERATIONS=false");
    }

    @Test
    void with_modifications_on_the_anonymous_mcp_caller_may_still_list_and_call_write_tools() {
        fixture = new SurfaceFixture(Map.of("REMOTE_AUTH_ENABLE", "false", "ALLOW_MODIFY_OPERATIONS", "true"));

        McpSyncClient client = McpClients.http(fixture.base, null);
        try {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("server_list", "server_stop");
            McpSchema.CallToolResult stop = client.callTool(
                    new McpSchema.CallToolRequest("server_stop",
                            Map.of("server", SurfaceFixture.WEB_1, "wait", false)));
            assertThat(stop.isError()).as("%s", stop.content()).isFalse();
        } finally {
            client.closeGracefully();
        }
    }
}
