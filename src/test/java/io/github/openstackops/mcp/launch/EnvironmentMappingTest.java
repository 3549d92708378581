package io.github.openstackops.mcp.launch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentMappingTest {

    @Test
    void the_openstack_cli_names_map_to_the_cloud_settings_and_passwords_are_kept_verbatim() {
        Map<String, Object> p = EnvironmentMapping.map(Map.of("OS_AUTH_URL", " https://k:5000/v3 ",
                "OS_PASSWORD", " spaced ", "OS_TENANT_NAME", "legacy", "OS_ENDPOINT_TYPE", "internal"));

        assertThat(p).containsEntry("openstack.auth-url", "https://k:5000/v3")
                .containsEntry("openstack.password", " spaced ")
                .containsEntry("openstack.project-name", "legacy")
                .containsEntry("openstack.endpoint-interface", "internal");
    }

    @Test
    void the_reference_servers_names_keep_working() {
        Map<String, Object> p = EnvironmentMapping.map(Map.of("FASTMCP_TYPE", "streamable-http",
                "FASTMCP_HOST", "0.0.0.0", "FASTMCP_PORT", "18005", "ALLOW_MODIFY_OPERATIONS", "True",
                "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", "k", "OS_AUTH_HOST", "10.0.0.5",
                "OS_AUTH_PORT", "5000", "OS_COMPUTE_PORT", "8774", "MCP_LOG_LEVEL", "WARNING"));

        assertThat(p).containsEntry("mcp.transport", "streamable-http")
                .containsEntry("micronaut.server.host", "0.0.0.0")
                .containsEntry("micronaut.server.port", 18005)
                .containsEntry("mcp.safety.allow-modify", true)
                .containsEntry("mcp.auth.enabled", true)
                .containsEntry("micronaut.security.enabled", true)
                .containsEntry("mcp.auth.static-token", "k")
                .containsEntry("openstack.auth-host", "10.0.0.5")
                .containsEntry("openstack.endpoint-ports.compute", 8774)
                .containsEntry("openstack.endpoint-ports.identity", 5000)
                .containsEntry("mcp.log-level", "WARN");
    }

    @Test
    void our_own_names_win_over_the_reference_aliases() {
        assertThat(EnvironmentMapping.map(Map.of("MCP_TRANSPORT", "stdio", "FASTMCP_TYPE", "streamable-http")))
                .containsEntry("mcp.transport", "stdio");
    }

    @Test
    void os_clouds_is_a_list_of_distinct_names() {
        assertThat(EnvironmentMapping.map(Map.of("OS_CLOUDS", " prod, staging ,,")))
                .containsEntry("openstack.clouds", "prod,staging");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("OS_CLOUDS", "prod,staging,prod")))
                .hasMessageContaining("OS_CLOUDS").hasMessageContaining("each clouds.yaml entry name once");
    }

    @Test
    void lists_and_defaults() {
        Map<String, Object> p = EnvironmentMapping.map(Map.of("MCP_TOOLSETS", "compute, network,,",
                "MCP_EXCLUDE_TOOLS", "server_delete"));

        assertThat(p).containsEntry("mcp.safety.toolsets", List.of("compute", "network"))
                .containsEntry("mcp.safety.exclude-tools", List.of("server_delete"))
                .containsEntry("micronaut.security.enabled", false)
                .doesNotContainKey("mcp.safety.allow-modify");
    }

    @Test
    void invalid_values_stop_the_start_naming_the_variable_without_echoing_secrets() {
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("MCP_PORT", "eighty")))
                .hasMessage("MCP_PORT=eighty: expected a port number (0-65535)");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("ALLOW_MODIFY_OPERATIONS", "maybe")))
                .hasMessageContaining("ALLOW_MODIFY_OPERATIONS=maybe").hasMessageContaining("true or false");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("FASTMCP_TYPE", "sse")))
                .hasMessageContaining("stdio or streamable-http");
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("OS_IDENTITY_API_VERSION", "2")))
                .hasMessageContaining("only Keystone v3");
    }

    @Test
    void the_command_line_overrides_the_environment() {
        LaunchOptions options = LaunchOptions.parse(new String[]{"--transport=http", "--port", "9000", "--list-tools"});

        assertThat(options.listTools()).isTrue();
        assertThat(options.overrides()).containsEntry("mcp.transport", "streamable-http")
                .containsEntry("micronaut.server.port", 9000);
        assertThatThrownBy(() -> LaunchOptions.parse(new String[]{"--frobnicate"})).hasMessageContaining("--help");
    }
}
