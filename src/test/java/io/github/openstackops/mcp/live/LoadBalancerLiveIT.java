package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.lines;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load-balancer tools against the testbed's real Octavia (no-op amphorae: the API, database, flows and policies
 * are real, there is no dataplane), each step checked with {@code openstack loadbalancer ...}. Everything is created
 * as demo, named i12-...-RUN and removed again (cascade) whatever happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadBalancerLiveIT {

    private static final String RUN = LiveCloud.RUN;

    private LiveTools demo;
    private final List<String> loadBalancers = new ArrayList<>();

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
    }

    @AfterAll
    void stop() {
        LiveTools.close(demo);
    }

    @AfterEach
    void cleanUp() {
        for (String lb : loadBalancers) {
            openstackStatus("loadbalancer", "delete", "--cascade", "--wait", lb);
        }
        loadBalancers.clear();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    private static JsonNode show(String... args) {
        List<String> command = new ArrayList<>(List.of("loadbalancer"));
        command.addAll(List.of(args));
        command.addAll(List.of("-f", "json"));
        return json(openstack(command.toArray(String[]::new)));
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private String createLb(String name, String subnet) {
        Map<String, Object> lb = demo.ok("loadbalancer_create", args("name", name, "subnet", subnet));
        loadBalancers.add(name);
        assertThat(lb).containsEntry("provisioning_status", "ACTIVE");
        assertThat(show("show", name).path("provisioning_status").asText()).isEqualTo("ACTIVE");
        return (String) lb.get("id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_whole_load_balancer_is_built_read_updated_and_deleted_with_a_confirmed_cascade() {
        String lbName = "i12-lb-" + RUN;
        String lbId = createLb(lbName, "private-subnet");

        Map<String, Object> listener = demo.ok("lb_listener_create", args("load_balancer", lbName,
                "name", "i12-http-" + RUN, "protocol", "http", "protocol_port", 80));
        assertThat(show("listener", "show", (String) listener.get("id")).path("protocol_port").asInt()).isEqualTo(80);

        Map<String, Object> pool = demo.ok("lb_pool_create", args("listener", listener.get("id"),
                "name", "i12-pool-" + RUN, "protocol", "http", "lb_algorithm", "round_robin"));
        String poolId = (String) pool.get("id");
        assertThat(show("pool", "show", poolId).path("lb_algorithm").asText()).isEqualTo("ROUND_ROBIN");

        // a testbed server by name: its address on the VIP subnet is looked up
        Map<String, Object> web = demo.ok("lb_member_add", args("pool", poolId, "server", "web-1",
                "protocol_port", 8080));
        String webAddress = json(openstack("server", "show", "web-1", "-f", "json", "-c", "addresses"))
                .path("addresses").path("private").get(0).asText();
        assertThat(web).containsEntry("address", webAddress).containsEntry("name", "web-1");
        demo.ok("lb_member_add", args("pool", poolId, "address", "10.0.0.250", "protocol_port", 8080,
                "name", "i12-static-" + RUN));
        assertThat(lines(openstack("loadbalancer", "member", "list", poolId, "-f", "value", "-c", "address")))
                .containsExactlyInAnyOrder(webAddress, "10.0.0.250");

        Map<String, Object> monitor = demo.ok("lb_healthmonitor_create", args("pool", poolId, "type", "http",
                "name", "i12-hm-" + RUN, "url_path", "/health", "delay", 7));
        JsonNode hm = show("healthmonitor", "show", (String) monitor.get("id"));
        assertThat(hm.path("url_path").asText()).isEqualTo("/health");
        assertThat(hm.path("delay").asInt()).isEqualTo(7);

        Map<String, Object> policy = demo.ok("lb_l7policy_create", args("listener", listener.get("id"),
                "name", "i12-l7-" + RUN, "action", "redirect_to_url", "redirect_url", "https://example.org/moved"));
        Map<String, Object> rule = demo.ok("lb_l7rule_create", args("policy", policy.get("id"), "type", "path",
                "compare_type", "starts_with", "value", "/old"));
        assertThat(show("l7policy", "show", (String) policy.get("id")).path("redirect_url").asText())
                .isEqualTo("https://example.org/moved");
        assertThat(openstack("loadbalancer", "l7rule", "list", (String) policy.get("id"), "-f", "value", "-c", "value"))
                .isEqualTo("/old");

        // the status tree: listener -> pool -> two members and the monitor
        Map<String, Object> detail = demo.ok("loadbalancer_get", args("load_balancer", lbName));
        Map<String, Object> treeListener = list(detail, "listeners").get(0);
        Map<String, Object> treePool = list(treeListener, "pools").get(0);
        assertThat(treePool).containsEntry("id", poolId);
        assertThat(list(treePool, "members")).extracting(m -> m.get("address"))
                .containsExactlyInAnyOrder(webAddress, "10.0.0.250");
        assertThat((Map<String, Object>) treePool.get("health_monitor")).containsEntry("id", monitor.get("id"));
        JsonNode cliTree = json(openstack("loadbalancer", "status", "show", lbName));
        assertThat(cliTree.path("loadbalancer").path("listeners").get(0).path("pools").get(0).path("members").size())
                .isEqualTo(2);

        assertThat(demo.ok("loadbalancer_stats", args("load_balancer", lbName))).containsEntry("id", lbId)
                .containsKeys("active_connections", "bytes_in", "bytes_out");
        assertThat(demo.ok("lb_listener_stats", args("listener", listener.get("id"))))
                .containsEntry("id", listener.get("id")).containsKey("total_connections");

        // update a member: weight and backup
        Map<String, Object> updated = demo.ok("lb_member_update", args("pool", poolId, "member", "web-1",
                "weight", 5, "backup", true));
        assertThat(updated).containsEntry("weight", 5).containsEntry("backup", true);
        JsonNode cliMember = show("member", "show", poolId, (String) web.get("id"));
        assertThat(cliMember.path("weight").asInt()).isEqualTo(5);
        assertThat(cliMember.path("backup").asBoolean()).isTrue();

        // without cascade the delete is refused, naming what is under it
        assertThat(demo.error("loadbalancer_delete", args("load_balancer", lbName)))
                .contains("cascade=true").contains("i12-http-" + RUN);

        // the cascade preview names every listener, pool, member, monitor and L7 policy that goes
        Map<String, Object> preview = demo.ok("loadbalancer_delete", args("load_balancer", lbName, "cascade", true));
        List<Map<String, Object>> resources = list((Map<String, Object>) preview.get("preview"), "resources");
        Set<String> ids = resources.stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
        assertThat(ids).contains(lbId, (String) listener.get("id"), poolId, (String) web.get("id"),
                (String) monitor.get("id"), (String) policy.get("id"));
        assertThat(resources).hasSize(7);
        assertThat(openstackStatus("loadbalancer", "show", lbName)).as("nothing happens on preview").isZero();

        Map<String, Object> gone = demo.confirmed("loadbalancer_delete", args("load_balancer", lbName,
                "cascade", true));
        assertThat(gone).containsEntry("id", lbId);
        assertThat(list(gone, "also_deleted")).hasSize(6);
        assertThat(openstackStatus("loadbalancer", "show", lbId)).isNotZero();
        assertThat(openstackStatus("loadbalancer", "pool", "show", poolId)).isNotZero();
        assertThat(rule).containsEntry("value", "/old");
    }
}
