package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.McpClients;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.openstackops.mcp.support.Jwts.claims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that declares elicitation and never answers holds no call slot while the question is open, and one caller
 * can keep only a few questions open at once (further destructive calls get a preview and a confirmation token).
 */
class ElicitationBudgetTest {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        never.countDown();
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void unanswered_elicitations_do_not_starve_other_callers_and_are_capped_per_caller() throws Exception {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json");
        closing.add(fake);
        EmbeddedServer server = HttpSurfaces.start(fake, Map.of("MCP_TRANSPORT", "streamable-http",
                "ALLOW_MODIFY_OPERATIONS", "true", "MCP_JWT_SECRET", Jwts.SECRET,
                "MCP_MAX_CONCURRENT_CALLS", "2", "MCP_MAX_PENDING_ELICITATIONS", "2", "MCP_TOOL_MODE", "all"));
        closing.add(server.getApplicationContext());
        String base = server.getURL().toString();
        String silent = Jwts.hs256(claims("silent", "openstack:write").build());
        String other = Jwts.hs256(claims("other", "openstack:read").build());

        AtomicInteger asked = new AtomicInteger();
        McpSyncClient mute = McpClients.http(base, silent, spec -> spec
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    asked.incrementAndGet();
                    try {
                        never.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null, null);
                }));
        closing.add(mute::closeGracefully);
        // own threads: the client runs its elicitation handler on the common pool, which has one thread on 2 cores
        var calls = java.util.concurrent.Executors.newFixedThreadPool(2);
        closing.add(calls::shutdownNow);
        List<CompletableFuture<McpSchema.CallToolResult>> open = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            open.add(CompletableFuture.supplyAsync(() -> mute.callTool(new McpSchema.CallToolRequest("server_delete",
                    Map.of("server", WEB_1))), calls));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (asked.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(asked.get()).as("questions open; the calls: " + open).isEqualTo(2);

        McpSyncClient reader = McpClients.http(base, other);
        closing.add(reader::closeGracefully);
        long start = System.nanoTime();
        McpSchema.CallToolResult listed = reader.callTool(new McpSchema.CallToolRequest("server_list", Map.of("limit", 1)));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(listed.isError()).as(McpClients.text(listed)).isFalse();
        assertThat(tookMs).as("another caller's read while two questions are open").isLessThan(10_000);

        McpSchema.CallToolResult third = mute.callTool(new McpSchema.CallToolRequest("server_delete", Map.of("server", WEB_1)));
        assertThat(asked.get()).as("no third question for the same caller").isEqualTo(2);
        assertThat((Map<String, Object>) third.structuredContent()).containsEntry("status", "preview")
                .containsKey("confirm");
        assertThat(fake.count("DELETE", ".*")).isZero();
    }
}
