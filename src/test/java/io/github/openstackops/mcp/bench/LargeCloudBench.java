package io.github.openstackops.mcp.bench;

import io.github.openstackops.mcp.live.ServerProcess;
import io.github.openstackops.mcp.support.HttpSurfaces;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server (launcher, HTTP, REST calls, heap capped at 256 MB) against {@link LargeCloud}: cluster_status
 * over the whole cloud, paged lists and name lookups: wall time, requests to the cloud, heap after the call, and for
 * cluster_status the service fan-out (wall time against the slowest service and against the sum of all).
 */
final class LargeCloudBench {

    static final Duration LATENCY = Duration.ofMillis(20);
    private static final String BEARER = HttpLoadBench.BEARER;
    private ServerProcess server;
    private LargeCloud cloud;

    void run(Report report) throws Exception {
        try (LargeCloud c = new LargeCloud(LATENCY);
             ServerProcess s = ServerProcess.http(env(c))) {
            cloud = c;
            server = s;
            report.line("## A large simulated cloud: %,d servers, %,d networks, %,d volumes, %d projects",
                    LargeCloud.SERVERS, LargeCloud.NETWORKS, LargeCloud.VOLUMES, LargeCloud.PROJECTS);
            report.line("");
            report.line("Every cloud request waits %d ms (an API's own latency); the server runs with `-Xmx256m`;"
                    + " heap = used heap after the call (`jcmd GC.heap_info`).", LATENCY.toMillis());
            report.line("");
            report.line("| call | wall ms | cloud requests | heap used MiB | answer |");
            report.line("|---|---|---|---|---|");
            call(report, "server_list", Map.of("limit", 1), "authenticate, warm up");
            Map<String, Object> status = call(report, "cluster_status", Map.of("scan_limit", 20000), "first call");
            cloud.resetSpans();
            long wall = timed("cluster_status", Map.of("scan_limit", 20000));
            Map<String, Long> busy = cloud.spansMs();
            Map<String, Object> servers = map(map(status.get("compute")).get("servers"));
            row(report, "cluster_status (again)", wall, "servers counted " + servers.get("counted") + ", partial "
                    + servers.get("partial"));
            Map<String, Object> page = call(report, "server_list", Map.of("limit", 50), "first page of 50");
            call(report, "server_list", Map.of("limit", 50, "marker", String.valueOf(page.get("next_marker"))),
                    "next page");
            call(report, "network_list", Map.of("limit", 100), "first page of 100");
            call(report, "volume_list", Map.of("limit", 100), "first page of 100");
            call(report, "server_get", Map.of("server", "srv-09999"), "by name, last of 10,000");
            call(report, "network_get", Map.of("network", "net-0999"), "by name, last of 1,000");
            call(report, "volume_get", Map.of("volume", "vol-4999"), "by name, last of 5,000");
            long heapMb = heapUsedKb() / 1024;
            long slowest = busy.values().stream().mapToLong(Long::longValue).max().orElse(0);
            long sum = busy.values().stream().mapToLong(Long::longValue).sum();
            report.line("");
            report.line("cluster_status fan-out: wall %d ms; each service's span (its first request sent to its last"
                    + " answer, pages read one after the other) %s ms; slowest %d ms, sum %d ms.", wall, busy, slowest,
                    sum);
            report.line("");
            report.line("| target (same run) | measured | verdict |");
            report.line("|---|---|---|");
            report.line("| cluster_status ≤ 3 s on the large cloud | %d ms | %s |", wall, Report.verdict(wall <= 3000));
            report.line("| heap ≤ 256 MB | ran under `-Xmx256m`; %d MiB used after the calls | %s |", heapMb,
                    Report.verdict(heapMb <= 256));
            report.line("| fan-out ≈ the slowest service, not the sum | %.2f× slowest, %.2f× sum | %s |",
                    (double) wall / slowest, (double) wall / sum, Report.verdict(wall <= 1.5 * slowest));
            report.line("");
        }
    }

    private Map<String, String> env(LargeCloud c) {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", c.authUrl(), "OS_USERNAME", "admin",
                "OS_PASSWORD", "bench-password", "OS_PROJECT_NAME", "admin", "REMOTE_AUTH_ENABLE", "true",
                "REMOTE_SECRET_KEY", BEARER, "JAVA_OPTS", "-Xmx256m", "MCP_TOOL_MODE", "all"));
        return env;
    }

    private Map<String, Object> call(Report report, String tool, Map<String, Object> args, String what) {
        long requests = cloud.requests();
        long start = System.nanoTime();
        Map<String, Object> answer = rest(tool, args);
        long ms = (System.nanoTime() - start) / 1_000_000;
        report.line("| %s %s | %d | %d | %d | %s |", tool, args.isEmpty() ? "" : HttpSurfaces.write(args), ms,
                cloud.requests() - requests, heapUsedKb() / 1024, what);
        return answer;
    }

    private void row(Report report, String what, long ms, String answer) {
        report.line("| %s | %d | | %d | %s |", what, ms, heapUsedKb() / 1024, answer);
    }

    private long timed(String tool, Map<String, Object> args) {
        long start = System.nanoTime();
        rest(tool, args);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private Map<String, Object> rest(String tool, Map<String, Object> args) {
        HttpSurfaces.Response r = HttpSurfaces.post(server.baseUrl() + "/tool/" + tool + "/call", BEARER, args);
        if (r.status() != 200) {
            throw new IllegalStateException(tool + " failed: " + r.body());
        }
        return r.json();
    }

    /** Used heap of the server (all generations), in KiB. */
    private long heapUsedKb() {
        try {
            Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd", String.valueOf(server.pid()),
                    "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            long used = 0;
            Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(out);
            while (m.find()) {
                used += Long.parseLong(m.group(1));
            }
            return used;
        } catch (Exception e) {
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
