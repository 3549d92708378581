package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.schema.ArgumentBinder;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.SchemaGenerator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentBinderTest {

    enum Kind { SOFT, HARD }

    record Args(
            @Param(value = "How many", defaultValue = "50", min = 1, max = 200) Integer limit,
            @Param(value = "The server", required = true, minLength = 1) String server,
            @Param(value = "Kind", defaultValue = "\"soft\"") Kind kind,
            @Param("Ids") List<String> ids) {
    }

    private final ArgumentBinder<Args> binder = new ArgumentBinder<>("thing_do", Args.class,
            SchemaGenerator.inputSchema(Args.class));

    @Test
    void absent_arguments_take_their_declared_defaults() {
        Args args = binder.bind(Map.of("server", "web-1"));

        assertThat(args).isEqualTo(new Args(50, "web-1", Kind.SOFT, null));
    }

    @Test
    void given_arguments_win_over_defaults_and_enums_bind_from_their_json_values() {
        assertThat(binder.bind(Map.of("server", "x", "limit", 7, "kind", "hard", "ids", List.of("a"))))
                .isEqualTo(new Args(7, "x", Kind.HARD, List.of("a")));
    }

    @Test
    void each_violation_is_named_with_what_to_fix() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("limit", 500);
        bad.put("kind", "medium");
        bad.put("extra", true);

        assertThatThrownBy(() -> binder.bind(bad))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Invalid arguments for thing_do: ")
                .hasMessageContaining("missing required argument 'server'")
                .hasMessageContaining("unknown argument 'extra'")
                .hasMessageContaining("limit")
                .hasMessageContaining("200")
                .hasMessageContaining("kind")
                .hasMessageEndingWith("Fix the arguments and call again.")
                .extracting(e -> ((ToolException) e).kind()).isEqualTo(ToolException.Kind.INVALID_ARGUMENTS);
    }

    @Test
    void wrong_types_are_rejected_not_coerced() {
        assertThatThrownBy(() -> binder.bind(Map.of("server", "x", "limit", "ten")))
                .isInstanceOf(ToolException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> binder.bind(Map.of("server", 42)))
                .isInstanceOf(ToolException.class).hasMessageContaining("server");
    }

    @Test
    void no_arguments_at_all_is_the_same_as_an_empty_object() {
        assertThatThrownBy(() -> binder.bind(null)).hasMessageContaining("missing required argument 'server'");
    }
}
