package io.github.openstackops.mcp.bench;

import io.github.openstackops.mcp.live.ServerProcess;
import io.github.openstackops.mcp.support.FakeOpenStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak: the packaged server (HTTP) under steady mixed traffic for a long time: REST, OpenAPI and MCP clients at a
 * paced rate (the machine is shared), MCP clients opening a new session every 200 calls and ending the old one.
 * Counts errors and samples resident memory; growth is measured from the end of the first tenth (warmed up) to the
 * end.
 */
final class SoakBench {

    private static final int CLIENTS_PER_SURFACE = 3;
    private static final Duration PACE = Duration.ofMillis(40); // ~75 calls/s in all
    private final Duration duration;

    SoakBench(Duration duration) {
        this.duration = duration;
    }

    void run(Report report) throws Exception {
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sessions = new AtomicLong();
        List<long[]> samples = new ArrayList<>(); // {seconds, rss KiB}
        try (FakeOpenStack fake = MockClouds.fast(); ServerProcess server = ServerProcess.http(HttpLoadBench.env(fake))) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (String surface : HttpLoadBench.SURFACES) {
                for (int i = 0; i < CLIENTS_PER_SURFACE; i++) {
                    threads.add(Thread.ofVirtual().start(() -> drive(server, surface, end, calls, errors, sessions)));
                }
            }
            long interval = Math.max(1, duration.toSeconds() / 60);
            while (System.nanoTime() < end) {
                samples.add(new long[] {(System.nanoTime() - start) / 1_000_000_000L, Report.rssKb(server.pid())});
                Thread.sleep(Duration.ofSeconds(interval));
            }
            for (Thread t : threads) {
                t.join();
            }
            samples.add(new long[] {(System.nanoTime() - start) / 1_000_000_000L, Report.rssKb(server.pid())});
        }
        long[] warm = samples.get(Math.max(1, samples.size() / 10));
        long[] last = samples.get(samples.size() - 1);
        long peak = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        double growth = (double) last[1] / warm[1] - 1;
        report.line("## Soak: %d minutes of mixed HTTP traffic", duration.toMinutes());
        report.line("");
        report.line("%d clients per surface (REST, OpenAPI, MCP), one call each per %d ms, `server_list` on the fast"
                + " simulated cloud; MCP clients start a new session every 200 calls and delete the old one.",
                CLIENTS_PER_SURFACE, PACE.toMillis());
        report.line("");
        report.line("| measure | value |");
        report.line("|---|---|");
        report.line("| calls / errors | %,d / %d |", calls.get(), errors.get());
        report.line("| MCP sessions opened and ended | %,d |", sessions.get());
        report.line("| RSS at %d s (warmed up) / at the end / peak | %d / %d / %d MiB |", warm[0], warm[1] / 1024,
                last[1] / 1024, peak / 1024);
        report.line("| RSS samples (MiB, every %d s) | %s |", Math.max(1, duration.toSeconds() / 60),
                samples.stream().map(s -> String.valueOf(s[1] / 1024)).reduce((a, b) -> a + " " + b).orElse(""));
        report.line("");
        report.line("| target (same run) | measured | verdict |");
        report.line("|---|---|---|");
        report.line("| RSS growth ≤ 10%% | %+.1f%% | %s |", growth * 100, Report.verdict(growth <= 0.10));
        report.line("| 0 errors | %d | %s |", errors.get(), Report.verdict(errors.get() == 0));
        report.line("");
    }

    private static void drive(ServerProcess server, String surface, long end, AtomicLong calls, AtomicLong errors,
                              AtomicLong sessions) {
        HttpClients client = null;
        int n = 0;
        while (System.nanoTime() < end) {
            try {
                if (client == null || (surface.equals("MCP") && n % 200 == 0)) {
                    if (client != null) {
                        client.end();
                    }
                    client = HttpClients.of(surface, server.baseUrl(), HttpLoadBench.BEARER);
                    if (surface.equals("MCP")) {
                        sessions.incrementAndGet();
                    }
                }
                n++;
                client.call();
                calls.incrementAndGet();
            } catch (Exception e) {
                if (errors.incrementAndGet() <= 3) {
                    System.err.println("soak " + surface + ": " + e.getMessage());
                }
            }
            try {
                Thread.sleep(PACE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
