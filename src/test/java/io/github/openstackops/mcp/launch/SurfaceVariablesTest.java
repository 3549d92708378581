package io.github.openstackops.mcp.launch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The variables of the team surfaces: JWT, limits, audit, OpenAPI, CORS. */
class SurfaceVariablesTest {

    @Test
    void a_jwt_source_turns_authentication_on_even_when_remote_auth_is_off() {
        assertThat(EnvironmentMapping.map(Map.of("MCP_JWT_SECRET", " spaced secret kept verbatim ")))
                .containsEntry("mcp.auth.jwt.secret", " spaced secret kept verbatim ")
                .containsEntry("micronaut.security.enabled", true);
        assertThat(EnvironmentMapping.map(Map.of("MCP_JWT_JWKS_URL", "https://idp/certs", "REMOTE_AUTH_ENABLE", "false")))
                .containsEntry("mcp.auth.jwt.jwks-url", "https://idp/certs")
                .containsEntry("micronaut.security.enabled", true);
        assertThat(EnvironmentMapping.map(Map.of("MCP_JWT_ISSUER", "https://idp")))
                .containsEntry("micronaut.security.enabled", false);
    }

    @Test
    void the_surface_variables_map_to_their_properties() {
        Map<String, Object> p = EnvironmentMapping.map(Map.ofEntries(
                Map.entry("MCP_JWT_AUDIENCE", "a, b"), Map.entry("MCP_WRITE_SCOPES", "openstack:write,ops"),
                Map.entry("MCP_PUBLIC_URL", "https://mcp.example.com"), Map.entry("MCP_RATE_LIMIT_PER_MINUTE", "60"),
                Map.entry("MCP_MAX_REQUEST_SIZE", "512kb"), Map.entry("AUDIT_LOG_PATH", "/var/log/audit.jsonl"),
                Map.entry("OPENAPI_BASE_PATH", "tools-api/"), Map.entry("OPENAPI_OPERATION_IDS", "Plain"),
                Map.entry("CORS_ALLOWED_ORIGINS", "https://webui.example.com, http://localhost:*")));

        assertThat(p).containsEntry("mcp.auth.jwt.audience", List.of("a", "b"))
                .containsEntry("mcp.auth.jwt.write-scopes", List.of("openstack:write", "ops"))
                .containsEntry("mcp.public-url", "https://mcp.example.com")
                .containsEntry("mcp.rate-limit.per-minute", 60)
                .containsEntry("micronaut.server.max-request-size", "512KB")
                .containsEntry("mcp.audit.path", "/var/log/audit.jsonl")
                .containsEntry("mcp.openapi.base-path", "/tools-api")
                .containsEntry("mcp.openapi.operation-ids", "plain")
                .containsEntry("mcp.cors.allowed-origins", List.of("https://webui.example.com", "http://localhost:*"));
        assertThat(EnvironmentMapping.map(Map.of("OPENAPI_BASE_PATH", "/"))).containsEntry("mcp.openapi.base-path", "/");
        assertThat(EnvironmentMapping.map(Map.of("MCP_MAX_REQUEST_SIZE", "2097152")))
                .containsEntry("micronaut.server.max-request-size", "2097152");
    }

    @Test
    void invalid_values_name_the_variable() {
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("MCP_RATE_LIMIT_PER_MINUTE", "-1")))
                .hasMessageContaining("MCP_RATE_LIMIT_PER_MINUTE=-1");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("MCP_MAX_REQUEST_SIZE", "huge")))
                .hasMessageContaining("MCP_MAX_REQUEST_SIZE=huge").hasMessageContaining("512KB");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("OPENAPI_BASE_PATH", "/mcp")))
                .hasMessage("OPENAPI_BASE_PATH=/mcp: collides with /mcp; choose another path, e.g. /openapi");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("OPENAPI_OPERATION_IDS", "fancy")))
                .hasMessageContaining("mcpo or plain");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("OPENAPI_OPERATION_IDS", "Fancy")))
                .hasMessage("OPENAPI_OPERATION_IDS=Fancy: expected mcpo or plain");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("MCP_JWT_SECRET", "s3cret-value-never-echoed",
                "MCP_PORT", "x"))).hasMessageNotContaining("s3cret");
    }
}
