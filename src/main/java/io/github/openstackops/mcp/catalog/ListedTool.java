package io.github.openstackops.mcp.catalog;

import io.micronaut.core.annotation.Nullable;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.Map;

/**
 * One tool as the surfaces list it: an operation (mode all) or a group of operations of one toolset and one safety
 * class (mode grouped). Annotations derive from the one safety class either way.
 *
 * @param outputSchema null when the listing carries none (groups, or MCP_OUTPUT_SCHEMAS=false)
 * @param operations   the operations it runs: exactly one in mode all
 * @param group        true for a grouped tool
 */
public record ListedTool(String name, String title, String description, Toolset toolset, SafetyClass safety,
                         Map<String, Object> inputSchema, @Nullable Map<String, Object> outputSchema,
                         List<ToolDefinition<?, ?>> operations, boolean group) {

    /** An operation with its full output schema (what {@code describe} returns, and the schema snapshots). */
    public static ListedTool of(ToolDefinition<?, ?> tool) {
        return new ListedTool(tool.name(), tool.title(), tool.description(), tool.toolset(), tool.safety(),
                tool.inputSchema(), tool.outputSchema(), List.of(tool), false);
    }

    /**
     * An operation as mode all lists it: its output schema without descriptions (the structure and types a client
     * validates against and a model reads; the field names speak for themselves), or none.
     */
    static ListedTool of(ToolDefinition<?, ?> tool, boolean outputSchema) {
        return new ListedTool(tool.name(), tool.title(), tool.description(), tool.toolset(), tool.safety(),
                tool.inputSchema(), outputSchema ? withoutDescriptions(tool.outputSchema()) : null, List.of(tool),
                false);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutDescriptions(Map<String, Object> schema) {
        Map<String, Object> lean = new java.util.LinkedHashMap<>();
        schema.forEach((key, value) -> {
            if (key.equals("description")) {
                return;
            }
            if (key.equals("properties") && value instanceof Map<?, ?> properties) {
                Map<String, Object> leanProperties = new java.util.LinkedHashMap<>();
                ((Map<String, Object>) properties).forEach((name, p) -> leanProperties.put(name,
                        p instanceof Map<?, ?> m ? withoutDescriptions((Map<String, Object>) m) : p));
                lean.put(key, leanProperties);
            } else if (value instanceof Map<?, ?> nested) {
                lean.put(key, withoutDescriptions((Map<String, Object>) nested));
            } else {
                lean.put(key, value);
            }
        });
        return lean;
    }

    /** The MCP descriptor ({@code tools/list} entry). */
    public McpSchema.Tool mcpTool() {
        McpSchema.Tool.Builder builder = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(inputSchema)
                .annotations(safety.annotations(null));
        if (outputSchema != null) {
            builder.outputSchema(outputSchema);
        }
        return builder.build();
    }
}
