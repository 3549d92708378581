package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.catalog.ToolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A listener on a public VIP open to the world follows the security-group rule: sensitive ports need consent. */
class WorldOpenListenerTest {

    @Test
    void a_sensitive_port_open_to_the_world_is_refused_unless_the_operator_allowed_it() {
        assertThatThrownBy(() -> new ListenerExposure(false).refuseWorldOpen(3306, "listener 'db'"))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ToolException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("MySQL (3306)", "allowed_cidrs", "ALLOW_WORLD_OPEN_INGRESS");
                });
        assertThatCode(() -> new ListenerExposure(true).refuseWorldOpen(3306, "listener 'db'"))
                .doesNotThrowAnyException();
    }

    @Test
    void web_ports_are_what_a_public_load_balancer_is_for() {
        assertThatCode(() -> new ListenerExposure(false).refuseWorldOpen(443, "listener 'https'"))
                .doesNotThrowAnyException();
    }
}
