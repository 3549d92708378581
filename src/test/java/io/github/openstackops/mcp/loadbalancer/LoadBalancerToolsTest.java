package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load-balancer tools against Octavia responses recorded from the testbed's seeded web-lb
 * (testbed/record/loadbalancer.sh): listener web-http, pool web-pool with members web-1 and db-1, monitor web-hm.
 */
class LoadBalancerToolsTest {

    static final String L = "/load-balancer/v2/lbaas";
    static final ObjectMapper JSON = new ObjectMapper();

    private FakeOpenStack fake;
    private ToolHarness tools;
    private String lbId;
    private String poolId;
    private final AtomicBoolean deleted = new AtomicBoolean();

    private JsonNode tree(String file) {
        try {
            return JSON.readTree(fake.recorded("loadbalancer/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start().token("loadbalancer/token-demo.json");
        lbId = tree("loadbalancer-web-lb.json").path("loadbalancer").path("id").asText();
        poolId = tree("pool-web-pool.json").path("pool").path("id").asText();
        String listenerId = tree("listener-web-http.json").path("listener").path("id").asText();
        // later routes win: any other load balancer is not found
        fake.on("GET", L + "/loadbalancers/[0-9a-f-]+", 404, "loadbalancer/loadbalancer-404.json")
                .on("GET", L + "/loadbalancers", r -> FakeOpenStack.Reply.json(200, fake.recorded(
                        r.query().contains("name=web-lb") ? "loadbalancer/loadbalancers-web-lb.json"
                                : "loadbalancer/loadbalancers.json")))
                .on("GET", L + "/loadbalancers/" + lbId, r -> deleted.get()
                        ? FakeOpenStack.Reply.json(404, fake.recorded("loadbalancer/loadbalancer-404.json"))
                        : FakeOpenStack.Reply.json(200, fake.recorded("loadbalancer/loadbalancer-web-lb.json")))
                .on("GET", L + "/loadbalancers/" + lbId + "/status", 200, "loadbalancer/status-web-lb.json")
                .on("GET", L + "/loadbalancers/" + lbId + "/stats", 200, "loadbalancer/stats-web-lb.json")
                .on("GET", L + "/listeners", 200, "loadbalancer/listeners-web-lb.json")
                .on("GET", L + "/listeners/" + listenerId, 200, "loadbalancer/listener-web-http.json")
                .on("GET", L + "/l7policies", 200, "loadbalancer/l7policies-web-http.json")
                .on("GET", L + "/pools", 200, "loadbalancer/pools-web-lb.json")
                .on("GET", L + "/pools/" + poolId, 200, "loadbalancer/pool-web-pool.json")
                .on("GET", L + "/pools/" + poolId + "/members", 200, "loadbalancer/members-web-pool.json");
        tools = ToolHarness.on(fake).allowModify().property("openstack.poll-interval", "10ms").start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> result, String key) {
        return (Map<String, Object>) result.get(key);
    }

    @Test
    void loadbalancer_list_filters_and_pages_in_octavia() {
        Map<String, Object> page = tools.ok("loadbalancer_list", Map.of("name", "web-lb", "limit", 5,
                "provisioning_status", "active"));

        List<String> query = FakeOpenStack.queryParams(fake.requests("GET", L + "/loadbalancers").get(0));
        assertThat(query).contains("name=web-lb", "provisioning_status=ACTIVE", "limit=6");
        assertThat(list(page, "load_balancers")).singleElement().satisfies(lb -> assertThat(lb)
                .containsEntry("id", lbId).containsEntry("vip_address", "198.51.100.1")
                .containsEntry("provisioning_status", "ACTIVE").containsEntry("listeners", 1));
        assertThat(page).doesNotContainKey("next_marker");
    }

    @Test
    void loadbalancer_get_shows_the_status_tree_down_to_members_and_names_what_is_not_online() {
        Map<String, Object> lb = tools.ok("loadbalancer_get", Map.of("load_balancer", "web-lb"));

        Map<String, Object> listener = list(lb, "listeners").get(0);
        assertThat(listener).containsEntry("name", "web-http");
        Map<String, Object> pool = list(listener, "pools").get(0);
        assertThat(pool).containsEntry("id", poolId);
        assertThat(map(pool, "health_monitor")).containsEntry("name", "web-hm").containsEntry("type", "HTTP");
        assertThat(list(pool, "members")).extracting(m -> m.get("name")).containsExactlyInAnyOrder("web-1", "db-1");
        // the no-op amphorae never report: the load balancer and its listener stay OFFLINE
        assertThat((List<String>) lb.get("degraded")).anySatisfy(d -> assertThat(d)
                .startsWith("load balancer 'web-lb'").contains("OFFLINE"));
    }

    @Test
    void stats_are_numbers() {
        assertThat(tools.ok("loadbalancer_stats", Map.of("load_balancer", lbId))).containsEntry("id", lbId)
                .containsEntry("name", "web-lb").containsEntry("active_connections", 0L)
                .containsEntry("bytes_in", 0L);
    }

    @Test
    void an_unknown_load_balancer_is_a_clear_not_found() {
        assertThat(tools.error("loadbalancer_get", Map.of("load_balancer", "00000000-0000-0000-0000-000000000000")))
                .contains("00000000-0000-0000-0000-000000000000").doesNotContain("Exception");
    }

    @Test
    void delete_without_cascade_is_refused_and_the_cascade_preview_names_everything_that_goes() {
        assertThat(tools.error("loadbalancer_delete", Map.of("load_balancer", "web-lb")))
                .contains("cascade=true").contains("listener 'web-http'").contains("pool 'web-pool'");

        Map<String, Object> envelope = tools.ok("loadbalancer_delete", Map.of("load_balancer", "web-lb",
                "cascade", true));
        assertThat(envelope).containsEntry("status", "preview");
        assertThat(fake.count("DELETE", ".*")).isZero();
        List<Map<String, Object>> resources = list(map(envelope, "preview"), "resources");
        assertThat(resources).extracting(r -> r.get("type")).containsExactlyInAnyOrder("load_balancer", "listener",
                "pool", "health_monitor", "member", "member");

        fake.on("DELETE", L + "/loadbalancers/" + lbId, r -> {
            deleted.set(true);
            return new FakeOpenStack.Reply(204, "", Map.of());
        });
        Map<String, Object> done = tools.confirmed("loadbalancer_delete", Map.of("load_balancer", "web-lb",
                "cascade", true));
        assertThat(FakeOpenStack.queryParams(fake.requests("DELETE", L + "/loadbalancers/" + lbId).get(0)))
                .containsExactly("cascade=true");
        assertThat(done).containsEntry("id", lbId);
        assertThat((String) done.get("message")).contains("is deleted");
        assertThat(list(done, "also_deleted")).hasSize(5);
    }

    @Test
    void the_last_member_taking_traffic_of_a_pool_in_use_is_kept_unless_asked() {
        ObjectNode members = (ObjectNode) tree("members-web-pool.json");
        ((ArrayNode) members.path("members")).remove(1);
        fake.on("GET", L + "/pools/" + poolId + "/members", r -> FakeOpenStack.Reply.json(200, members.toString()));
        String webId = members.path("members").get(0).path("id").asText();

        assertThat(tools.error("lb_member_remove", Map.of("pool", "web-pool", "member", "web-1")))
                .contains("last member").contains("allow_last_serving=true");
        fake.on("GET", L + "/pools/" + poolId + "/members/" + webId, r -> FakeOpenStack.Reply.json(200,
                "{\"member\": " + members.path("members").get(0) + "}"));

        Map<String, Object> envelope = tools.ok("lb_member_remove", Map.of("pool", "web-pool", "member", webId,
                "allow_last_serving", true));
        assertThat(envelope).containsEntry("status", "preview");
    }

    @Test
    void without_octavia_in_the_catalog_the_tools_say_so() {
        try (ToolHarness plain = ToolHarness.on(FakeOpenStack.start()).start()) {
            assertThat(plain.error("loadbalancer_list", Map.of())).contains("no load-balancer (Octavia) service");
        }
    }
}
