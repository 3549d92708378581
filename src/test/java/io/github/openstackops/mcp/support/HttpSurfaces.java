package io.github.openstackops.mcp.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.launch.EnvironmentMapping;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process HTTP servers configured the way an operator configures one (environment variable names, through
 * {@link EnvironmentMapping}), and a small JSON-over-HTTP client for the OpenAPI and REST surfaces.
 */
public final class HttpSurfaces {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpSurfaces() {
    }

    /** A server on a free loopback port, pointed at the fake cloud (may be null), configured by these variables. */
    public static EmbeddedServer start(FakeOpenStack fake, Map<String, String> env) {
        Map<String, Object> properties = new HashMap<>(fake == null ? Map.of() : fake.properties());
        properties.putAll(EnvironmentMapping.map(env));
        return TestContexts.http(properties);
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public Map<String, Object> json() {
            return read(body, new TypeReference<>() { });
        }

        public List<Map<String, Object>> jsonList() {
            return read(body, new TypeReference<>() { });
        }
    }

    public static Response get(String url, String bearer) {
        return send(request(url, bearer).GET());
    }

    public static Response post(String url, String bearer, Object arguments) {
        return send(request(url, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(arguments instanceof String s ? s : write(arguments))));
    }

    public static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    public static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
