package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.TsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official TypeScript v2 client ({@code @modelcontextprotocol/client} 2.4.0) against the packaged server and the
 * testbed, on both transports: negotiating protocol 2026-07-28 it discovers, lists, calls, deletes a network it made
 * after confirming over a multi-round-trip request, and subscribes; forced to 2025-11-25 (initialize and a session)
 * it lists, calls and deletes after confirming through elicitation, unchanged.
 */
class TsClientLiveIT {

    static final String TOKEN = "live-ts-bearer-" + LiveCloud.RUN;
    static final Duration TIMEOUT = Duration.ofMinutes(4);

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
        for (String network : networks) {
            LiveCloud.openstackStatus("network", "delete", network);
        }
    }

    private String network(String what) {
        String name = "ops-live-ts-" + what + "-" + LiveCloud.RUN;
        String id = LiveCloud.openstack("network", "create", name, "-f", "value", "-c", "id").strip();
        networks.add(id);
        return id;
    }

    private static Map<String, String> env() {
        Map<String, String> env = LiveCloud.demoEnv();
        env.put("ALLOW_MODIFY_OPERATIONS", "true");
        return env;
    }

    private Map<String, Object> http(String negotiation, String network) throws Exception {
        Map<String, String> env = env();
        env.put("REMOTE_AUTH_ENABLE", "true");
        env.put("REMOTE_SECRET_KEY", TOKEN);
        ServerProcess server = ServerProcess.http(env);
        cleanup.add(server);
        Map<String, Object> plan = plan(negotiation, network);
        plan.put("transport", "http");
        plan.put("url", server.baseUrl().replaceAll("/+$", "") + "/mcp");
        plan.put("token", TOKEN);
        return TsClient.run(plan, TIMEOUT);
    }

    private Map<String, Object> stdio(String negotiation, String network) {
        Map<String, Object> plan = plan(negotiation, network);
        List<String> launcher = ServerProcess.launcher("--transport", "stdio");
        Map<String, String> env = env();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/root"));
        plan.put("transport", "stdio");
        plan.put("command", launcher.getFirst());
        plan.put("args", launcher.subList(1, launcher.size()));
        plan.put("env", env);
        return TsClient.run(plan, TIMEOUT);
    }

    private static Map<String, Object> plan(String negotiation, String network) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("negotiation", negotiation);
        plan.put("elicit", true);
        plan.put("listen", true);
        plan.put("calls", List.of(Map.of("name", "network_get", "arguments", Map.of("network", network))));
        plan.put("confirm", Map.of("name", "network_delete", "arguments", Map.of("network", network), "answer", true));
        return plan;
    }

    private void assertRan(Map<String, Object> report, String version, String network) {
        assertThat(report).containsEntry("protocolVersion", version);
        assertThat(report.get("tools")).asList().contains("network_get", "network_delete");
        assertThat(report.get("calls")).asList().singleElement().asString().contains("isError=false")
                .contains(network);
        assertThat(report.get("questions")).asList().singleElement().asString().contains(network)
                .contains("Proceed?");
        assertThat(report.get("confirmed")).asString().contains("status=executed");
        assertThat(LiveCloud.openstackStatus("network", "show", network)).as("the network is gone").isNotZero();
    }

    @Test
    void over_http_the_typescript_client_negotiates_2026_07_28_and_confirms_over_a_second_round() throws Exception {
        String network = network("http26");
        Map<String, Object> report = http("auto", network);
        assertRan(report, "2026-07-28", network);
        assertThat(report.get("discover")).asString().contains("2026-07-28").contains("listChanged=true");
        assertThat(report.get("listen")).asString().contains("acknowledged");
    }

    @Test
    void over_stdio_the_typescript_client_negotiates_2026_07_28_and_confirms_over_a_second_round() {
        String network = network("stdio26");
        Map<String, Object> report = stdio("auto", network);
        assertRan(report, "2026-07-28", network);
        assertThat(report.get("discover")).asString().contains("2026-07-28");
        assertThat(report.get("listen")).asString().contains("acknowledged");
    }

    @Test
    void a_2025_11_25_client_still_works_over_http_and_stdio() throws Exception {
        String overHttp = network("http25");
        assertRan(http("legacy", overHttp), "2025-11-25", overHttp);
        String overStdio = network("stdio25");
        assertRan(stdio("legacy", overStdio), "2025-11-25", overStdio);
    }
}
