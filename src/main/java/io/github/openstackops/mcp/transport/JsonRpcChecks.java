package io.github.openstackops.mcp.transport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every MCP transport (stdio and streamable HTTP) checks before the SDK sees a message, and how it answers what
 * it cannot serve: a line that is not JSON (nested too deep, say) is a parse error; a request whose params have the
 * wrong shape for its method is invalid params, answered with the request's id. The SDK would otherwise fail to
 * convert such params and either answer nothing or answer with the converter's message, which names Java classes;
 * {@link #clean} is the backstop that keeps such messages off the wire whatever produced them.
 */
public final class JsonRpcChecks {

    /** Java internals in a message: a package-qualified or nested class name, an exception, a conversion failure. */
    private static final Pattern JAVA = Pattern.compile("(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]|\\b[A-Z][A-Za-z0-9_]*\\$[A-Z]"
            + "|[A-Za-z]Exception\\b|Cannot (?:invoke|deserialize|construct)|\\bat [a-z]+\\.[a-z]");
    private static final JsonFactory IDS = new JsonFactory();
    private static final Set<String> LEVELS = Set.of("debug", "info", "notice", "warning", "error", "critical",
            "alert", "emergency");

    private JsonRpcChecks() {
    }

    /**
     * The answer to a text that is not a JSON-RPC message: parse error (not JSON) or invalid request, as a plain map
     * (the SDK's response record refuses a null id). Its id is the request's when it can be read before the text
     * breaks (clients write it before the params), else null.
     */
    public static Map<String, Object> unparsable(McpJsonMapper json, String text) {
        Object id = readableId(text);
        try {
            json.readValue(text, Object.class);
        } catch (IOException | RuntimeException e) {
            return error(id, ErrorCodes.PARSE_ERROR, "Parse error: the message is not valid JSON (or is nested too"
                    + " deeply).");
        }
        return error(id, ErrorCodes.INVALID_REQUEST,
                "Invalid request: send one JSON-RPC 2.0 object with jsonrpc, method and (for requests) id.");
    }

    /** A JSON-RPC error answer as a plain map; the id may be null (the request's id could not be read). */
    public static Map<String, Object> error(@Nullable Object id, int code, String message) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.put("id", id);
        body.put("error", Map.of("code", code, "message", message));
        return body;
    }

    /** The top-level "id" (a number or a string) of a message, read as far as the text is readable; else null. */
    @Nullable
    public static Object readableId(String text) {
        try (JsonParser parser = IDS.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.END_OBJECT) {
                if (token == JsonToken.FIELD_NAME && "id".equals(parser.currentName())) {
                    JsonToken value = parser.nextToken();
                    return value == JsonToken.VALUE_NUMBER_INT ? parser.getNumberValue()
                            : value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the text breaks before an id: none
        }
        return null;
    }

    /** An invalid-params error for a request whose params do not fit its method, or empty when they do. */
    public static Optional<JSONRPCError> invalidParams(McpSchema.JSONRPCRequest request) {
        return Optional.ofNullable(problem(request.method(), request.params())).map(p -> new JSONRPCError(
                ErrorCodes.INVALID_PARAMS, "Invalid params for " + request.method() + ": " + p));
    }

    @Nullable
    private static String problem(String method, @Nullable Object params) {
        if (params != null && !(params instanceof Map<?, ?>)) {
            return "params must be a JSON object.";
        }
        Map<?, ?> p = params == null ? Map.of() : (Map<?, ?>) params;
        if (p.get("_meta") != null && !(p.get("_meta") instanceof Map<?, ?>)) {
            return "_meta must be an object.";
        }
        return switch (method) {
            case McpSchema.METHOD_INITIALIZE -> params == null ? "params are required (protocolVersion, capabilities,"
                    + " clientInfo)." : !(p.get("protocolVersion") instanceof String)
                    ? "protocolVersion must be a string, e.g. \"2025-06-18\"."
                    : p.get("capabilities") != null && !(p.get("capabilities") instanceof Map<?, ?>)
                    ? "capabilities must be an object."
                    : !(p.get("clientInfo") instanceof Map<?, ?> info) || !(info.get("name") instanceof String)
                    ? "clientInfo must be an object with a name." : null;
            case McpSchema.METHOD_TOOLS_CALL -> !(p.get("name") instanceof String name) || name.isBlank()
                    ? "name must be the tool's name as a string."
                    : p.get("arguments") != null && !(p.get("arguments") instanceof Map<?, ?>)
                    ? "arguments must be a JSON object of the tool's arguments." : null;
            case McpSchema.METHOD_TOOLS_LIST -> p.get("cursor") != null && !(p.get("cursor") instanceof String)
                    ? "cursor must be a string." : null;
            case McpSchema.METHOD_LOGGING_SET_LEVEL -> !(p.get("level") instanceof String level) || !LEVELS.contains(level)
                    ? "level must be one of " + LEVELS + "." : null;
            default -> null;
        };
    }

    /** The error with a message fit for a client: one naming Java internals becomes the plain meaning of its code. */
    public static JSONRPCError clean(JSONRPCError error) {
        if (error == null || error.message() == null || !JAVA.matcher(error.message()).find()) {
            return error;
        }
        int code = error.code() == null ? ErrorCodes.INTERNAL_ERROR : error.code();
        String message = switch (code) {
            case ErrorCodes.PARSE_ERROR -> "Parse error: the message is not valid JSON.";
            case ErrorCodes.INVALID_REQUEST -> "Invalid request.";
            case ErrorCodes.METHOD_NOT_FOUND -> "Method not found.";
            case ErrorCodes.INVALID_PARAMS -> "Invalid params: they do not have the shape this method takes.";
            default -> "Internal error; the server log has the details.";
        };
        return new JSONRPCError(code, message, null);
    }

    /** A message as it may leave the server: errors {@linkplain #clean cleaned}, everything else untouched. */
    public static McpSchema.JSONRPCMessage clean(McpSchema.JSONRPCMessage message) {
        if (message instanceof JSONRPCResponse response && response.error() != null) {
            JSONRPCError cleaned = clean(response.error());
            return cleaned == response.error() ? response : JSONRPCResponse.error(response.id(), cleaned);
        }
        return message;
    }
}
