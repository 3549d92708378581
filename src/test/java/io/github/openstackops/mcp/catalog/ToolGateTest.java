package io.github.openstackops.mcp.catalog;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolGateTest {

    private static ToolCatalog catalog(boolean modify, boolean sensitive, List<String> toolsets, List<String> exclude) {
        SafetyPolicy policy = new SafetyPolicy(modify, sensitive, true, toolsets, exclude, Duration.ofMinutes(5), null,
                true);
        return new ToolCatalog(List.of(new TestTools()), new ToolGate(policy));
    }

    @Test
    void read_tools_are_always_offered_and_the_rest_only_when_opened() {
        assertThat(catalog(false, false, null, null).enabled()).extracting(ToolDefinition::name)
                .containsExactly("thing_get");
        assertThat(catalog(true, false, null, null).enabled()).extracting(ToolDefinition::name)
                .containsExactly("thing_delete", "thing_get", "thing_update");
        assertThat(catalog(true, true, null, null).enabled()).extracting(ToolDefinition::name)
                .containsExactly("secret_get", "thing_delete", "thing_get", "thing_update");
    }

    @Test
    void toolsets_and_exclusions_narrow_the_surface() {
        assertThat(catalog(true, true, List.of("storage", "network"), null).enabled())
                .extracting(ToolDefinition::name).containsExactly("thing_delete", "thing_update");
        assertThat(catalog(true, true, List.of("all"), List.of("thing_delete")).enabled())
                .extracting(ToolDefinition::name).containsExactly("secret_get", "thing_get", "thing_update");
    }

    @Test
    void an_unknown_toolset_stops_the_server_with_the_valid_names() {
        assertThatThrownBy(() -> catalog(false, false, List.of("compute", "storge"), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("storge").hasMessageContaining("storage");
    }

    @Test
    void a_caller_without_write_access_sees_only_reads() {
        ToolCatalog catalog = catalog(true, false, null, null);

        assertThat(catalog.visibleTo(new Caller("r", Caller.AuthMethod.JWT, false))).extracting(ToolDefinition::name)
                .containsExactly("thing_get");
        assertThat(catalog.visibleTo(Caller.STATIC_TOKEN)).hasSize(3);
    }
}
