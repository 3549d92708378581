package io.github.openstackops.mcp.support;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made MCP 2026-07-28 requests over HTTP: the {@code _meta} envelope in the body and the standard headers that
 * mirror it, each of which a test may change to see the server refuse the disagreement.
 */
public final class StatelessMcp {

    public static final String VERSION = "2026-07-28";

    private StatelessMcp() {
    }

    /** The envelope a client sends with every request; {@code capabilities} as declared. */
    public static Map<String, Object> meta(Map<String, Object> capabilities) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("io.modelcontextprotocol/protocolVersion", VERSION);
        meta.put("io.modelcontextprotocol/clientInfo", Map.of("name", "stateless-test", "version", "1"));
        meta.put("io.modelcontextprotocol/clientCapabilities", capabilities);
        return meta;
    }

    /** A request body with this id, method and params (the envelope added unless params has a _meta). */
    public static String body(Object id, String method, Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.putIfAbsent("_meta", meta(Map.of()));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.put("params", p);
        return HttpSurfaces.write(message);
    }

    /** The headers a well-behaved client sends with this request. */
    public static Map<String, String> headers(String method, Map<String, Object> params) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", VERSION);
        headers.put("Mcp-Method", method);
        Object name = method.equals("resources/read") ? params.get("uri") : params.get("name");
        if (name instanceof String n && (method.equals("tools/call") || method.equals("prompts/get")
                || method.equals("resources/read"))) {
            headers.put("Mcp-Name", n);
        }
        return headers;
    }

    /** POSTs a request with the right headers. */
    public static HttpSurfaces.Response post(String base, String bearer, Object id, String method,
                                             Map<String, Object> params) {
        return post(base, bearer, body(id, method, params), headers(method, params));
    }

    /** POSTs a body with exactly these MCP headers. */
    public static HttpSurfaces.Response post(String base, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpSurfaces.request(base.replaceAll("/+$", "") + "/mcp", bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpSurfaces.send(request);
    }

    /** The JSON-RPC messages of a response: one plain JSON body, or the data of each SSE event. */
    public static List<Map<String, Object>> messages(HttpSurfaces.Response response) {
        List<Map<String, Object>> messages = new ArrayList<>();
        String type = String.valueOf(response.header("Content-Type"));
        if (!type.startsWith("text/event-stream")) {
            messages.add(response.json());
            return messages;
        }
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data:")) {
                messages.add(HttpSurfaces.read(line.substring(5).strip(), new TypeReference<>() { }));
            }
        }
        return messages;
    }

    /** The last message of a response: the answer. */
    public static Map<String, Object> answer(HttpSurfaces.Response response) {
        List<Map<String, Object>> messages = messages(response);
        return messages.getLast();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> result(HttpSurfaces.Response response) {
        Map<String, Object> answer = answer(response);
        if (!(answer.get("result") instanceof Map<?, ?> result)) {
            throw new AssertionError("no result in " + response.status() + " " + response.body());
        }
        return (Map<String, Object>) result;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> error(HttpSurfaces.Response response) {
        Map<String, Object> answer = answer(response);
        if (!(answer.get("error") instanceof Map<?, ?> error)) {
            throw new AssertionError("no error in " + response.status() + " " + response.body());
        }
        return (Map<String, Object>) error;
    }
}
