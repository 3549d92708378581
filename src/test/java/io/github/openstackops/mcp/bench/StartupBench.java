package io.github.openstackops.mcp.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Start-up, process start to the first {@code tools/list} answer over stdio, in one run: plain {@code java -jar}, the
 * launcher's JVM flags without an AOT cache, and the launcher itself, first with no cache (as a jar fresh from
 * {@code ./mvnw verify} or {@code package} is: the launcher builds it) and then with the cache it made.
 */
final class StartupBench {

    private static final int STARTS = 7;
    private static final Map<String, String> ENV = Map.of("OS_AUTH_URL", "http://127.0.0.1:9/v3", "OS_USERNAME", "bench",
            "OS_PASSWORD", "bench-password", "OS_PROJECT_NAME", "bench");

    void run(Report report) throws Exception {
        Path jar = Benchmark.jar();
        Path aot = Path.of(jar.toString().replace(".jar", ".aot"));
        String java = System.getProperty("java.home") + "/bin/java";
        report.line("## Start-up: process start to the first `tools/list` answer (stdio, %d runs, median)", STARTS);
        report.line("");
        report.line("| launch | median ms | min ms | max ms |");
        report.line("|---|---|---|---|");
        long[] plain = measure(List.of(java, "-jar", jar.toString()));
        row(report, "`java -jar` (defaults)", plain);
        row(report, "launcher flags (C1 only, SerialGC), no AOT cache", measure(List.of(java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-jar", jar.toString())));
        Files.deleteIfExists(aot); // as ./mvnw verify or package leave the jar
        Files.deleteIfExists(Path.of(aot + ".key"));
        long first = once(List.of(Benchmark.launcher()));
        boolean built = Files.exists(aot);
        report.line("| `bin/openstack-ops-mcp`, first start after a build (makes the AOT cache: %s) | %d | | |",
                built ? "yes" : "NO", first);
        long[] launcher = measure(List.of(Benchmark.launcher()));
        row(report, "`bin/openstack-ops-mcp` (launcher flags + the JDK 25 AOT cache it made)", launcher);
        report.line("");
        double ratio = (double) launcher[STARTS / 2] / plain[STARTS / 2];
        report.line("Launcher / plain `java -jar`, same run: %.2f× (a jar built by `./mvnw verify` or `package` gets"
                + " its cache on its first launch: %s).", ratio, built ? "yes" : "no");
        report.line("");
    }

    private static void row(Report report, String label, long[] ms) {
        report.line("| %s | %d | %d | %d |", label, ms[STARTS / 2], ms[0], ms[STARTS - 1]);
    }

    private static long[] measure(List<String> command) {
        long[] ms = new long[STARTS];
        for (int i = 0; i < STARTS; i++) {
            ms[i] = once(command);
        }
        Arrays.sort(ms);
        return ms;
    }

    private static long once(List<String> command) {
        long start = System.nanoTime();
        // a long initialisation timeout: a first launch builds the AOT cache, and a loaded machine is slow to start
        McpSyncClient client = McpClient.sync(new StdioClientTransport(ServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size())).env(ENV).build(), McpJsonDefaults.getMapper()))
                .initializationTimeout(Duration.ofMinutes(3)).requestTimeout(Duration.ofMinutes(1)).build();
        client.initialize();
        client.listTools();
        long ms = (System.nanoTime() - start) / 1_000_000;
        client.closeGracefully();
        return ms;
    }
}
