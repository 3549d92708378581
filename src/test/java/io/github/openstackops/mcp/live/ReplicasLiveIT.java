package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.McpClients;
import io.github.openstackops.mcp.support.RawMcp;
import io.github.openstackops.mcp.support.RedisProcess;
import io.github.openstackops.mcp.support.RoundRobinProxy;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's replicas, live: two packaged servers on loopback, started as an operator starts them with the demo
 * identity and ALLOW_MODIFY_OPERATIONS=true, sharing one redis-server (MCP_STATE_STORE) and no sticky routing, against
 * the testbed; every effect is checked with the openstack CLI. A destructive call previewed on replica A is confirmed
 * on replica B once and its token is refused on both afterwards; a rate limit of N per minute holds across both; one
 * MCP session (the SDK client through a round-robin balancer) is served by both; and when replica A is killed
 * (SIGKILL) in the middle of a run, the session goes on with B and every acknowledged call has its audit line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasLiveIT {

    static final String SECRET = "live-replicas-" + LiveCloud.RUN + "-0123456789abcdef";

    private final String name = "ops-live-replicas-" + LiveCloud.RUN;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();
    private Path dir;
    private RedisProcess redis;
    private ServerProcess a;
    private ServerProcess b;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("replicas-live");
        redis = RedisProcess.start();
        closing.add(redis);
        a = replica("audit-a.jsonl", Map.of());
        b = replica("audit-b.jsonl", Map.of());
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : closing.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        networks.forEach(n -> openstackStatus("network", "delete", n));
    }

    private ServerProcess replica(String audit, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("ALLOW_MODIFY_OPERATIONS", "true");
        env.put("REMOTE_AUTH_ENABLE", "true");
        env.put("REMOTE_SECRET_KEY", SECRET);
        env.put("AUDIT_LOG_PATH", dir.resolve(audit).toString());
        env.put("MCP_STATE_STORE", redis.url());
        env.put("CONFIRMATION_SECRET", "live-replicas-shared-confirmation-secret-" + LiveCloud.RUN);
        env.putAll(extra);
        ServerProcess server = ServerProcess.http(env);
        closing.add(server);
        return server;
    }

    private String network(String suffix) {
        String n = name + "-" + suffix;
        networks.add(n);
        return openstack("network", "create", n, "-f", "value", "-c", "id");
    }

    private McpSyncClient mcp(String url) {
        McpSyncClient client = McpClients.http(url, SECRET);
        closing.add(client::closeGracefully);
        return client;
    }

    @Test
    @Order(1)
    void a_destructive_call_previewed_on_a_is_confirmed_on_b_once_and_its_token_is_refused_on_both_afterwards() {
        String id = network("del");
        Map<String, Object> args = Map.of("network", id);

        Response preview = HttpSurfaces.post(a.baseUrl() + "/openapi/network_delete", SECRET, args);
        assertThat(preview.json()).as(preview.body()).containsEntry("status", "preview");
        assertThat(openstackStatus("network", "show", id)).as("a preview deletes nothing").isZero();
        Map<String, Object> confirmed = new HashMap<>(args);
        confirmed.put("confirm", preview.json().get("confirm"));

        Response done = HttpSurfaces.post(b.baseUrl() + "/openapi/network_delete", SECRET, confirmed);

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json()).containsEntry("status", "executed");
        assertThat(openstackStatus("network", "show", id)).as("the CLI no longer finds it").isNotZero();
        for (ServerProcess replica : List.of(a, b)) {
            Response again = HttpSurfaces.post(replica.baseUrl() + "/tool/network_delete/call", SECRET, confirmed);
            assertThat(again.body()).as("replayed on " + replica.baseUrl()).contains("already been used");
        }
        // the same token on the MCP surface of A: refused too
        McpSchema.CallToolResult replay = mcp(a.baseUrl()).callTool(new McpSchema.CallToolRequest("network_delete",
                confirmed));
        assertThat(replay.isError()).isTrue();
        assertThat(McpClients.text(replay)).contains("already been used");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void one_mcp_session_is_served_by_both_replicas_and_reads_what_the_cli_sees() throws Exception {
        String privateId = openstack("network", "show", "private", "-f", "value", "-c", "id");
        Map<String, String> truth = new HashMap<>();
        for (String line : openstack("server", "list", "-f", "value", "-c", "ID", "-c", "Name").split("\n")) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 2) {
                truth.put(parts[0], parts[1]);
            }
        }
        try (RoundRobinProxy balancer = new RoundRobinProxy(List.of(a.baseUrl(), b.baseUrl()))) {
            McpSyncClient client = mcp(balancer.url());
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("network_get",
                    "network_delete");
            for (int i = 0; i < 4; i++) {
                McpSchema.CallToolResult got = client.callTool(new McpSchema.CallToolRequest("network_get",
                        Map.of("network", "private")));
                assertThat(got.isError()).as(McpClients.text(got)).isFalse();
                assertThat(McpClients.structured(got)).containsEntry("id", privateId);
            }
            McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("server_list",
                    Map.of("limit", 200)));
            assertThat(listed.isError()).as(McpClients.text(listed)).isFalse();
            TeamSurfacesLiveIT.sameServers("session through the balancer",
                    TeamSurfacesLiveIT.idsToNames(McpClients.structured(listed)), truth);

            assertThat(balancer.served(0)).as("replica A served part of the session").isGreaterThanOrEqualTo(3);
            assertThat(balancer.served(1)).as("replica B served part of the session").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    @Order(3)
    void a_rate_limit_of_n_per_minute_holds_across_both_replicas() throws Exception {
        int n = 3;
        ServerProcess limitedA = replica("audit-limited-a.jsonl", Map.of("MCP_RATE_LIMIT_PER_MINUTE", "" + n));
        ServerProcess limitedB = replica("audit-limited-b.jsonl", Map.of("MCP_RATE_LIMIT_PER_MINUTE", "" + n));
        String privateId = openstack("network", "show", "private", "-f", "value", "-c", "id");
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i <= n; i++) {
            ServerProcess replica = i % 2 == 0 ? limitedA : limitedB;
            Response r = HttpSurfaces.post(replica.baseUrl() + "/tool/network_get/call", SECRET,
                    Map.of("network", "private"));
            statuses.add(r.status());
            if (r.status() == 200) {
                assertThat(r.body()).contains(privateId);
            } else {
                refused = r;
            }
        }

        assertThat(statuses).as("N calls in total succeed, alternating A and B; the N+1st is refused")
                .containsExactly(200, 200, 200, 429);
        assertThat(refused.body()).contains("Too many tool calls").contains(n + " per minute");
        assertThat(refused.header("Retry-After")).isNotBlank();
        // opening an MCP session counts too: the same bucket refuses it on either replica
        for (ServerProcess replica : List.of(limitedA, limitedB)) {
            Response session = RawMcp.post(replica.baseUrl(), SECRET, null, RawMcp.INITIALIZE);
            assertThat(session.status()).as(session.body()).isEqualTo(429);
        }
        limitedA.close();
        limitedB.close();
    }

    @Test
    @Order(4)
    void killing_a_replica_mid_run_loses_no_acknowledged_call_and_no_audit_line() throws Exception {
        String id = network("kill");
        List<String> acknowledged = new ArrayList<>();
        try (RoundRobinProxy balancer = new RoundRobinProxy(List.of(a.baseUrl(), b.baseUrl()))) {
            McpSyncClient client = mcp(balancer.url());
            for (int i = 0; i < 12; i++) {
                if (i == 6) {
                    a.kill();
                }
                String description = name + "-call-" + i;
                McpSchema.CallToolResult updated = client.callTool(new McpSchema.CallToolRequest("network_update",
                        Map.of("network", id, "description", description)));
                assertThat(updated.isError()).as("call %d (%s)", i, McpClients.text(updated)).isFalse();
                acknowledged.add(description);
            }
            assertThat(balancer.served(0)).as("replica A served calls before it was killed").isGreaterThan(0);
        }
        assertThat(openstack("network", "show", id, "-f", "value", "-c", "description"))
                .isEqualTo(acknowledged.getLast());

        List<Object> audited = new ArrayList<>();
        for (String replica : List.of("audit-a.jsonl", "audit-b.jsonl")) {
            for (Map<String, Object> line : lines(dir.resolve(replica))) {
                if ("network_update".equals(line.get("tool")) && "executed".equals(line.get("outcome"))
                        && line.get("arguments") instanceof Map<?, ?> arguments) {
                    audited.add(arguments.get("description"));
                }
            }
        }
        assertThat(audited).as("every acknowledged call has exactly one audit line, on A or on B")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    static List<Map<String, Object>> lines(Path audit) throws IOException {
        if (!Files.exists(audit)) {
            return List.of();
        }
        return Files.readAllLines(audit).stream().filter(l -> !l.isBlank())
                .map(l -> HttpSurfaces.read(l, new TypeReference<Map<String, Object>>() { })).toList();
    }
}
