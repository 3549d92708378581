package io.github.openstackops.mcp.fuzz;

import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.SafetyClass;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.fuzz.FuzzProbes.Case;
import io.github.openstackops.mcp.fuzz.FuzzProbes.Route;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.RawMcp;
import io.github.openstackops.mcp.support.StdioPipe;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool, in both catalog modes, gets malformed or hostile calls generated from its own schema, against the
 * recorded fake cloud. In mode all a tool is an operation: {@value #DEFAULT_SETS} argument sets per operation
 * ({@link HostileArguments}) go to the invoker behind every surface. In mode grouped a tool is a group
 * ({@code <toolset>_<read|write|destructive>}): the same number of hostile calls of the group as a whole
 * ({@link HostileGroupCalls}: bad {@code operation}, {@code arguments}, {@code confirm}, {@code describe}, operations
 * of other groups) and, per operation, its argument sets sent through its group (a few by the operation's own name,
 * which grouped mode refuses with a hint). Every surface (stdio, {@code /mcp}, the OpenAPI tool server, the REST
 * contract) gets {@value #DEFAULT_SURFACE_SETS} of those calls per operation and per group, a different sample each.
 * Every answer must be a proper one (a result, or an error in the surface's own shape with a message), never an
 * internal error, a Java class name or a stack trace, within the client's timeout; the server must still serve on
 * every surface afterwards. The seed is fixed and printed ({@code -Dfuzz.seed=...} replays another;
 * {@code -Dfuzz.sets} and {@code -Dfuzz.surface-sets} change the counts).
 */
class ToolFuzzTest {

    static final int DEFAULT_SETS = 200;
    static final int DEFAULT_SURFACE_SETS = 16;
    static final int SETS = Integer.getInteger("fuzz.sets", DEFAULT_SETS);
    static final int SURFACE_SETS = Integer.getInteger("fuzz.surface-sets", DEFAULT_SURFACE_SETS);
    static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    static final String TOKEN = "fuzz-test-bearer-secret-4411";
    static final String FORGED_TOKEN = "1767225600.AAAAAAAAAAAAAAAA." + "B".repeat(43);
    static final List<Route> SURFACES = List.of(Route.STDIO, Route.MCP_HTTP, Route.OPENAPI, Route.REST);

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"all", "grouped"})
    void every_tool_on_every_surface_answers_hostile_calls_properly_and_the_server_survives(String mode)
            throws Exception {
        System.err.println("ToolFuzzTest mode " + mode + ": seed " + SEED + ", " + SETS + " calls per operation (and"
                + " per group) through the invoker, " + SURFACE_SETS + " of them per surface (-Dfuzz.seed to replay)");
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json");
        closing.add(fake);
        Map<String, String> env = Map.of("MCP_TRANSPORT", "streamable-http", "ALLOW_MODIFY_OPERATIONS", "true",
                "ALLOW_SENSITIVE_DATA", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN,
                "MCP_TOOL_TIMEOUT", "20s", "MCP_MAX_CONCURRENT_CALLS", "64", "MCP_TOOL_MODE", mode);
        EmbeddedServer server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        String base = server.getURL().toString();
        Map<String, Object> stdioProperties = new HashMap<>(fake.properties());
        stdioProperties.putAll(Map.of("mcp.safety.allow-modify", true, "mcp.safety.allow-sensitive", true,
                "mcp.tool-timeout", "20s", "mcp.catalog.tool-mode", mode));
        StdioPipe stdio = new StdioPipe(stdioProperties).initialize();
        closing.add(stdio);
        ToolListing listing = server.getApplicationContext().getBean(ToolListing.class);
        List<ToolDefinition<?, ?>> operations = server.getApplicationContext().getBean(ToolCatalog.class).enabled();
        FuzzProbes probes = new FuzzProbes(base, TOKEN, RawMcp.initialize(base, TOKEN), stdio, listing);

        Map<Route, List<Case>> dealt = new EnumMap<>(Route.class);
        for (Route r : Route.values()) {
            dealt.put(r, new ArrayList<>());
        }
        List<ListedTool> tools = listing.offered();
        assertThat(tools).allMatch(t -> t.group() == mode.equals("grouped"));
        for (ListedTool tool : tools) {
            if (tool.group()) {
                deal(dealt, new HostileGroupCalls(SEED ^ tool.name().hashCode()).generate(tool, operations, SETS)
                        .stream().map(call -> new Case(tool.name(), "", call)).toList());
                tool.operations().forEach(op -> deal(dealt, throughGroup(tool, op)));
            } else {
                List<Object> sets = new HostileArguments(SEED ^ tool.name().hashCode()).generate(tool.inputSchema(), SETS);
                deal(dealt, sets.stream().map(set -> new Case(tool.name(), "", set)).toList());
            }
        }

        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(10);
        closing.add(workers::shutdownNow);
        List<Future<?>> running = new ArrayList<>();
        Map<Route, Integer> clients = Map.of(Route.INVOKER, 3, Route.STDIO, 1, Route.MCP_HTTP, 2, Route.OPENAPI, 2,
                Route.REST, 2);
        clients.forEach((route, n) -> IntStream.range(0, n).forEach(k -> running.add(workers.submit(() ->
                share(dealt.get(route), k, n).forEach(c -> probes.send(route, c))))));
        for (Future<?> f : running) {
            f.get();
        }
        System.err.println("ToolFuzzTest mode " + mode + ": " + tools.size() + " tools (" + operations.size()
                + " operations), calls " + probes.counts() + ", invoker outcomes " + probes.outcomes() + " in " + Duration.ofNanos(System.nanoTime() - start)
                .toSeconds() + " s, " + probes.failures().size() + " improper answers; slowest tools (ms) "
                + probes.slowest(8));

        assertThat(probes.failures()).as("mode " + mode + ", seed " + SEED + ": " + probes.failures().size()
                + " improper answers, e.g.\n" + String.join("\n", probes.failures().stream().limit(15).toList()))
                .isEmpty();
        dealt.forEach((route, cases) -> assertThat(probes.counts().get(route).get()).isEqualTo(cases.size()));
        assertThat(dealt.get(Route.INVOKER)).hasSizeGreaterThanOrEqualTo(SETS * tools.size());
        // the calls reach every stage: refused as invalid, run by a handler (the cloud answering or failing), and in
        // grouped mode refused by the route for operations of another group
        assertThat(probes.outcomes()).containsKeys("SUCCESS", "INVALID_ARGUMENTS", "TOOL_ERROR");
        if (mode.equals("grouped")) {
            assertThat(probes.outcomes()).containsKey("NOT_PERMITTED");
        }
        stillServing(mode, base, stdio);
    }

    /**
     * An operation's argument sets as its group takes them; a destructive one's every fifth with a forged
     * {@code confirm}; every fiftieth by the operation's own name, which grouped mode refuses with a hint.
     */
    private static List<Case> throughGroup(ListedTool group, ToolDefinition<?, ?> op) {
        List<Object> sets = new HostileArguments(SEED ^ op.name().hashCode()).generate(op.inputSchema(), SETS);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            if (i % 50 == 49) {
                cases.add(new Case(op.name(), "direct", sets.get(i)));
                continue;
            }
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("operation", op.name());
            call.put("arguments", sets.get(i));
            if (group.safety() == SafetyClass.DESTRUCTIVE && i % 5 == 0) {
                call.put("confirm", FORGED_TOKEN);
            }
            cases.add(new Case(group.name(), op.name(), call));
        }
        return cases;
    }

    /** All cases to the invoker; to each surface its own sample of {@link #SURFACE_SETS}, of every kind of set. */
    private static void deal(Map<Route, List<Case>> dealt, List<Case> cases) {
        dealt.get(Route.INVOKER).addAll(cases);
        for (int s = 0; s < SURFACES.size(); s++) {
            for (int j = 0; j < Math.min(SURFACE_SETS, cases.size()); j++) {
                dealt.get(SURFACES.get(s)).add(cases.get((j * 11 + s * 3) % cases.size()));
            }
        }
    }

    private static List<Case> share(List<Case> cases, int k, int n) {
        return IntStream.range(0, cases.size()).filter(i -> i % n == k).mapToObj(cases::get).toList();
    }

    private static void stillServing(String mode, String base, StdioPipe stdio) {
        boolean grouped = mode.equals("grouped");
        String tool = grouped ? "compute_read" : "server_list";
        Map<String, Object> arguments = grouped
                ? Map.of("operation", "server_list", "arguments", Map.of("limit", 1)) : Map.of("limit", 1);
        String call = RawMcp.toolsCall(1, "{\"name\":\"" + tool + "\",\"arguments\":" + HttpSurfaces.write(arguments)
                + "}");
        assertThat(HttpSurfaces.get(base + "/health", null).status()).isEqualTo(200);
        assertThat(HttpSurfaces.post(base + "/tool/" + tool + "/call", TOKEN, arguments).status()).isEqualTo(200);
        assertThat(HttpSurfaces.post(base + "/openapi/" + tool, TOKEN, arguments).status()).isEqualTo(200);
        assertThat(RawMcp.post(base, TOKEN, RawMcp.initialize(base, TOKEN), call).body()).contains("\"isError\":false");
        stdio.send(call);
        assertThat(stdio.next(FuzzProbes.ANSWER_WITHIN)).contains("\"isError\":false");
    }
}
