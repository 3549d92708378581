package io.github.openstackops.mcp.fuzz;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.support.CleanAnswers;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.RawMcp;
import io.github.openstackops.mcp.support.StdioPipe;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool, on every surface, gets {@value #SETS_PER_TOOL} malformed or hostile argument sets generated from its own
 * input schema ({@link HostileArguments}), against the recorded fake cloud. The sets of a tool are dealt round-robin
 * to the four surfaces (stdio, /mcp, the OpenAPI tool server, the REST contract), so each surface sees every tool with
 * a quarter of them. Every answer must be a proper one (a result, or an error in the surface's own shape with a
 * message), never an internal error, a Java class name or a stack trace, and must come within the client's timeout;
 * the server must still serve afterwards. The server offers one tool per operation (MCP_TOOL_MODE=all), so every
 * operation is reached by its own name and schema on every surface. The seed is fixed and printed ({@code -Dfuzz.seed=...} replays another).
 */
class ToolFuzzTest {

    static final int SETS_PER_TOOL = Integer.getInteger("fuzz.sets", 200);
    static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    static final String TOKEN = "fuzz-test-bearer-secret-4411";
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    enum Surface { STDIO, MCP_HTTP, OPENAPI, REST }

    private record Case(String tool, int index, Object arguments) {
    }

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<Surface, AtomicInteger> counts = new HashMap<>();
    private final Map<String, java.util.concurrent.atomic.LongAdder> millisByTool = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    @Test
    void every_tool_on_every_surface_answers_hostile_arguments_properly_and_the_server_survives() throws Exception {
        System.err.println("ToolFuzzTest: seed " + SEED + ", " + SETS_PER_TOOL + " sets per tool (-Dfuzz.seed to replay)");
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json");
        closing.add(fake);
        Map<String, String> env = Map.of("MCP_TRANSPORT", "streamable-http", "ALLOW_MODIFY_OPERATIONS", "true",
                "ALLOW_SENSITIVE_DATA", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN,
                "MCP_TOOL_TIMEOUT", "20s", "MCP_MAX_CONCURRENT_CALLS", "64", "MCP_TOOL_MODE", "all");
        EmbeddedServer server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        String base = server.getURL().toString();
        Map<String, Object> stdioProperties = new HashMap<>(fake.properties());
        stdioProperties.putAll(Map.of("mcp.safety.allow-modify", true, "mcp.safety.allow-sensitive", true,
                "mcp.tool-timeout", "20s", "mcp.catalog.tool-mode", "all"));
        StdioPipe stdio = new StdioPipe(stdioProperties).initialize();
        closing.add(stdio);
        String session = RawMcp.initialize(base, TOKEN);

        List<ToolDefinition<?, ?>> tools = server.getApplicationContext().getBean(ToolCatalog.class).enabled().stream()
                .sorted(Comparator.comparing(ToolDefinition::name)).toList();
        Map<Surface, List<Case>> dealt = new HashMap<>();
        for (Surface s : Surface.values()) {
            dealt.put(s, new ArrayList<>());
            counts.put(s, new AtomicInteger());
        }
        for (ToolDefinition<?, ?> tool : tools) {
            List<Object> sets = new HostileArguments(SEED ^ tool.name().hashCode())
                    .generate(tool.inputSchema(), SETS_PER_TOOL);
            for (int i = 0; i < sets.size(); i++) {
                dealt.get(Surface.values()[i % 4]).add(new Case(tool.name(), i, sets.get(i)));
            }
        }

        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(7);
        closing.add(workers::shutdownNow);
        List<Future<?>> running = new ArrayList<>();
        running.add(workers.submit(() -> dealt.get(Surface.STDIO).forEach(c -> timed(c, () -> viaStdio(stdio, c)))));
        for (int half = 0; half < 2; half++) { // the HTTP surfaces take two clients each
            int h = half;
            running.add(workers.submit(() -> half(dealt.get(Surface.MCP_HTTP), h)
                    .forEach(c -> timed(c, () -> viaMcp(base, session, c)))));
            running.add(workers.submit(() -> half(dealt.get(Surface.OPENAPI), h)
                    .forEach(c -> timed(c, () -> viaHttp(Surface.OPENAPI, base + "/openapi/" + c.tool(), c)))));
            running.add(workers.submit(() -> half(dealt.get(Surface.REST), h)
                    .forEach(c -> timed(c, () -> viaHttp(Surface.REST, base + "/tool/" + c.tool() + "/call", c)))));
        }
        for (Future<?> f : running) {
            f.get();
        }
        System.err.println("ToolFuzzTest: slowest tools (ms, all surfaces): " + millisByTool.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(12)
                .map(e -> e.getKey() + "=" + e.getValue().sum()).toList());
        System.err.println("ToolFuzzTest: " + tools.size() + " tools, calls per surface " + counts + " in "
                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s, " + failures.size() + " failures");

        assertThat(failures).as("seed " + SEED + ": " + failures.size() + " improper answers, e.g.\n"
                + String.join("\n", failures.stream().limit(15).toList())).isEmpty();
        assertThat(counts.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(tools.size() * SETS_PER_TOOL / 4));
        // still serving, on every surface
        assertThat(HttpSurfaces.get(base + "/health", null).status()).isEqualTo(200);
        assertThat(HttpSurfaces.post(base + "/tool/server_list/call", TOKEN, Map.of("limit", 1)).status()).isEqualTo(200);
        assertThat(RawMcp.post(base, TOKEN, session, RawMcp.toolsCall(1, "{\"name\":\"server_list\",\"arguments\":{}}"))
                .body()).contains("\"isError\":false");
        stdio.send(RawMcp.toolsCall(1, "{\"name\":\"server_list\",\"arguments\":{}}"));
        assertThat(stdio.next(ANSWER_WITHIN)).contains("\"isError\":false");
    }

    private static List<Case> half(List<Case> cases, int half) {
        return java.util.stream.IntStream.range(0, cases.size()).filter(i -> i % 2 == half).mapToObj(cases::get).toList();
    }

    private void timed(Case c, Runnable call) {
        long start = System.nanoTime();
        call.run();
        millisByTool.computeIfAbsent(c.tool(), k -> new java.util.concurrent.atomic.LongAdder())
                .add((System.nanoTime() - start) / 1_000_000);
    }

    private void fail(Surface surface, Case c, String why, String answer) {
        failures.add(surface + " " + c.tool() + " #" + c.index() + " " + abbreviate(HttpSurfaces.write(c.arguments()), 160)
                + " -> " + why + ": " + CleanAnswers.abbreviate(answer));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String call(int id, Case c) {
        return RawMcp.toolsCall(id, "{\"name\":\"" + c.tool() + "\",\"arguments\":" + HttpSurfaces.write(c.arguments()) + "}");
    }

    private void viaStdio(StdioPipe stdio, Case c) {
        int id = 100_000 + counts.get(Surface.STDIO).incrementAndGet();
        try {
            stdio.send(call(id, c));
        } catch (java.io.UncheckedIOException e) {
            fail(Surface.STDIO, c, "the stdio server stopped reading (" + e.getMessage() + ")", "");
            throw e;
        }
        String answer;
        while ((answer = stdio.next(ANSWER_WITHIN)) != null && !answer.contains("\"id\":" + id + ",")
                && !answer.contains("\"id\":" + id + "}")) {
            // notifications (progress, log) come first
        }
        checkJsonRpc(Surface.STDIO, c, answer);
    }

    private void viaMcp(String base, String session, Case c) {
        int id = 200_000 + counts.get(Surface.MCP_HTTP).incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/mcp"))
                .timeout(ANSWER_WITHIN).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session).POST(HttpRequest.BodyPublishers.ofString(call(id, c))).build();
        HttpResponse<String> response = send(Surface.MCP_HTTP, c, request);
        if (response == null) {
            return;
        }
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            body = body.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim())
                    .filter(l -> l.contains("\"id\":" + id)).findFirst().orElse(null);
        }
        checkJsonRpc(Surface.MCP_HTTP, c, body);
    }

    @SuppressWarnings("unchecked")
    private void checkJsonRpc(Surface surface, Case c, String answer) {
        if (answer == null) {
            fail(surface, c, "no answer within " + ANSWER_WITHIN.toSeconds() + " s", "");
            return;
        }
        if (CleanAnswers.leaksJava(answer)) {
            fail(surface, c, "Java internals", answer);
            return;
        }
        Map<String, Object> message = parse(answer);
        if (message == null) {
            fail(surface, c, "not JSON", answer);
        } else if (message.get("error") instanceof Map<?, ?> error) {
            if (!(error.get("code") instanceof Number) || !(error.get("message") instanceof String m) || m.isBlank()) {
                fail(surface, c, "a JSON-RPC error without code or message", answer);
            }
        } else if (message.get("result") instanceof Map<?, ?> result) {
            boolean isError = Boolean.TRUE.equals(result.get("isError"));
            List<Map<String, Object>> content = (List<Map<String, Object>>) result.get("content");
            String text = content == null || content.isEmpty() ? "" : String.valueOf(content.get(0).get("text"));
            if (isError && (text.isBlank() || text.contains("internal error"))) {
                fail(surface, c, "an error result without a proper message", answer);
            } else if (!isError && !(result.get("structuredContent") instanceof Map<?, ?>)) {
                fail(surface, c, "a success without structured content", answer);
            }
        } else {
            fail(surface, c, "neither result nor error", answer);
        }
    }

    private void viaHttp(Surface surface, String url, Case c) {
        counts.get(surface).incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpSurfaces.write(c.arguments()))).build();
        HttpResponse<String> response = send(surface, c, request);
        if (response == null) {
            return;
        }
        String body = response.body();
        int status = response.statusCode();
        if (CleanAnswers.leaksJava(body)) {
            fail(surface, c, "Java internals (HTTP " + status + ")", body);
            return;
        }
        Map<String, Object> json = parse(body);
        if (json == null) {
            fail(surface, c, "HTTP " + status + " without a JSON object", body);
            return;
        }
        if (status == 200) {
            return;
        }
        String message = surface == Surface.REST ? restMessage(json) : openApiMessage(json);
        if (message == null || message.isBlank()) {
            fail(surface, c, "HTTP " + status + " without an error message in the surface's shape", body);
        } else if (message.contains("internal error") || status < 400) {
            fail(surface, c, "HTTP " + status + " internal error", body);
        }
    }

    private static String restMessage(Map<String, Object> json) {
        return json.get("error") instanceof Map<?, ?> error && error.get("message") instanceof String m ? m : null;
    }

    private static String openApiMessage(Map<String, Object> json) {
        Object detail = json.get("detail");
        if (detail instanceof Map<?, ?> d && d.get("message") instanceof String m) {
            return m;
        }
        if (detail instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                && first.get("msg") instanceof String m) {
            return m;
        }
        return null;
    }

    private HttpResponse<String> send(Surface surface, Case c, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            fail(surface, c, "no answer within " + ANSWER_WITHIN.toSeconds() + " s", "");
        } catch (IOException e) {
            fail(surface, c, "connection failed: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static Map<String, Object> parse(String text) {
        try {
            Object value = HttpSurfaces.read(text, new TypeReference<Object>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> map = value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
            return map;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
