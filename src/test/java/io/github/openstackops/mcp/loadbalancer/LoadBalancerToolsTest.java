package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Load balancers (list, get with status tree, stats, delete) and the guard rails, on the recorded web-lb. */
class LoadBalancerToolsTest extends LbToolsTestBase {

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
    void loadbalancer_create_puts_the_vip_on_the_subnet_and_waits_until_active() {
        String subnet = "ca202109-037d-462a-b9e0-6875e5742ad8";
        fake.on("GET", "/network/v2.0/subnets/" + subnet, 200, "network/subnet-private.json");
        on("POST", L + "/loadbalancers", "loadbalancer-web-lb.json");

        Map<String, Object> lb = tools.ok("loadbalancer_create", Map.of("name", "web-lb", "subnet", subnet,
                "vip_address", "10.0.0.99", "availability_zone", "h12-az"));

        JsonNode sent = body("POST", L + "/loadbalancers").path("loadbalancer");
        assertThat(sent.path("vip_subnet_id").asText()).isEqualTo(subnet);
        assertThat(sent.path("vip_address").asText()).isEqualTo("10.0.0.99");
        assertThat(sent.path("availability_zone").asText()).isEqualTo("h12-az");
        assertThat(lb).containsEntry("id", lbId).containsEntry("provisioning_status", "ACTIVE");
        assertThat(list(lb, "listeners")).isNotEmpty();
        assertThat(tools.error("loadbalancer_create", Map.of("name", "x"))).contains("exactly one of subnet");
    }

    @Test
    void loadbalancer_update_sends_only_the_given_fields() {
        on("PUT", L + "/loadbalancers/" + lbId, "loadbalancer-web-lb.json");

        Map<String, Object> lb = tools.ok("loadbalancer_update", Map.of("load_balancer", "web-lb",
                "description", "front door", "tags", List.of("web")));

        assertThat(body("PUT", L + "/loadbalancers/" + lbId).toString())
                .isEqualTo("{\"loadbalancer\":{\"description\":\"front door\",\"tags\":[\"web\"]}}");
        assertThat(lb).containsEntry("id", lbId);
        assertThat(tools.error("loadbalancer_update", Map.of("load_balancer", "web-lb"))).contains("Nothing to change");
    }

    @Test
    void without_octavia_in_the_catalog_the_tools_say_so() {
        try (ToolHarness plain = ToolHarness.on(FakeOpenStack.start()).start()) {
            assertThat(plain.error("loadbalancer_list", Map.of())).contains("no load-balancer (Octavia) service");
        }
    }
}
