package io.github.openstackops.mcp.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A mock OpenStack for unit tests: one loopback HTTP server playing Keystone, Nova, Neutron, Glance and Cinder with
 * responses recorded from the real testbed (the scripts in {@code testbed/record/}, files under
 * {@code src/test/resources/recorded}). The recorded catalog points back at this server. Every request is kept, so
 * tests can assert what reached the cloud (how many authentications, which query parameters).
 */
public final class FakeOpenStack implements AutoCloseable {

    public record Request(String method, String path, String query, String body, Map<String, List<String>> headers) {
        public boolean matches(String method, String pathRegex) {
            return this.method.equals(method) && Pattern.matches(pathRegex, path);
        }
    }

    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"));
        }
    }

    private record Route(String method, Pattern path, Function<Request, Reply> responder) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    // appended on every request: a copy-on-write list would copy the whole log each time (quadratic under load)
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, String> recordedFiles = new ConcurrentHashMap<>();
    private volatile boolean keepRequests = true;
    private volatile Duration tokenLifetime = Duration.ofHours(12);
    private volatile Duration latency = Duration.ZERO;
    private volatile String tokenFile = "token-demo.json";
    /** Application credentials Keystone accepts: id → secret and the recorded token it answers with. */
    private final Map<String, String[]> applicationCredentials = new ConcurrentHashMap<>();

    private FakeOpenStack(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        on("POST", "/identity/v3/auth/tokens", this::tokenReply);
    }

    public static FakeOpenStack start() {
        return startOn(0);
    }

    public static FakeOpenStack startOn(int port) {
        try {
            return new FakeOpenStack(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String authUrl() {
        return base() + "/identity/v3";
    }

    /** Properties pointing the server at this cloud as user demo. */
    public Map<String, Object> properties() {
        return Map.of("openstack.auth-url", authUrl(), "openstack.username", "demo",
                "openstack.password", "fake-password-0451", "openstack.project-name", "demo",
                "openstack.region-name", "RegionOne", "openstack.poll-interval", "10ms");
    }

    /** Answers requests matching method and path (a regex) with a recorded file. */
    public FakeOpenStack on(String method, String pathRegex, int status, String recordedFile) {
        return on(method, pathRegex, r -> Reply.json(status, recorded(recordedFile)));
    }

    public FakeOpenStack on(String method, String pathRegex, Function<Request, Reply> responder) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), responder)); // later routes win
        return this;
    }

    public FakeOpenStack tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Serve another recorded token, e.g. one whose catalog has a service the shared tokens predate. */
    public FakeOpenStack token(String recordedFile) {
        this.tokenFile = recordedFile;
        return this;
    }

    /** Serve the recorded admin token (project admin, roles admin) instead of demo's. */
    public FakeOpenStack asAdmin() {
        this.tokenFile = "token-admin.json";
        return this;
    }

    /**
     * Keystone accepts this application credential (the application_credential auth method) and answers with the
     * recorded token {@code recordedFile}, whose id is {@link #tokenPrefix(String)} of the credential id plus a
     * number, so a test can tell which identity every request used. Once one is registered, any other application
     * credential gets 401 (before, every application credential is accepted with the default token).
     */
    public FakeOpenStack applicationCredential(String id, String secret, String recordedFile) {
        applicationCredentials.put(id, new String[] {secret, recordedFile});
        return this;
    }

    /** How the ids of the tokens issued for this application credential start. */
    public static String tokenPrefix(String applicationCredentialId) {
        return "gAAAAfake-appcred-" + applicationCredentialId + "-";
    }

    /** Keeps no log of requests (a benchmark's cloud answers millions of them; nothing asks what they were). */
    public FakeOpenStack withoutRequestLog() {
        this.keepRequests = false;
        return this;
    }

    public FakeOpenStack latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String pathRegex) {
        return requests.stream().filter(r -> r.matches(method, pathRegex)).count();
    }

    public long authentications() {
        return count("POST", "/identity/v3/auth/tokens");
    }

    public List<Request> requests(String method, String pathRegex) {
        return requests.stream().filter(r -> r.matches(method, pathRegex)).toList();
    }

    /** A recorded response body with the catalog pointing at this server (each file read once). */
    public String recorded(String file) {
        return recordedFiles.computeIfAbsent(file, f -> read(f).replace("{{base}}", base()));
    }

    public static String read(String file) {
        try (InputStream in = FakeOpenStack.class.getResourceAsStream("/recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply tokenReply(Request request) {
        com.fasterxml.jackson.databind.JsonNode app;
        try {
            app = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.body())
                    .path("auth").path("identity").path("application_credential");
        } catch (IOException e) {
            return Reply.json(400, "{\"error\": {\"code\": 400, \"message\": \"not JSON\"}}");
        }
        if (!app.isMissingNode() && !applicationCredentials.isEmpty()) {
            String id = app.path("id").asText();
            String[] known = applicationCredentials.get(id);
            if (known == null || !known[0].equals(app.path("secret").asText())) {
                return Reply.json(401, recorded("auth-401.json"));
            }
            return token(known[1], tokenPrefix(id) + System.nanoTime());
        }
        return token(tokenFile, "gAAAAfake-token-" + System.nanoTime());
    }

    private Reply token(String file, String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = recorded(file)
                .replaceAll("\"expires_at\": \"[^\"]+\"", "\"expires_at\": \"" + now.plus(tokenLifetime) + "\"")
                .replaceAll("\"issued_at\": \"[^\"]+\"", "\"issued_at\": \"" + now + "\"");
        return new Reply(201, body, Map.of("Content-Type", "application/json",
                "X-Subject-Token", id));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), body, Map.copyOf(exchange.getRequestHeaders()));
            if (keepRequests) {
                requests.add(request);
            }
            if (!latency.isZero()) {
                Thread.sleep(latency);
            }
            Reply reply = routes.stream().filter(r -> r.method().equals(request.method())
                            && r.path().matcher(request.path()).matches())
                    .findFirst().map(r -> r.responder().apply(request))
                    .orElse(Reply.json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"no route in FakeOpenStack for "
                            + request.method() + " " + request.path() + "\"}}"));
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Query parameters of a request, in order. */
    public static List<String> queryParams(Request request) {
        List<String> out = new ArrayList<>();
        if (request.query() != null) {
            for (String p : request.query().split("&")) {
                out.add(java.net.URLDecoder.decode(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
