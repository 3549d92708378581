package io.github.openstackops.mcp.bench;

import io.github.openstackops.mcp.live.ServerProcess;
import io.github.openstackops.mcp.support.FakeOpenStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP surfaces under load: REST, OpenAPI and MCP with 1, 8 and 64 concurrent clients (closed loop: each sends its
 * next call when the last one is answered) calling {@code server_list} on the packaged server (launcher, HTTP mode,
 * bearer authentication on) against a fast simulated cloud on loopback. Surfaces alternate in rounds, so that the
 * machine's other load falls on all of them alike; targets are ratios within this run.
 */
final class HttpLoadBench {

    static final String SURFACES[] = {"REST", "OpenAPI", "MCP"};
    static final int[] CLIENTS = {1, 8, 64};
    static final int ROUNDS = 2;
    static final String BEARER = "bench-bearer-secret-0123456789";

    private final Duration slice;

    HttpLoadBench(Duration slice) {
        this.slice = slice;
    }

    /** Latencies (µs) and counts of one surface at one concurrency, over all rounds. */
    static final class Cell {
        final List<long[]> latencies = new ArrayList<>();
        long calls;
        long errors;
        double seconds;

        long[] all() {
            return latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        }
    }

    void run(Report report) throws Exception {
        Map<String, Cell> cells = new LinkedHashMap<>();
        long rssAfter;
        String loadBefore = Report.loadAverage();
        try (FakeOpenStack fake = MockClouds.fast(); ServerProcess server = ServerProcess.http(env(fake))) {
            for (String surface : SURFACES) { // warm-up: the JIT compiles every surface's path
                load(server, surface, 8, Duration.ofSeconds(6), new Cell());
            }
            for (int clients : CLIENTS) {
                for (int round = 0; round < ROUNDS; round++) {
                    for (String surface : SURFACES) {
                        load(server, surface, clients, slice, cells.computeIfAbsent(surface + "/" + clients,
                                k -> new Cell()));
                    }
                }
            }
            rssAfter = Report.rssKb(server.pid());
        }
        report.line("## HTTP surfaces under load: `server_list` (3 servers) on a fast simulated cloud");
        report.line("");
        report.line("Closed loop, each client its own connection (MCP: its own session); %d rounds of %d s per surface"
                + " and concurrency, surfaces interleaved. Server RSS after the load: %d MiB. Machine load average"
                + " (1 min) before / after: %s / %s on %d CPUs.", ROUNDS, slice.toSeconds(), rssAfter / 1024,
                loadBefore, Report.loadAverage(), Runtime.getRuntime().availableProcessors());
        report.line("");
        report.line("| surface | clients | calls/s | p50 ms | p99 ms | p99 / p50 | errors |");
        report.line("|---|---|---|---|---|---|---|");
        for (int clients : CLIENTS) {
            for (String surface : SURFACES) {
                Cell c = cells.get(surface + "/" + clients);
                long[] all = c.all();
                double p50 = Report.quantile(all, 0.50) / 1000.0;
                double p99 = Report.quantile(all, 0.99) / 1000.0;
                report.line("| %s | %d | %.0f | %.2f | %.2f | %.1f | %d |", surface, clients, c.calls / c.seconds,
                        p50, p99, p99 / p50, c.errors);
            }
        }
        report.line("");
        report.line("| target (same run) | measured | verdict |");
        report.line("|---|---|---|");
        for (int clients : CLIENTS) {
            double ratio = rate(cells, "MCP", clients) / rate(cells, "REST", clients);
            report.line("| MCP throughput ≥ 0.9× REST, %d clients | %.2f× | %s |", clients, ratio,
                    Report.verdict(ratio >= 0.9));
        }
        for (String surface : SURFACES) {
            long[] all = cells.get(surface + "/64").all();
            double ratio = (double) Report.quantile(all, 0.99) / Report.quantile(all, 0.50);
            report.line("| p99 ≤ 3× p50 at 64 clients, %s | %.1f× | %s |", surface, ratio, Report.verdict(ratio <= 3));
        }
        report.line("");
    }

    private static double rate(Map<String, Cell> cells, String surface, int clients) {
        Cell c = cells.get(surface + "/" + clients);
        return c.calls / c.seconds;
    }

    static Map<String, String> env(FakeOpenStack fake) {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", fake.authUrl(), "OS_USERNAME", "demo",
                "OS_PASSWORD", "bench-password", "OS_PROJECT_NAME", "demo", "REMOTE_AUTH_ENABLE", "true",
                "REMOTE_SECRET_KEY", BEARER, "MCP_TOOL_MODE", "all", // calls name the operation itself
                "MCP_MAX_SESSIONS_PER_CALLER", "100")); // 64 MCP clients share the one bearer token
        String opts = System.getenv("BENCH_SERVER_JAVA_OPTS"); // e.g. a JFR recording for a profile
        if (opts != null) {
            env.put("JAVA_OPTS", opts);
        }
        return env;
    }

    /** {@code clients} clients of one surface calling for {@code duration}; adds to the cell. */
    static void load(ServerProcess server, String surface, int clients, Duration duration, Cell cell)
            throws Exception {
        List<HttpClients> callers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            callers.add(HttpClients.of(surface, server.baseUrl(), BEARER));
        }
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int n = i;
            latencies[n] = new long[1 << 16];
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        callers.get(n).call();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println(surface + ": " + e.getMessage());
                        }
                        continue;
                    }
                    if (counts[n] == latencies[n].length) {
                        latencies[n] = java.util.Arrays.copyOf(latencies[n], counts[n] * 2);
                    }
                    latencies[n][counts[n]++] = (System.nanoTime() - t0) / 1000;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (HttpClients caller : callers) {
            caller.end();
        }
        for (int i = 0; i < clients; i++) {
            cell.latencies.add(java.util.Arrays.copyOf(latencies[i], counts[i]));
            cell.calls += counts[i];
        }
        cell.errors += errors.get();
        cell.seconds += seconds;
    }
}
