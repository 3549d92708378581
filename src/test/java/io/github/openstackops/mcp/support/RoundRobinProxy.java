package io.github.openstackops.mcp.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer without sticky routing, on loopback: each request goes to the next replica in turn (and to the other
 * one when a replica refuses connections, as a health-checking balancer would). GET streams are answered 405, which
 * MCP allows a server to do, so every exchange is one request and one buffered response.
 */
public final class RoundRobinProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Content-Type", "Accept", "Authorization", "Mcp-Session-Id",
            "Mcp-Protocol-Version", "Last-Event-ID", "Mcp-Method", "Mcp-Name");

    private final HttpServer server;
    private final List<String> upstreams;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int[] served;

    public RoundRobinProxy(List<String> upstreams) throws IOException {
        this.upstreams = List.copyOf(upstreams);
        this.served = new int[upstreams.size()];
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests each replica answered. */
    public synchronized int served(int replica) {
        return served[replica];
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int first = Math.floorMod(next.getAndIncrement(), upstreams.size());
            for (int i = 0; i < upstreams.size(); i++) {
                int replica = (first + i) % upstreams.size();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstreams.get(replica)
                                + exchange.getRequestURI()))
                        .timeout(Duration.ofSeconds(60))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : FORWARDED) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        request.header(header, value);
                    }
                }
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException down) {
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                } catch (IOException lost) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                synchronized (this) {
                    served[replica]++;
                }
                for (String header : List.of("Content-Type", "Mcp-Session-Id", "Retry-After", "WWW-Authenticate")) {
                    response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
                }
                byte[] answer = response.body();
                exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
                return;
            }
            exchange.sendResponseHeaders(502, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
