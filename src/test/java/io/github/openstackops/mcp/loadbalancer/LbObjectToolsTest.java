package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Listeners, pools and health monitors of the recorded web-lb: read, create, update, delete. */
class LbObjectToolsTest extends LbToolsTestBase {

    @Test
    void listeners_are_listed_by_load_balancer_read_with_stats_and_filtered_in_octavia() {
        Map<String, Object> page = tools.ok("lb_listener_list", Map.of("load_balancer", "web-lb", "protocol", "http"));
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", L + "/listeners").get(0)))
                .contains("loadbalancer_id=" + lbId, "protocol=HTTP");
        assertThat(list(page, "listeners")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("name", "web-http").containsEntry("protocol_port", 80)
                .containsEntry("default_pool_id", poolId));

        assertThat(tools.ok("lb_listener_get", Map.of("listener", "web-http"))).containsEntry("id", listenerId)
                .containsEntry("load_balancer_id", lbId);
        assertThat(tools.ok("lb_listener_stats", Map.of("listener", listenerId))).containsEntry("id", listenerId)
                .containsEntry("total_connections", 0L);
    }

    @Test
    void a_listener_is_created_updated_and_deleted_on_its_load_balancer() {
        on("POST", L + "/listeners", "listener-web-http.json");
        on("PUT", L + "/listeners/" + listenerId, "listener-web-http.json");
        on("DELETE", L + "/listeners/" + listenerId, null);

        Map<String, Object> created = tools.ok("lb_listener_create", Map.of("load_balancer", "web-lb",
                "name", "web-http", "protocol", "http", "protocol_port", 80, "allowed_cidrs", List.of("10.0.0.0/8")));
        JsonNode sent = body("POST", L + "/listeners").path("listener");
        assertThat(sent.path("loadbalancer_id").asText()).isEqualTo(lbId);
        assertThat(sent.path("protocol_port").asInt()).isEqualTo(80);
        assertThat(sent.path("allowed_cidrs").toString()).isEqualTo("[\"10.0.0.0/8\"]");
        assertThat(created).containsEntry("id", listenerId);

        tools.ok("lb_listener_update", Map.of("listener", "web-http", "connection_limit", 100));
        assertThat(body("PUT", L + "/listeners/" + listenerId).toString())
                .isEqualTo("{\"listener\":{\"connection_limit\":100}}");

        assertThat(tools.ok("lb_listener_delete", Map.of("listener", "web-http"))).containsEntry("status", "preview");
        assertThat(fake.count("DELETE", ".*")).isZero();
        Map<String, Object> done = tools.confirmed("lb_listener_delete", Map.of("listener", "web-http"));
        assertThat(fake.count("DELETE", L + "/listeners/" + listenerId)).isOne();
        assertThat(done).containsEntry("type", "listener").containsEntry("id", listenerId);
    }

    @Test
    void pools_are_listed_read_created_updated_and_deleted_with_their_members_in_the_preview() {
        assertThat(list(tools.ok("lb_pool_list", Map.of("load_balancer", lbId)), "pools")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "web-pool").containsEntry("members", 2)
                        .containsEntry("health_monitor_id", monitorId));
        assertThat(tools.ok("lb_pool_get", Map.of("pool", "web-pool"))).containsEntry("lb_algorithm", "ROUND_ROBIN");

        on("POST", L + "/pools", "pool-web-pool.json");
        tools.ok("lb_pool_create", Map.of("name", "web-pool", "protocol", "http", "lb_algorithm", "round_robin",
                "listener", "web-http", "session_persistence", "app_cookie", "cookie_name", "sid"));
        JsonNode sent = body("POST", L + "/pools").path("pool");
        assertThat(sent.path("listener_id").asText()).isEqualTo(listenerId);
        assertThat(sent.path("session_persistence").toString())
                .isEqualTo("{\"type\":\"APP_COOKIE\",\"cookie_name\":\"sid\"}");
        assertThat(tools.error("lb_pool_create", Map.of("name", "p", "protocol", "http",
                "lb_algorithm", "round_robin"))).contains("exactly one of listener");

        on("PUT", L + "/pools/" + poolId, "pool-web-pool.json");
        tools.ok("lb_pool_update", Map.of("pool", "web-pool", "lb_algorithm", "least_connections",
                "session_persistence", "none"));
        assertThat(body("PUT", L + "/pools/" + poolId).toString())
                .isEqualTo("{\"pool\":{\"lb_algorithm\":\"LEAST_CONNECTIONS\",\"session_persistence\":null}}");

        on("DELETE", L + "/pools/" + poolId, null);
        Map<String, Object> preview = map(tools.ok("lb_pool_delete", Map.of("pool", "web-pool")), "preview");
        assertThat(list(preview, "resources")).extracting(r -> r.get("name")).contains("web-pool", "web-1", "db-1");
        assertThat(fake.count("DELETE", ".*")).isZero();
        Map<String, Object> done = tools.confirmed("lb_pool_delete", Map.of("pool", "web-pool"));
        assertThat(fake.count("DELETE", L + "/pools/" + poolId)).isOne();
        assertThat(list(done, "also_deleted")).hasSize(3);
    }

    @Test
    void health_monitors_are_listed_read_created_updated_and_deleted() {
        Map<String, Object> page = tools.ok("lb_healthmonitor_list", Map.of("pool", "web-pool", "type", "http"));
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", L + "/healthmonitors").get(0)))
                .contains("pool_id=" + poolId, "type=HTTP");
        assertThat(list(page, "health_monitors")).extracting(h -> h.get("name")).contains("web-hm");
        assertThat(tools.ok("lb_healthmonitor_get", Map.of("health_monitor", monitorId)))
                .containsEntry("name", "web-hm").containsEntry("pool_ids", List.of(poolId));

        on("POST", L + "/healthmonitors", "healthmonitor-web-hm.json");
        Map<String, Object> create = Map.of("pool", "web-pool", "type", "http", "url_path", "/health");
        assertThat(tools.error("lb_healthmonitor_create", create)).contains("already has health monitor " + monitorId);
        ObjectNode bare = (ObjectNode) tree("pool-web-pool.json");
        ((ObjectNode) bare.path("pool")).putNull("healthmonitor_id");
        fake.on("GET", L + "/pools/" + poolId, r -> FakeOpenStack.Reply.json(200, bare.toString()));
        tools.ok("lb_healthmonitor_create", Map.of("pool", poolId, "type", "http", "url_path", "/health"));
        JsonNode sent = body("POST", L + "/healthmonitors").path("healthmonitor");
        assertThat(sent.path("pool_id").asText()).isEqualTo(poolId);
        assertThat(sent.path("url_path").asText()).isEqualTo("/health");
        assertThat(sent.path("delay").asInt()).isEqualTo(10);

        on("PUT", L + "/healthmonitors/" + monitorId, "healthmonitor-web-hm.json");
        tools.ok("lb_healthmonitor_update", Map.of("health_monitor", monitorId, "delay", 30));
        assertThat(body("PUT", L + "/healthmonitors/" + monitorId).toString())
                .isEqualTo("{\"healthmonitor\":{\"delay\":30}}");

        on("DELETE", L + "/healthmonitors/" + monitorId, null);
        assertThat(tools.ok("lb_healthmonitor_delete", Map.of("health_monitor", monitorId)))
                .containsEntry("status", "preview");
        assertThat(tools.confirmed("lb_healthmonitor_delete", Map.of("health_monitor", monitorId)))
                .containsEntry("id", monitorId);
        assertThat(fake.count("DELETE", L + "/healthmonitors/" + monitorId)).isOne();
    }
}
