package io.github.openstackops.mcp.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.SchemaGenerator;
import io.github.openstackops.mcp.catalog.schema.Verbatim;
import io.micronaut.core.annotation.Nullable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaGeneratorTest {

    enum Kind { SOFT, HARD }

    @Verbatim
    enum Status { ACTIVE, SHUTOFF }

    record Args(
            @Param(value = "How many", defaultValue = "50", min = 1, max = 200) Integer limit,
            @Param(value = "The server", required = true, maxLength = 255) String server,
            @Param(value = "Kind", defaultValue = "\"soft\"") Kind kind,
            @Param("Status") Status status,
            @JsonProperty("wait") @Param("Wait") Boolean waitUntilDone,
            @Param(value = "Tags", maxItems = 5, pattern = "^[a-z]+$") List<String> tags,
            @Param("Metadata") Map<String, String> metadata) {
    }

    record Inner(@Doc("Id") String id) {
    }

    @Doc("A generic inner thing")
    record Described(@Doc("Id") String id) {
    }

    record Result(@Doc("Items") List<Inner> items, @Doc("Count") int count, @Doc("The owner") Described owner,
                  @Nullable @Doc("Next page marker") String nextMarker, @Doc("Free form") Map<String, Object> extra) {
    }

    @Test
    void input_schemas_are_closed_objects_with_snake_case_names_constraints_and_defaults() {
        Map<String, Object> schema = SchemaGenerator.inputSchema(Args.class);

        assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false)
                .containsEntry("required", List.of("server"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties).containsOnlyKeys("limit", "server", "kind", "status", "wait", "tags", "metadata");
        assertThat(properties.get("limit")).containsEntry("type", "integer").containsEntry("minimum", 1L)
                .containsEntry("maximum", 200L).containsEntry("default", 50).containsEntry("description", "How many");
        assertThat(properties.get("server")).containsEntry("maxLength", 255);
        assertThat(properties.get("kind")).containsEntry("enum", List.of("soft", "hard")).containsEntry("default", "soft");
        assertThat(properties.get("status")).containsEntry("enum", List.of("ACTIVE", "SHUTOFF"));
        assertThat(properties.get("wait")).containsEntry("type", "boolean");
        assertThat(properties.get("tags")).containsEntry("type", "array").containsEntry("maxItems", 5)
                .containsEntry("items", Map.of("type", "string", "pattern", "^[a-z]+$"));
        assertThat(properties.get("metadata")).containsEntry("additionalProperties", Map.of("type", "string"));
    }

    @Test
    void output_schemas_require_every_field_that_is_not_nullable() {
        Map<String, Object> schema = SchemaGenerator.outputSchema(Result.class);

        assertThat(schema).containsEntry("required", List.of("items", "count", "owner", "extra"))
                .doesNotContainKey("additionalProperties");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties.get("items")).containsEntry("type", "array");
        assertThat(properties.get("next_marker")).containsEntry("type", "string");
        assertThat(properties.get("extra")).isEqualTo(Map.of("description", "Free form", "type", "object"));
        assertThat(properties.get("owner")).containsEntry("description", "The owner");
    }

    record Undocumented(Integer limit) {
    }

    record Primitive(@Param("n") int n) {
    }

    @Test
    void an_argument_without_a_description_or_with_a_primitive_type_is_a_bug_caught_at_build_time() {
        assertThatThrownBy(() -> SchemaGenerator.inputSchema(Undocumented.class)).hasMessageContaining("@Param");
        assertThatThrownBy(() -> SchemaGenerator.inputSchema(Primitive.class)).hasMessageContaining("boxed");
    }
}
