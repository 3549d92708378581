package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.live.ServerProcess;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.RedisProcess;
import io.github.openstackops.mcp.support.RoundRobinProxy;
import io.github.openstackops.mcp.support.TsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged servers sharing a real redis-server (MCP_STATE_STORE) behind a round-robin balancer with no sticky
 * routing, driven through one URL by the official TypeScript v2 client negotiating protocol 2026-07-28: with no
 * session, its requests land on both replicas in turn without error, and a destructive call asked on one replica is
 * answered on the other and runs exactly once.
 */
class StatelessReplicasIT {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String TOKEN = "stateless-replicas-it-bearer-7741";

    @Test
    void one_2026_client_is_served_by_two_replicas_alternately_and_confirms_across_them() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
             FakeOpenStack fake = FakeOpenStack.start()
                     .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                     .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                     .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                     .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                     .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                     .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                     .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json")
                     .on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "",
                             Map.of()))
                     .on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> new FakeOpenStack.Reply(204, "", Map.of()))) {
            ServerProcess a = ServerProcess.http(env(fake, redis));
            ServerProcess b = ServerProcess.http(env(fake, redis));
            try (RoundRobinProxy balancer = new RoundRobinProxy(List.of(a.baseUrl(), b.baseUrl()))) {
                List<Map<String, Object>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(Map.of("name", "server_stop", "arguments", Map.of("server", WEB_1, "wait", false)));
                }
                Map<String, Object> plan = new HashMap<>();
                plan.put("transport", "http");
                plan.put("url", balancer.url().replaceAll("/+$", "") + "/mcp");
                plan.put("token", TOKEN);
                plan.put("negotiation", "auto");
                plan.put("elicit", true);
                plan.put("calls", calls);
                plan.put("confirm", Map.of("name", "server_delete", "arguments", Map.of("server", WEB_1, "wait", false),
                        "answer", true));

                Map<String, Object> report = TsClient.run(plan, Duration.ofMinutes(3));

                assertThat(report).containsEntry("protocolVersion", "2026-07-28").containsEntry("era", "modern");
                assertThat(report.get("calls")).asList().hasSize(6)
                        .allSatisfy(c -> assertThat(c).asString().contains("isError=false"));
                assertThat(report.get("questions")).asList().singleElement().asString().contains("Proceed?");
                assertThat(report.get("confirmed")).asString().contains("status=executed");
                assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);
                assertThat(balancer.served(0)).as("replica A served part of the requests").isGreaterThanOrEqualTo(4);
                assertThat(balancer.served(1)).as("replica B served part of the requests").isGreaterThanOrEqualTo(4);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static Map<String, String> env(FakeOpenStack fake, RedisProcess redis) {
        Map<String, String> env = new HashMap<>(Map.of("OS_AUTH_URL", fake.authUrl(), "OS_USERNAME", "demo",
                "OS_PASSWORD", "fake-password-0451", "OS_PROJECT_NAME", "demo", "OS_REGION_NAME", "RegionOne",
                "ALLOW_MODIFY_OPERATIONS", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN,
                "MCP_TOOL_MODE", "all"));
        env.put("MCP_STATE_STORE", redis.url());
        env.put("CONFIRMATION_SECRET", "stateless-replicas-it-shared-secret-0077");
        return env;
    }
}
