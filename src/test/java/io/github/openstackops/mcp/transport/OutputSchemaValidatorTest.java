package io.github.openstackops.mcp.transport;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Results are still checked against the tool's output schema by the cheaper validator the MCP server uses. */
class OutputSchemaValidatorTest {

    private final Map<String, Object> schema = Map.of("type", "object", "required", List.of("count"),
            "properties", Map.of("count", Map.of("type", "integer", "minimum", 0)));
    private final OutputSchemaValidator validator = new OutputSchemaValidator();

    @Test
    void a_result_matching_its_schema_passes_every_time() {
        for (int i = 0; i < 3; i++) {
            assertThat(validator.validate(schema, Map.of("count", i)).valid()).isTrue();
        }
    }

    @Test
    void a_result_that_does_not_match_is_refused_with_the_reason() {
        ValidationResponse wrongType = validator.validate(schema, Map.of("count", "three"));
        ValidationResponse missing = validator.validate(schema, Map.of());

        assertThat(wrongType.valid()).isFalse();
        assertThat(wrongType.errorMessage()).contains("count");
        assertThat(missing.valid()).isFalse();
        assertThat(missing.errorMessage()).contains("count");
    }
}
