package io.github.openstackops.mcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated HTTP client of the server per surface, calling {@code server_list} the way such a client does: REST
 * ({@code POST /tool/server_list/call}), OpenAPI ({@code POST /openapi/server_list}) or MCP (its own session:
 * initialize, then JSON-RPC {@code tools/call} posts). A call that does not succeed throws.
 */
abstract class HttpClients {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String ARGUMENTS = "{\"limit\":3}";

    final String base;
    final String bearer;

    HttpClients(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    abstract void call() throws IOException, InterruptedException;

    /** The MCP session of this client (null on REST and OpenAPI). */
    String sessionId() {
        return null;
    }

    /** Ends the client's MCP session (DELETE /mcp), as a client that is done does; nothing on REST and OpenAPI. */
    void end() throws IOException, InterruptedException {
        if (sessionId() == null) {
            return;
        }
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Authorization", "Bearer " + bearer).header("Mcp-Session-Id", sessionId())
                .header("MCP-Protocol-Version", "2025-06-18").DELETE().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IOException("DELETE /mcp answered " + r.statusCode());
        }
    }

    static HttpClients of(String surface, String base, String bearer) throws IOException, InterruptedException {
        return switch (surface) {
            case "REST" -> new Plain(base + "/tool/server_list/call", base, bearer);
            case "OpenAPI" -> new Plain(base + "/openapi/server_list", base, bearer);
            case "MCP" -> new Mcp(base, bearer);
            default -> throw new IllegalArgumentException(surface);
        };
    }

    HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && r.statusCode() != 202) {
            throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static final class Plain extends HttpClients {
        private final String url;

        Plain(String url, String base, String bearer) {
            super(base, bearer);
            this.url = url;
        }

        @Override
        void call() throws IOException, InterruptedException {
            String body = send(post(url, ARGUMENTS)).body();
            if (!body.contains("\"servers\"")) {
                throw new IOException("unexpected answer: " + body);
            }
        }
    }

    private static final class Mcp extends HttpClients {
        private static final AtomicLong IDS = new AtomicLong();
        private final String session;

        Mcp(String base, String bearer) throws IOException, InterruptedException {
            super(base, bearer);
            HttpResponse<String> init = send(mcp(null, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\","
                    + "\"version\":\"1\"}}}"));
            session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            send(mcp(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        }

        private HttpRequest.Builder mcp(String sessionId, String body) {
            HttpRequest.Builder b = post(base + "/mcp", body).header("Accept", "application/json, text/event-stream")
                    .header("MCP-Protocol-Version", "2025-06-18");
            return sessionId == null ? b : b.header("Mcp-Session-Id", sessionId);
        }

        @Override
        String sessionId() {
            return session;
        }

        @Override
        void call() throws IOException, InterruptedException {
            String body = send(mcp(session, "{\"jsonrpc\":\"2.0\",\"id\":" + IDS.incrementAndGet() + ",\"method\":"
                    + "\"tools/call\",\"params\":{\"name\":\"server_list\",\"arguments\":" + ARGUMENTS + "}}")).body();
            if (!body.contains("\"servers\"") || body.contains("\"isError\":true")) {
                throw new IOException("unexpected answer: " + body);
            }
        }
    }
}
