package io.github.openstackops.mcp.bench;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark harness: start-up, tool-call latency and throughput, memory, and Keystone authentications, measured
 * on the packaged server started through the launcher (as an operator runs it), against a local mock cloud serving
 * recorded responses (repeatable: no cloud latency in the numbers) and, with {@code --live}, against the testbed.
 * Prints a markdown report and writes it to bench/results/latest.md. Run: {@code bench/run [--live]}.
 */
public final class Benchmark {

    private static final int STARTS = 7;
    private static final int CALLS = 2000;
    private static final int CONCURRENT_CALLS = 2000;
    private static final int CONCURRENCY = 16;

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        boolean live = Arrays.asList(args).contains("--live");
        new Benchmark().run(live);
        System.exit(0);
    }

    private void run(boolean live) throws Exception {
        line("# openstack-ops-mcp benchmark");
        line("");
        line("- date: " + LocalDate.now() + ", JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + ")");
        line("- server: the packaged jar via `bin/openstack-ops-mcp` (stdio), mock cloud = recorded testbed responses"
                + " served from loopback with no added latency; each number is measured on this run, nothing is"
                + " asserted in tests");
        line("");
        startup();
        try (FakeOpenStack fake = mockCloud()) {
            calls(fake);
        }
        if (live) {
            liveCalls();
        }
        line("## Reading these numbers");
        line("");
        line("- Run on a shared 2-CPU VM: run `bench/run` twice on an idle machine before quoting; consecutive idle runs"
                + " of this harness agreed within about 5%.");
        line("- The mock cloud answers instantly, so the stdio numbers are the server's own overhead (JSON-RPC,"
                + " validation, schema-checked records, one HTTP round trip on loopback).");
        line("- The testbed's Keystone hashes passwords with bcrypt cost 4 (testbed/up.sh); Keystone's default is 12,"
                + " which makes each password authentication many times slower. The server authenticates once per"
                + " token lifetime either way.");
        line("");
        String text = report.toString();
        System.out.println(text);
        Path out = Path.of("bench/results/latest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    // ------------------------------------------------------------------ start-up

    private void startup() throws Exception {
        line("## Start-up: process start to the first `tools/list` answer (stdio, " + STARTS + " runs, median)");
        line("");
        line("| launch | median ms | min ms | max ms |");
        line("|---|---|---|---|");
        Path jar = jar();
        Path aot = Path.of(jar.toString().replace(".jar", ".aot"));
        String java = System.getProperty("java.home") + "/bin/java";
        measureStartup("`java -jar` (defaults)", List.of(java, "-jar", jar.toString()));
        measureStartup("launcher flags (C1 only, SerialGC), no AOT cache",
                List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-jar", jar.toString()));
        if (Files.exists(aot)) {
            measureStartup("`bin/openstack-ops-mcp` (launcher flags + JDK 25 AOT cache)", List.of(launcher()));
        } else {
            line("| launcher + AOT cache | (no cache: run bin/build-aot-cache) | | |");
        }
        line("");
    }

    private void measureStartup(String label, List<String> command) {
        Map<String, String> env = Map.of("OS_AUTH_URL", "http://127.0.0.1:9/v3", "OS_USERNAME", "bench",
                "OS_PASSWORD", "bench-password", "OS_PROJECT_NAME", "bench");
        long[] ms = new long[STARTS];
        for (int i = 0; i < STARTS; i++) {
            long start = System.nanoTime();
            McpSyncClient client = McpClients.stdio(command, env);
            client.listTools();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            client.closeGracefully();
        }
        Arrays.sort(ms);
        line(String.format(Locale.ROOT, "| %s | %d | %d | %d |", label, ms[STARTS / 2], ms[0], ms[STARTS - 1]));
    }

    // ------------------------------------------------------------------ calls on the mock cloud

    private FakeOpenStack mockCloud() {
        return FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json");
    }

    private void calls(FakeOpenStack fake) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", fake.authUrl(), "OS_USERNAME", "demo",
                "OS_PASSWORD", "bench-password", "OS_PROJECT_NAME", "demo"));
        Path pidFile = Files.createTempFile("bench", ".pid");
        McpSyncClient client = McpClients.stdio(List.of("/bin/bash", "-c",
                "echo $$ > '" + pidFile + "'; exec '" + launcher() + "'"), env);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        long rssStart = rssKb(pid);
        McpSchema.CallToolRequest list = new McpSchema.CallToolRequest("server_list", Map.of("limit", 3));
        for (int i = 0; i < 200; i++) {
            client.callTool(list); // warm-up
        }
        long requestsBefore = fake.requests().size();
        long[] us = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            McpSchema.CallToolResult result = client.callTool(list);
            us[i] = (System.nanoTime() - start) / 1000;
            if (result.isError()) {
                throw new IllegalStateException(McpClients.text(result));
            }
        }
        double requestsPerCall = (fake.requests().size() - requestsBefore) / (double) CALLS;
        Arrays.sort(us);

        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        List<CompletableFuture<McpSchema.CallToolResult>> futures = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> client.callTool(list), pool));
        }
        futures.forEach(CompletableFuture::join);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long rssEnd = rssKb(pid);
        client.closeGracefully();

        line("## Tool calls: `server_list` (3 servers, names resolved) over stdio, mock cloud");
        line("");
        line("| measure | value |");
        line("|---|---|");
        line(String.format(Locale.ROOT, "| sequential latency p50 / p95 / p99 (%d calls) | %.2f / %.2f / %.2f ms |",
                CALLS, us[CALLS / 2] / 1000.0, us[CALLS * 95 / 100] / 1000.0, us[CALLS * 99 / 100] / 1000.0));
        line(String.format(Locale.ROOT, "| throughput, %d calls from %d client threads | %.0f calls/s |",
                CONCURRENT_CALLS, CONCURRENCY, CONCURRENT_CALLS / seconds));
        line(String.format(Locale.ROOT, "| cloud HTTP requests per call (after warm-up) | %.2f |", requestsPerCall));
        line(String.format(Locale.ROOT, "| Keystone authentications for %d calls | %d |",
                200 + CALLS + CONCURRENT_CALLS, fake.authentications()));
        line(String.format(Locale.ROOT, "| resident memory (RSS) after start / after all calls | %d / %d MiB |",
                rssStart / 1024, rssEnd / 1024));
        line("");
    }

    // ------------------------------------------------------------------ the real testbed

    private void liveCalls() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", "http://127.0.0.1:35357/v3",
                "OS_USERNAME", "demo", "OS_PASSWORD", "demo", "OS_PROJECT_NAME", "demo",
                "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default", "OS_REGION_NAME", "RegionOne"));
        McpSyncClient client = McpClients.stdio(List.of(launcher()), env);
        McpSchema.CallToolRequest list = new McpSchema.CallToolRequest("server_list", Map.of("limit", 50));
        for (int i = 0; i < 20; i++) {
            client.callTool(list);
        }
        int n = 200;
        long[] us = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            client.callTool(list);
            us[i] = (System.nanoTime() - start) / 1000;
        }
        client.closeGracefully();
        Arrays.sort(us);
        long[] auth = new long[20];
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\","
                + "\"domain\":{\"name\":\"Default\"},\"password\":\"demo\"}}},\"scope\":{\"project\":{\"name\":\"demo\","
                + "\"domain\":{\"name\":\"Default\"}}}}}";
        for (int i = 0; i < auth.length; i++) {
            long start = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:35357/v3/auth/tokens"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            auth[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(auth);
        line("## Live testbed: `server_list` (limit 50) over stdio against the real Nova");
        line("");
        line("| measure | value |");
        line("|---|---|");
        line(String.format(Locale.ROOT, "| latency p50 / p95 (%d calls) | %.1f / %.1f ms |", n, us[n / 2] / 1000.0,
                us[n * 95 / 100] / 1000.0));
        line(String.format(Locale.ROOT, "| one Keystone password authentication, p50 (what a per-call auth would add) | %.1f ms |",
                auth[auth.length / 2] / 1000.0));
        line("");
    }

    // ------------------------------------------------------------------ helpers

    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("openstack-ops-mcp-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("build the jar first"));
        }
    }

    private static String launcher() {
        return Path.of("bin/openstack-ops-mcp").toAbsolutePath().toString();
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
