package io.github.openstackops.mcp.fuzz;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.support.CleanAnswers;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.RawMcp;
import io.github.openstackops.mcp.support.StdioPipe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends one fuzz case to the server by one route and judges the answer: the invoker behind every surface (the tool
 * listing of the mode the server runs in, as the surfaces call it), stdio, streamable HTTP {@code /mcp}, the OpenAPI
 * tool server or the REST contract. A proper answer is a result, or an error in the route's own shape with a message
 * that is not an internal error; it names no Java class, shows no stack trace and comes within {@link #ANSWER_WITHIN}.
 * Improper answers are collected in {@link #failures()}; calls are counted per route.
 */
final class FuzzProbes {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    enum Route { INVOKER, STDIO, MCP_HTTP, OPENAPI, REST }

    /** One call: a tool (an operation, or a group in grouped mode), which of its sets, and the arguments sent. */
    record Case(String tool, String label, Object arguments) {
    }

    private final String base;
    private final String token;
    private final String session;
    private final StdioPipe stdio;
    private final ToolListing listing;
    private final ToolContext context = ToolContext.quiet(Caller.STATIC_TOKEN, Surface.REST);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<Route, AtomicInteger> counts = new EnumMap<>(Route.class);
    private final AtomicInteger ids = new AtomicInteger(100_000);
    private final Map<String, LongAdder> millis = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    FuzzProbes(String base, String token, String session, StdioPipe stdio, ToolListing listing) {
        this.base = base.replaceAll("/+$", "");
        this.token = token;
        this.session = session;
        this.stdio = stdio;
        this.listing = listing;
        for (Route r : Route.values()) {
            counts.put(r, new AtomicInteger());
        }
    }

    Queue<String> failures() {
        return failures;
    }

    Map<Route, AtomicInteger> counts() {
        return counts;
    }

    /** How the invoker's calls ended: SUCCESS or the failure kind, with counts. */
    Map<String, Long> outcomes() {
        Map<String, Long> out = new java.util.TreeMap<>();
        outcomes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The tools whose calls took longest, all routes together (ms). */
    List<String> slowest(int n) {
        return millis.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .limit(n).map(e -> e.getKey() + "=" + e.getValue().sum()).toList();
    }

    void send(Route route, Case c) {
        counts.get(route).incrementAndGet();
        long start = System.nanoTime();
        probe(route, c);
        millis.computeIfAbsent(c.tool(), k -> new LongAdder()).add((System.nanoTime() - start) / 1_000_000);
    }

    private void probe(Route route, Case c) {
        switch (route) {
            case INVOKER -> viaInvoker(c);
            case STDIO -> viaStdio(c);
            case MCP_HTTP -> viaMcp(c);
            case OPENAPI -> viaHttp(route, base + "/openapi/" + c.tool(), c);
            case REST -> viaHttp(route, base + "/tool/" + c.tool() + "/call", c);
        }
    }

    /**
     * The invoker takes the arguments as the surfaces pass them on, a JSON object; a body that is not an object is
     * the surfaces' to refuse, so the invoker gets it as no arguments.
     */
    @SuppressWarnings("unchecked")
    private void viaInvoker(Case c) {
        Map<String, Object> arguments = c.arguments() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        ToolOutcome outcome;
        try {
            outcome = listing.submit(c.tool(), arguments, context).get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail(Route.INVOKER, c, "no outcome within " + ANSWER_WITHIN.toSeconds() + " s", "");
            return;
        } catch (ExecutionException e) {
            fail(Route.INVOKER, c, "the call completed exceptionally", String.valueOf(e.getCause()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        outcomes.computeIfAbsent(outcome instanceof ToolOutcome.Error e ? e.failure().name() : "SUCCESS",
                k -> new LongAdder()).increment();
        switch (outcome) {
            case ToolOutcome.Success s -> {
                String json = HttpSurfaces.write(s.structured());
                if (s.structured() == null || CleanAnswers.leaksJava(json)) {
                    fail(Route.INVOKER, c, "a success without a clean structured result", json);
                }
            }
            case ToolOutcome.Error e -> {
                if (e.failure() == ToolOutcome.Failure.INTERNAL || e.message() == null || e.message().isBlank()
                        || e.message().contains("internal error") || CleanAnswers.leaksJava(e.message())) {
                    fail(Route.INVOKER, c, "an improper error (" + e.failure() + ")", e.message());
                }
            }
        }
    }

    private String call(int id, Case c) {
        return RawMcp.toolsCall(id, "{\"name\":" + HttpSurfaces.write(c.tool()) + ",\"arguments\":"
                + HttpSurfaces.write(c.arguments()) + "}");
    }

    private void viaStdio(Case c) {
        int id = ids.incrementAndGet();
        try {
            stdio.send(call(id, c));
        } catch (java.io.UncheckedIOException e) {
            fail(Route.STDIO, c, "the stdio server stopped reading (" + e.getMessage() + ")", "");
            throw e;
        }
        String answer;
        while ((answer = stdio.next(ANSWER_WITHIN)) != null && !answer.contains("\"id\":" + id + ",")
                && !answer.contains("\"id\":" + id + "}")) {
            // notifications (progress, log) come first
        }
        checkJsonRpc(Route.STDIO, c, answer);
    }

    private void viaMcp(Case c) {
        int id = ids.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .timeout(ANSWER_WITHIN).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session).POST(HttpRequest.BodyPublishers.ofString(call(id, c))).build();
        HttpResponse<String> response = send(Route.MCP_HTTP, c, request);
        if (response == null) {
            return;
        }
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            body = body.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim())
                    .filter(l -> l.contains("\"id\":" + id)).findFirst().orElse(null);
        }
        checkJsonRpc(Route.MCP_HTTP, c, body);
    }

    @SuppressWarnings("unchecked")
    private void checkJsonRpc(Route route, Case c, String answer) {
        if (answer == null) {
            fail(route, c, "no answer within " + ANSWER_WITHIN.toSeconds() + " s", "");
            return;
        }
        if (CleanAnswers.leaksJava(answer)) {
            fail(route, c, "Java internals", answer);
            return;
        }
        Map<String, Object> message = parse(answer);
        if (message == null) {
            fail(route, c, "not JSON", answer);
        } else if (message.get("error") instanceof Map<?, ?> error) {
            if (!(error.get("code") instanceof Number) || !(error.get("message") instanceof String m) || m.isBlank()) {
                fail(route, c, "a JSON-RPC error without code or message", answer);
            }
        } else if (message.get("result") instanceof Map<?, ?> result) {
            boolean isError = Boolean.TRUE.equals(result.get("isError"));
            List<Map<String, Object>> content = (List<Map<String, Object>>) result.get("content");
            String text = content == null || content.isEmpty() ? "" : String.valueOf(content.get(0).get("text"));
            if (isError && (text.isBlank() || text.contains("internal error"))) {
                fail(route, c, "an error result without a proper message", answer);
            } else if (!isError && !(result.get("structuredContent") instanceof Map<?, ?>)) {
                fail(route, c, "a success without structured content", answer);
            }
        } else {
            fail(route, c, "neither result nor error", answer);
        }
    }

    private void viaHttp(Route route, String url, Case c) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpSurfaces.write(c.arguments()))).build();
        HttpResponse<String> response = send(route, c, request);
        if (response == null) {
            return;
        }
        String body = response.body();
        int status = response.statusCode();
        if (CleanAnswers.leaksJava(body)) {
            fail(route, c, "Java internals (HTTP " + status + ")", body);
            return;
        }
        Map<String, Object> json = parse(body);
        if (json == null) {
            fail(route, c, "HTTP " + status + " without a JSON object", body);
            return;
        }
        if (status == 200) {
            return;
        }
        String message = route == Route.REST ? restMessage(json) : openApiMessage(json);
        if (message == null || message.isBlank()) {
            fail(route, c, "HTTP " + status + " without an error message in the surface's shape", body);
        } else if (message.contains("internal error") || status < 400) {
            fail(route, c, "HTTP " + status + " internal error", body);
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

    private HttpResponse<String> send(Route route, Case c, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            fail(route, c, "no answer within " + ANSWER_WITHIN.toSeconds() + " s", "");
        } catch (IOException e) {
            fail(route, c, "connection failed: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void fail(Route route, Case c, String why, String answer) {
        String sent = HttpSurfaces.write(c.arguments());
        failures.add(route + " " + c.tool() + " " + c.label() + " " + (sent.length() <= 160 ? sent
                : sent.substring(0, 160) + "…") + " -> " + why + ": " + CleanAnswers.abbreviate(answer));
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
