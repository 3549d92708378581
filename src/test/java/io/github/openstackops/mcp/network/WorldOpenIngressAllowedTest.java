package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.launch.EnvironmentMapping;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.github.openstackops.mcp.network.NeutronFake.WEB_1_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ALLOW_WORLD_OPEN_INGRESS=true: the operator's explicit consent lets world-open rules through, and port
 * security be turned off. */
class WorldOpenIngressAllowedTest extends NeutronToolsTestBase {

    @Override
    protected Map<String, Object> extraProperties() {
        return EnvironmentMapping.map(Map.of("ALLOW_WORLD_OPEN_INGRESS", "true"));
    }

    @Test
    void the_environment_variable_sets_the_guard_rail_property() {
        assertThat(EnvironmentMapping.map(Map.of("ALLOW_WORLD_OPEN_INGRESS", "true")))
                .containsEntry("mcp.network.allow-world-open-ingress", true);
        assertThatThrownBy(() -> EnvironmentMapping.map(Map.of("ALLOW_WORLD_OPEN_INGRESS", "maybe")))
                .hasMessageContaining("ALLOW_WORLD_OPEN_INGRESS");
        assertThat(tools.context().getBean(NetworkGuardrails.class).allowWorldOpenIngress()).isTrue();
    }

    @Test
    void by_default_the_guard_rail_is_on() {
        try (ApplicationContext plain = TestContexts.plain(Map.of())) {
            assertThat(plain.getBean(NetworkGuardrails.class).allowWorldOpenIngress()).isFalse();
        }
    }

    @Test
    void with_consent_ssh_from_anywhere_reaches_neutron() {
        answer("POST", N + "/security-group-rules", 201, "security-group-rule-create.json");

        tools.ok("security_group_rule_create", Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 22,
                "remote_ip_prefix", "0.0.0.0/0"));

        assertThat(NeutronFake.body(last("POST", N + "/security-group-rules")).path("security_group_rule")
                .path("remote_ip_prefix").asText()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void turning_port_security_off_also_takes_the_groups_off() {
        answer("PUT", N + "/ports/" + WEB_1_PORT, 200, "port-web-1.json");

        tools.ok("port_update", Map.of("port", WEB_1_PORT, "port_security_enabled", false));

        JsonNode body = NeutronFake.body(last("PUT", N + "/ports/.*")).path("port");
        assertThat(body.path("port_security_enabled").asBoolean(true)).isFalse();
        assertThat(body.path("security_groups").isArray()).isTrue();
        assertThat(body.path("security_groups")).isEmpty();
        assertThat(tools.error("port_update", Map.of("port", WEB_1_PORT))).contains("Nothing to change");
    }
}
