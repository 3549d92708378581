package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.ServerInfo;
import io.github.openstackops.mcp.catalog.ListedTool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of a caller's effective catalog, shaped like the one mcpo generates for an MCP server, so
 * OpenAPI tool clients (Open WebUI, agent frameworks) see the same tools the MCP endpoint offers that caller: one
 * {@code POST /<tool>} per tool, whose request body is the tool's input schema and whose 200 response is its output
 * schema. Paths are relative to the tool server's base ({@code servers[0].url}), as Open WebUI and mcpo expect. Schemas
 * sit in {@code components/schemas} under mcpo's names ({@code <tool>_form_model}, {@code <tool>_response_model}) and
 * are referenced with {@code #/components/schemas/...} only, the one kind of reference Open WebUI resolves.
 */
public final class OpenApiDocument {

    static final String BEARER = "HTTPBearer";

    private OpenApiDocument() {
    }

    public static Map<String, Object> build(List<ListedTool> tools, OpenApiSettings settings,
                                            boolean authRequired) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of(
                "title", ServerInfo.NAME,
                "version", ServerInfo.VERSION,
                "description", ServerInfo.INSTRUCTIONS + "\n\nEach tool is one POST operation: the JSON request body"
                        + " holds its arguments, the 200 response its result. Errors: 404 unknown or unavailable tool,"
                        + " 422 invalid arguments, 429 too many calls, 500 the tool failed."));
        doc.put("servers", List.of(Map.of("url", settings.basePath().isEmpty() ? "/" : settings.basePath())));

        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (ListedTool tool : tools) {
            paths.put("/" + tool.name(), Map.of("post", operation(tool, settings, authRequired, schemas)));
        }
        schemas.put("ErrorDetail", errorDetail());
        schemas.put("ValidationError", validationError());
        doc.put("paths", paths);

        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("responses", responses());
        if (authRequired) {
            components.put("securitySchemes", Map.of(BEARER, Map.of("type", "http", "scheme", "bearer",
                    "description", "The server's bearer secret (REMOTE_SECRET_KEY) or a JWT from the configured"
                            + " identity provider")));
            doc.put("security", List.of(Map.of(BEARER, List.of())));
        }
        doc.put("components", components);
        doc.put("tags", tools.stream().map(ListedTool::toolset).distinct().sorted()
                .map(t -> Map.of("name", t.id(), "description", t.description())).toList());
        return doc;
    }

    private static Map<String, Object> operation(ListedTool tool, OpenApiSettings settings,
                                                 boolean authRequired, Map<String, Object> schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", settings.operationId(tool.name()));
        op.put("summary", tool.title());
        op.put("description", tool.description());
        op.put("tags", List.of(tool.toolset().id()));
        Map<String, Object> input = tool.inputSchema();
        if (input.get("properties") instanceof Map<?, ?> properties && !properties.isEmpty()) {
            String form = tool.name() + "_form_model";
            Map<String, Object> schema = new LinkedHashMap<>(input);
            schema.put("title", form);
            schemas.put(form, schema);
            boolean anyRequired = input.get("required") instanceof List<?> required && !required.isEmpty();
            op.put("requestBody", Map.of("required", anyRequired,
                    "content", Map.of("application/json", Map.of("schema", ref(form)))));
        }
        String response = tool.name() + "_response_model";
        Map<String, Object> output = new LinkedHashMap<>(tool.outputSchema() != null ? tool.outputSchema()
                : Map.of("type", "object", "description", tool.group() ? "The operation's result" : "The result"));
        output.put("title", response);
        schemas.put(response, output);

        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "The tool's result",
                "content", Map.of("application/json", Map.of("schema", ref(response)))));
        if (authRequired) {
            responses.put("401", Map.of("$ref", "#/components/responses/Unauthorized"));
        }
        responses.put("404", Map.of("$ref", "#/components/responses/NotFound"));
        responses.put("422", Map.of("$ref", "#/components/responses/ValidationError"));
        responses.put("429", Map.of("$ref", "#/components/responses/TooManyCalls"));
        responses.put("500", Map.of("$ref", "#/components/responses/ToolError"));
        op.put("responses", responses);
        op.put("x-openstack-safety", tool.safety().name());
        return op;
    }

    private static Map<String, Object> ref(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, Object> errorDetail() {
        return Map.of("type", "object", "title", "ErrorDetail",
                "properties", Map.of("detail", Map.of("type", "object",
                        "properties", Map.of("message", Map.of("type", "string",
                                "description", "What went wrong and what to do about it")),
                        "required", List.of("message"))),
                "required", List.of("detail"));
    }

    private static Map<String, Object> validationError() {
        return Map.of("type", "object", "title", "HTTPValidationError",
                "properties", Map.of("detail", Map.of("type", "array", "items", Map.of("type", "object",
                        "properties", Map.of(
                                "loc", Map.of("type", "array", "items", Map.of("type", "string")),
                                "msg", Map.of("type", "string"),
                                "type", Map.of("type", "string")),
                        "required", List.of("loc", "msg", "type")))),
                "required", List.of("detail"));
    }

    private static Map<String, Object> responses() {
        Map<String, Object> error = Map.of("application/json", Map.of("schema", ref("ErrorDetail")));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("Unauthorized", Map.of("description", "No valid bearer token", "content", error));
        responses.put("NotFound", Map.of("description", "No such tool, or not available to this caller"
                + " (read-only server, missing write scope)", "content", error));
        responses.put("ValidationError", Map.of("description", "The arguments are invalid; the message says how",
                "content", Map.of("application/json", Map.of("schema", ref("ValidationError")))));
        responses.put("TooManyCalls", Map.of("description", "Too many calls; retry after Retry-After seconds",
                "headers", Map.of("Retry-After", Map.of("schema", Map.of("type", "integer"),
                        "description", "Seconds to wait")),
                "content", error));
        responses.put("ToolError", Map.of("description", "The tool failed (cloud error, not found, conflict); the"
                + " message says why", "content", error));
        return responses;
    }
}
