package io.github.openstackops.mcp.audit;

import io.github.openstackops.mcp.live.ServerProcess;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.McpClients;
import io.github.openstackops.mcp.support.RedisProcess;
import io.github.openstackops.mcp.support.RoundRobinProxy;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged servers sharing a real redis-server (MCP_STATE_STORE) behind a round-robin balancer with no sticky
 * routing, driven by the official MCP Java SDK client through one URL: its session is served by both replicas in turn,
 * a destructive call previewed on one is confirmed on the other exactly once, and when one replica is killed
 * (SIGKILL) mid-run the same session goes on with the other, and every call the client saw succeed has its audit line.
 */
class ReplicasIT {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String TOKEN = "replicas-it-bearer-secret-5527";

    @TempDir
    Path dir;

    @Test
    void one_client_is_served_by_two_replicas_alternately_and_survives_losing_one() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
             FakeOpenStack fake = FakeOpenStack.start()
                     .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                     .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                     .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                     .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                     .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json")
                     .on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "",
                             Map.of()))
                     .on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> new FakeOpenStack.Reply(204, "", Map.of()))) {
            ServerProcess a = ServerProcess.http(env(fake, redis, dir.resolve("audit-a.jsonl")));
            ServerProcess b = ServerProcess.http(env(fake, redis, dir.resolve("audit-b.jsonl")));
            try (RoundRobinProxy balancer = new RoundRobinProxy(List.of(a.baseUrl(), b.baseUrl()))) {
                McpSyncClient client = McpClients.http(balancer.url(), TOKEN);
                Map<String, Object> stop = Map.of("server", WEB_1, "wait", false);
                int acknowledged = 0;
                for (int i = 0; i < 6; i++) {
                    McpSchema.CallToolResult stopped = client.callTool(new McpSchema.CallToolRequest("server_stop", stop));
                    assertThat(stopped.isError()).as(McpClients.text(stopped)).isFalse();
                    acknowledged++;
                }
                assertThat(balancer.served(0)).as("replica A served part of the session").isGreaterThanOrEqualTo(3);
                assertThat(balancer.served(1)).as("replica B served part of the session").isGreaterThanOrEqualTo(3);

                Map<String, Object> args = Map.of("server", WEB_1, "wait", false);
                McpSchema.CallToolResult preview = client.callTool(new McpSchema.CallToolRequest("server_delete", args));
                String token = (String) McpClients.structured(preview).get("confirm");
                Map<String, Object> confirmed = new HashMap<>(args);
                confirmed.put("confirm", token);
                McpSchema.CallToolResult deleted = client.callTool(new McpSchema.CallToolRequest("server_delete", confirmed));
                assertThat(deleted.isError()).as(McpClients.text(deleted)).isFalse();
                McpSchema.CallToolResult again = client.callTool(new McpSchema.CallToolRequest("server_delete", confirmed));
                assertThat(again.isError()).isTrue();
                assertThat(McpClients.text(again)).contains("already been used");
                assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);

                a.kill();
                List<Boolean> afterKill = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    boolean ok = !client.callTool(new McpSchema.CallToolRequest("server_stop", stop)).isError();
                    afterKill.add(ok);
                    acknowledged += ok ? 1 : 0;
                }
                assertThat(afterKill).as("the session goes on with replica B").containsOnly(true);

                long audited = 0;
                for (String replica : List.of("audit-a.jsonl", "audit-b.jsonl")) {
                    audited += AuditTrailTest.lines(dir.resolve(replica)).stream()
                            .filter(l -> "server_stop".equals(l.get("tool")) && "executed".equals(l.get("outcome")))
                            .count();
                }
                assertThat(audited).as("every acknowledged call has its audit line (write calls are audited)")
                        .isEqualTo(acknowledged);
                client.closeGracefully();
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static Map<String, String> env(FakeOpenStack fake, RedisProcess redis, Path audit) {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", fake.authUrl(), "OS_USERNAME", "demo",
                "OS_PASSWORD", "fake-password-0451", "OS_PROJECT_NAME", "demo", "OS_REGION_NAME", "RegionOne",
                "ALLOW_MODIFY_OPERATIONS", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN,
                "AUDIT_LOG_PATH", audit.toString(), "MCP_TOOL_MODE", "all"));
        env.put("MCP_STATE_STORE", redis.url());
        env.put("CONFIRMATION_SECRET", "replicas-it-shared-confirmation-secret-0042");
        return env;
    }
}
