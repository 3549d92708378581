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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static Set<String> addresses(String pool) {
        return lines(openstack("loadbalancer", "member", "list", pool, "-f", "value", "-c", "address"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_object_is_listed_read_updated_and_deleted_one_by_one_with_the_guard_rails() {
        String lbName = "i12-lb2-" + RUN;
        String lbId = createLb(lbName, "private-subnet");
        assertThat(list(demo.ok("loadbalancer_list", args("name", lbName)), "load_balancers"))
                .singleElement().satisfies(lb -> assertThat(lb).containsEntry("id", lbId));
        demo.ok("loadbalancer_update", args("load_balancer", lbName, "description", "i12 two"));
        assertThat(show("show", lbId).path("description").asText()).isEqualTo("i12 two");

        String tcp = (String) demo.ok("lb_listener_create", args("load_balancer", lbId, "name", "i12-tcp-" + RUN,
                "protocol", "tcp", "protocol_port", 8443)).get("id");
        assertThat(list(demo.ok("lb_listener_list", args("load_balancer", lbName)), "listeners")).hasSize(1);
        assertThat(demo.ok("lb_listener_get", args("listener", tcp))).containsEntry("protocol", "TCP");
        demo.ok("lb_listener_update", args("listener", tcp, "connection_limit", 100));
        assertThat(show("listener", "show", tcp).path("connection_limit").asInt()).isEqualTo(100);

        String pool = (String) demo.ok("lb_pool_create", args("listener", tcp, "name", "i12-p2-" + RUN,
                "protocol", "tcp", "lb_algorithm", "least_connections")).get("id");
        assertThat(list(demo.ok("lb_pool_list", args("load_balancer", lbId)), "pools")).hasSize(1);
        assertThat(demo.ok("lb_pool_get", args("pool", pool))).containsEntry("lb_algorithm", "LEAST_CONNECTIONS");
        demo.ok("lb_pool_update", args("pool", pool, "lb_algorithm", "source_ip"));
        assertThat(show("pool", "show", pool).path("lb_algorithm").asText()).isEqualTo("SOURCE_IP");

        String m1 = (String) demo.ok("lb_member_add", args("pool", pool, "address", "10.0.0.201",
                "protocol_port", 8443)).get("id");
        String m2 = (String) demo.ok("lb_member_add", args("pool", pool, "address", "10.0.0.202",
                "protocol_port", 8443)).get("id");
        assertThat(list(demo.ok("lb_member_list", args("pool", pool)), "members")).hasSize(2);
        assertThat(demo.ok("lb_member_get", args("pool", pool, "member", m1))).containsEntry("address", "10.0.0.201");
        // one member may go; the last one taking traffic of a pool a listener uses stays unless asked
        demo.confirmed("lb_member_remove", args("pool", pool, "member", m2));
        assertThat(addresses(pool)).containsExactly("10.0.0.201");
        assertThat(demo.error("lb_member_remove", args("pool", pool, "member", m1))).contains("last member");
        assertThat(addresses(pool)).containsExactly("10.0.0.201");
        Map<String, Object> replaced = demo.confirmed("lb_member_replace", args("pool", pool, "members", List.of(
                Map.of("address", "10.0.0.203", "protocol_port", 8443),
                Map.of("address", "10.0.0.204", "protocol_port", 8443, "weight", 3))));
        assertThat((List<String>) replaced.get("removed")).containsExactly("10.0.0.201:8443");
        assertThat(addresses(pool)).containsExactlyInAnyOrder("10.0.0.203", "10.0.0.204");

        String hm = (String) demo.ok("lb_healthmonitor_create", args("pool", pool, "type", "tcp")).get("id");
        assertThat(list(demo.ok("lb_healthmonitor_list", args("pool", pool)), "health_monitors")).hasSize(1);
        assertThat(demo.ok("lb_healthmonitor_get", args("health_monitor", hm))).containsEntry("type", "TCP");
        demo.ok("lb_healthmonitor_update", args("health_monitor", hm, "delay", 15));
        assertThat(show("healthmonitor", "show", hm).path("delay").asInt()).isEqualTo(15);
        demo.confirmed("lb_healthmonitor_delete", args("health_monitor", hm));
        assertThat(openstackStatus("loadbalancer", "healthmonitor", "show", hm)).isNotZero();

        String http = (String) demo.ok("lb_listener_create", args("load_balancer", lbId, "name", "i12-web-" + RUN,
                "protocol", "http", "protocol_port", 80)).get("id");
        String policy = (String) demo.ok("lb_l7policy_create", args("listener", http, "action", "reject",
                "name", "i12-deny-" + RUN)).get("id");
        assertThat(list(demo.ok("lb_l7policy_list", args("listener", http)), "policies")).hasSize(1);
        demo.ok("lb_l7policy_update", args("policy", policy, "action", "redirect_to_url",
                "redirect_url", "https://example.org/denied"));
        assertThat(show("l7policy", "show", policy).path("redirect_url").asText()).isEqualTo("https://example.org/denied");
        String rule = (String) demo.ok("lb_l7rule_create", args("policy", policy, "type", "header", "key", "X-Env",
                "compare_type", "equal_to", "value", "test")).get("id");
        assertThat(list(demo.ok("lb_l7rule_list", args("policy", policy)), "rules")).hasSize(1);
        assertThat(demo.ok("lb_l7rule_get", args("policy", policy, "rule", rule))).containsEntry("key", "X-Env");
        demo.ok("lb_l7rule_update", args("policy", policy, "rule", rule, "value", "staging"));
        assertThat(show("l7rule", "show", policy, rule).path("value").asText()).isEqualTo("staging");
        assertThat(list(demo.ok("lb_l7policy_get", args("policy", policy)), "rules")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("value", "staging"));
        demo.confirmed("lb_l7rule_delete", args("policy", policy, "rule", rule));
        assertThat(openstack("loadbalancer", "l7rule", "list", policy, "-f", "value", "-c", "id")).isEmpty();
        demo.confirmed("lb_l7policy_delete", args("policy", policy));
        assertThat(openstackStatus("loadbalancer", "l7policy", "show", policy)).isNotZero();
        demo.confirmed("lb_listener_delete", args("listener", http));
        assertThat(openstackStatus("loadbalancer", "listener", "show", http)).isNotZero();
        demo.confirmed("lb_pool_delete", args("pool", pool));
        assertThat(openstackStatus("loadbalancer", "pool", "show", pool)).isNotZero();

        // failover is admin's: demo is refused by Octavia's policy, admin gets it back to ACTIVE
        assertThat(demo.error("loadbalancer_failover", args("load_balancer", lbId))).isNotBlank();
        try (LiveTools admin = LiveTools.admin()) {
            assertThat(admin.ok("loadbalancer_failover", args("load_balancer", lbId)))
                    .containsEntry("provisioning_status", "ACTIVE");
        }
        demo.confirmed("loadbalancer_delete", args("load_balancer", lbId, "cascade", true));
        assertThat(openstackStatus("loadbalancer", "show", lbId)).isNotZero();
    }

    @Test
    void a_sensitive_port_on_a_public_vip_needs_allowed_cidrs_and_nothing_changes_with_modify_off() {
        String lbName = "i12-pub-" + RUN;
        demo.ok("loadbalancer_create", args("name", lbName, "network", "public"));
        loadBalancers.add(lbName);
        assertThat(demo.error("lb_listener_create", args("load_balancer", lbName, "name", "i12-ssh-" + RUN,
                "protocol", "tcp", "protocol_port", 22))).contains("ALLOW_WORLD_OPEN_INGRESS").contains("SSH");
        assertThat(openstack("loadbalancer", "listener", "list", "--loadbalancer", lbName, "-f", "value", "-c", "id"))
                .isEmpty();
        Map<String, Object> narrow = demo.ok("lb_listener_create", args("load_balancer", lbName,
                "name", "i12-ssh-" + RUN, "protocol", "tcp", "protocol_port", 22, "allowed_cidrs",
                List.of("192.0.2.0/24")));
        assertThat(show("listener", "show", (String) narrow.get("id")).path("allowed_cidrs").toString())
                .contains("192.0.2.0/24");

        try (LiveTools readOnly = LiveTools.with(LiveCloud.demoEnv(), false)) {
            Set<String> offered = readOnly.client().listTools().tools().stream().map(McpSchema.Tool::name)
                    .collect(Collectors.toSet());
            assertThat(offered).contains("loadbalancer_list", "loadbalancer_get", "lb_member_list")
                    .doesNotContain("loadbalancer_create", "loadbalancer_delete", "lb_member_add", "lb_member_remove",
                            "lb_listener_update", "lb_l7policy_create", "loadbalancer_failover");
            assertThatThrownBy(() -> readOnly.call("loadbalancer_delete", args("load_balancer", lbName,
                    "cascade", true))).hasMessageContaining("Unknown tool");
        }
        assertThat(openstackStatus("loadbalancer", "show", lbName)).isZero();
    }
}
