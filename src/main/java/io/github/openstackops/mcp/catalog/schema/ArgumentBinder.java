package io.github.openstackops.mcp.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.github.openstackops.mcp.catalog.ToolException;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the JSON arguments of a call into the tool's argument record: validates them against the tool's input schema
 * (the same on every surface), fills in declared defaults, then binds. A failure is a {@link ToolException} saying
 * which argument to fix and how.
 */
public final class ArgumentBinder<A extends Record> {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    private final String toolName;
    private final Class<A> type;
    private final Schema schema;
    private final Map<String, JsonNode> defaults;

    public ArgumentBinder(String toolName, Class<A> type, Map<String, Object> inputSchema) {
        this.toolName = toolName;
        this.type = type;
        this.schema = REGISTRY.getSchema(ToolJson.mapper().valueToTree(inputSchema));
        this.defaults = java.util.Arrays.stream(type.getRecordComponents())
                .filter(c -> ArgumentSpec.of(c) != null && !ArgumentSpec.of(c).defaultValue().isEmpty())
                .collect(Collectors.toUnmodifiableMap(c -> ToolJson.jsonName(c), ArgumentBinder::defaultOf));
    }

    private static JsonNode defaultOf(RecordComponent component) {
        return ToolJson.mapper().valueToTree(ToolJson.readValue(ArgumentSpec.of(component).defaultValue()));
    }

    public A bind(Map<String, Object> arguments) {
        ObjectNode node = arguments == null ? ToolJson.mapper().createObjectNode()
                : ToolJson.mapper().valueToTree(arguments);
        List<Error> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw ToolException.invalid("Invalid arguments for " + toolName + ": "
                    + errors.stream().map(ArgumentBinder::describe).distinct().collect(Collectors.joining("; "))
                    + ". Fix the arguments and call again.");
        }
        defaults.forEach((name, value) -> {
            if (!node.hasNonNull(name)) {
                node.set(name, value.deepCopy());
            }
        });
        try {
            return ToolJson.mapper().treeToValue(node, type);
        } catch (Exception e) {
            throw ToolException.invalid("Invalid arguments for " + toolName + ": the values do not fit their declared types.");
        }
    }

    private static String describe(Error error) {
        String where = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        // networknt prefixes messages with the instance location ("$.limit: ..."); make it read as an argument name
        if (message.startsWith(where + ": ")) {
            message = message.substring(where.length() + 2);
        }
        // the location is a JSON pointer ("/limit", "/ids/0") or a JSON path ("$.limit")
        String argument = where.startsWith("$.") ? where.substring(2)
                : where.startsWith("/") ? where.substring(1).replace('/', '.')
                : where.equals("$") ? "" : where;
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            return "unknown argument '" + error.getProperty() + "'";
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return "missing required argument '" + error.getProperty() + "'";
        }
        return argument.isEmpty() ? message : argument + " " + message;
    }
}
