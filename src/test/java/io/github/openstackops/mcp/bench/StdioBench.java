package io.github.openstackops.mcp.bench;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Tool calls over stdio through the launcher (as Claude Desktop runs the server): latency, throughput, cloud requests
 * and Keystone authentications per call, memory; on the fast simulated cloud and, with {@code --live}, the testbed.
 */
final class StdioBench {

    private static final int CALLS = 2000;
    private static final int CONCURRENT_CALLS = 2000;
    private static final int CONCURRENCY = 16;

    void calls(Report report) throws Exception {
        try (FakeOpenStack fake = MockClouds.fast()) {
            calls(report, fake);
        }
    }

    private void calls(Report report, FakeOpenStack fake) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", fake.authUrl(), "OS_USERNAME", "demo",
                "OS_PASSWORD", "bench-password", "OS_PROJECT_NAME", "demo", "MCP_TOOL_MODE", "all"));
        Path pidFile = Files.createTempFile("bench", ".pid");
        McpSyncClient client = McpClients.stdio(List.of("/bin/bash", "-c",
                "echo $$ > '" + pidFile + "'; exec '" + Benchmark.launcher() + "'"), env);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        long rssStart = Report.rssKb(pid);
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
        long rssEnd = Report.rssKb(pid);
        client.closeGracefully();

        report.line("## Tool calls: `server_list` (3 servers, names resolved) over stdio, mock cloud");
        report.line("");
        report.line("| measure | value |");
        report.line("|---|---|");
        report.line(String.format(Locale.ROOT, "| sequential latency p50 / p95 / p99 (%d calls) | %.2f / %.2f / %.2f ms |",
                CALLS, us[CALLS / 2] / 1000.0, us[CALLS * 95 / 100] / 1000.0, us[CALLS * 99 / 100] / 1000.0));
        report.line(String.format(Locale.ROOT, "| throughput, %d calls from %d client threads | %.0f calls/s |",
                CONCURRENT_CALLS, CONCURRENCY, CONCURRENT_CALLS / seconds));
        report.line(String.format(Locale.ROOT, "| cloud HTTP requests per call (after warm-up) | %.2f |", requestsPerCall));
        report.line(String.format(Locale.ROOT, "| Keystone authentications for %d calls | %d |",
                200 + CALLS + CONCURRENT_CALLS, fake.authentications()));
        report.line(String.format(Locale.ROOT, "| resident memory (RSS) after start / after all calls | %d / %d MiB |",
                rssStart / 1024, rssEnd / 1024));
        report.line("");
    }


    void liveCalls(Report report) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", "http://127.0.0.1:35357/v3",
                "OS_USERNAME", "demo", "OS_PASSWORD", "demo", "OS_PROJECT_NAME", "demo",
                "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default", "OS_REGION_NAME", "RegionOne",
                "MCP_TOOL_MODE", "all"));
        McpSyncClient client = McpClients.stdio(List.of(Benchmark.launcher()), env);
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
        report.line("## Live testbed: `server_list` (limit 50) over stdio against the real Nova");
        report.line("");
        report.line("| measure | value |");
        report.line("|---|---|");
        report.line(String.format(Locale.ROOT, "| latency p50 / p95 (%d calls) | %.1f / %.1f ms |", n, us[n / 2] / 1000.0,
                us[n * 95 / 100] / 1000.0));
        report.line(String.format(Locale.ROOT, "| one Keystone password authentication, p50 (what a per-call auth would add) | %.1f ms |",
                auth[auth.length / 2] / 1000.0));
        report.line("");
    }

}
