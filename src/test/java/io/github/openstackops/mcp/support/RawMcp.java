package io.github.openstackops.mcp.support;

import java.net.http.HttpRequest;

/**
 * Hand-made MCP over streamable HTTP, for what a well-behaved client never sends (malformed, hostile or unusual
 * messages): a raw POST to /mcp with the headers the transport requires, and a session opened the same way.
 */
public final class RawMcp {

    public static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    private RawMcp() {
    }

    /** POSTs one message to /mcp, within this session when it is not null. */
    public static HttpSurfaces.Response post(String base, String bearer, String session, String body) {
        HttpRequest.Builder request = HttpSurfaces.request(base.replaceAll("/+$", "") + "/mcp", bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HttpSurfaces.send(request);
    }

    /** Opens a session (initialize, then the initialized notification); its id. */
    public static String initialize(String base, String bearer) {
        HttpSurfaces.Response init = post(base, bearer, null, INITIALIZE);
        if (init.status() != 200) {
            throw new IllegalStateException("initialize answered " + init.status() + ": " + init.body());
        }
        String session = init.header("Mcp-Session-Id");
        post(base, bearer, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    /** A tools/call request with this id and these params (raw JSON). */
    public static String toolsCall(int id, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":" + paramsJson + "}";
    }

    /** JSON nested this deep: [[[...]]]. */
    public static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
