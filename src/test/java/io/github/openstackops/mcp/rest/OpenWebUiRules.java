package io.github.openstackops.mcp.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Open WebUI turns an OpenAPI tool server's document into tools (its {@code convert_openapi_to_tool_payload} and
 * {@code resolve_schema} in backend/open_webui/utils/tools.py), restated in Java so a test can apply the same rules
 * to our document: only operations with an operationId become tools, named by it; the description is the operation's
 * description (else its summary); parameters come from path/query parameters and from the properties of the JSON
 * request body schema, whose {@code $ref}s into {@code #/components/...} are resolved, recursively through
 * {@code properties} and {@code items} only. A call then goes to the connection URL + the operation's path.
 */
public final class OpenWebUiRules {

    public record Tool(String name, String description, String method, String path, Map<String, Object> properties,
                Set<String> required) {
    }

    private OpenWebUiRules() {
    }

    @SuppressWarnings("unchecked")
    public static List<Tool> tools(Map<String, Object> spec) {
        List<Tool> tools = new ArrayList<>();
        Map<String, Object> components = (Map<String, Object>) spec.getOrDefault("components", Map.of());
        Map<String, Object> paths = (Map<String, Object>) spec.getOrDefault("paths", Map.of());
        paths.forEach((path, methods) -> ((Map<String, Object>) methods).forEach((method, op) -> {
            Map<String, Object> operation = (Map<String, Object>) op;
            Object operationId = operation.get("operationId");
            if (operationId == null || operationId.toString().isEmpty()) {
                return; // skipped: not a tool
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> param = (Map<String, Object>) p;
                properties.put((String) param.get("name"), param.getOrDefault("schema", Map.of()));
                if (Boolean.TRUE.equals(param.get("required"))) {
                    required.add((String) param.get("name"));
                }
            }
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null) {
                Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
                Map<String, Object> json = (Map<String, Object>) content.getOrDefault("application/json", Map.of());
                Object schema = json.get("schema");
                if (schema != null) {
                    Map<String, Object> resolved = resolve((Map<String, Object>) schema, components);
                    if (resolved.get("properties") instanceof Map<?, ?> props && !props.isEmpty()) {
                        properties.putAll((Map<String, Object>) props);
                        required.addAll((List<String>) resolved.getOrDefault("required", List.of()));
                    }
                }
            }
            String description = (String) operation.getOrDefault("description",
                    operation.getOrDefault("summary", "No description available."));
            tools.add(new Tool(operationId.toString(), description, method, path, properties, required));
        }));
        return tools;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> components) {
        if (schema == null) {
            return Map.of();
        }
        if (schema.containsKey("$ref")) {
            String[] parts = schema.get("$ref").toString().replaceAll("^[#/]+", "").split("/");
            Object resolved = components;
            for (int i = 1; i < parts.length; i++) { // parts[0] is "components"
                resolved = resolved instanceof Map<?, ?> m ? m.get(parts[i]) : null;
            }
            return resolve(resolved instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), components);
        }
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        if (copy.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> resolvedProperties = new LinkedHashMap<>();
            ((Map<String, Object>) properties).forEach((name, p) ->
                    resolvedProperties.put(name, resolve((Map<String, Object>) p, components)));
            copy.put("properties", resolvedProperties);
        }
        if (copy.get("items") instanceof Map<?, ?> items) {
            copy.put("items", resolve((Map<String, Object>) items, components));
        }
        return copy;
    }
}
