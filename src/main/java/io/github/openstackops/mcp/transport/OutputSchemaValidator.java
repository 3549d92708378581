package io.github.openstackops.mcp.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The SDK's check of every tool result against the tool's output schema, made cheap: each tool's schema is compiled
 * once and found again by identity (the SDK hands over the same map on every call), where the SDK's default validator
 * re-serialises the whole schema to look up its cache and re-serialises every valid result, work the answer never
 * uses (our results always carry their text content).
 */
final class OutputSchemaValidator implements JsonSchemaValidator {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    /** A schema map, compared by identity. */
    private record Key(Map<String, Object> schema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }

    private final Map<Key, Schema> compiled = new ConcurrentHashMap<>();

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        if (schema == null || structuredContent == null) {
            return ValidationResponse.asInvalid("no schema or no structured content to check");
        }
        Schema s = compiled.computeIfAbsent(new Key(schema), k -> REGISTRY.getSchema(ToolJson.mapper().valueToTree(k.schema())));
        JsonNode result = ToolJson.mapper().valueToTree(structuredContent);
        List<Error> errors = s.validate(result);
        return errors.isEmpty() ? ValidationResponse.asValid(null)
                : ValidationResponse.asInvalid("the result does not match the output schema: "
                + errors.stream().map(OutputSchemaValidator::describe).collect(Collectors.joining("; ")));
    }

    private static String describe(Error error) {
        return (error.getInstanceLocation() == null ? "" : error.getInstanceLocation() + ": ") + error.getMessage();
    }
}
