package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.Jwts;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth 2.0 Protected Resource Metadata (RFC 9728) and the challenge that points at it. */
class ProtectedResourceMetadataTest {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private String start(Map<String, String> env) {
        EmbeddedServer server = HttpSurfaces.start(null, env);
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void with_an_issuer_the_metadata_is_served_openly_and_every_401_points_at_it() {
        String base = start(Map.of("MCP_TRANSPORT", "streamable-http", "MCP_JWT_SECRET", Jwts.SECRET,
                "MCP_JWT_ISSUER", Jwts.ISSUER, "MCP_WRITE_SCOPES", "openstack:write,ops.admin",
                "MCP_PUBLIC_URL", "https://mcp.example.com/"));

        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
            Response metadata = HttpSurfaces.get(base + path, null);
            assertThat(metadata.status()).as(path).isEqualTo(200);
            assertThat(metadata.json()).containsEntry("resource", "https://mcp.example.com")
                    .containsEntry("authorization_servers", List.of(Jwts.ISSUER))
                    .containsEntry("bearer_methods_supported", List.of("header"))
                    .containsEntry("scopes_supported", List.of("openstack:write", "ops.admin"));
        }
        for (String path : List.of("/mcp", "/openapi/openapi.json", "/tools")) {
            Response denied = HttpSurfaces.send(HttpSurfaces.request(base + path, null)
                    .header("Accept", "application/json, text/event-stream").GET());
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"openstack-ops-mcp\","
                    + " resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource\"");
        }
    }

    @Test
    void without_a_public_url_the_host_header_names_the_resource() {
        String base = start(Map.of("MCP_TRANSPORT", "streamable-http", "MCP_JWT_SECRET", Jwts.SECRET,
                "MCP_JWT_ISSUER", Jwts.ISSUER));

        Response metadata = HttpSurfaces.get(base + "/.well-known/oauth-protected-resource", null);

        assertThat(metadata.json().get("resource")).isEqualTo(base.replaceAll("/+$", ""));
        assertThat(HttpSurfaces.get(base + "/tools", "wrong").header("WWW-Authenticate"))
                .contains("error=\"invalid_token\"").contains("resource_metadata=\"" + base.replaceAll("/+$", ""));
    }

    @Test
    void a_forged_host_header_is_never_echoed_nor_publicly_cached() throws Exception {
        String base = start(Map.of("MCP_TRANSPORT", "streamable-http", "MCP_JWT_SECRET", Jwts.SECRET,
                "MCP_JWT_ISSUER", Jwts.ISSUER));
        java.net.URI uri = java.net.URI.create(base);

        String answer;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET /.well-known/oauth-protected-resource HTTP/1.1\r\n"
                    + "Host: evil.example.com\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example.com")
                .contains("\"resource\":\"" + base.replaceAll("/+$", "") + "\"");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).doesNotContain("public, max-age");
    }

    @Test
    void without_an_issuer_there_is_no_metadata_and_the_challenge_is_plain() {
        String base = start(Map.of("MCP_TRANSPORT", "streamable-http", "MCP_JWT_SECRET", Jwts.SECRET));

        assertThat(HttpSurfaces.get(base + "/.well-known/oauth-protected-resource", null).status()).isEqualTo(404);
        assertThat(HttpSurfaces.get(base + "/tools", null).header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"openstack-ops-mcp\"");
    }
}
