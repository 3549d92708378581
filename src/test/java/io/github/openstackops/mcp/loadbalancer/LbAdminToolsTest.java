package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As admin: amphorae, providers with their capabilities, load-balancer flavors and availability zones, failover, and
 * the load-balancer section of the project quotas (recorded from the testbed: one amphora serving web-lb).
 */
class LbAdminToolsTest extends LbToolsTestBase {

    static final String OCTAVIA = "/load-balancer/v2/octavia";
    static final String ADMIN_PROJECT = "b18b492d9fa1434caa2fde0caaa4bcc6";

    @Override
    boolean admin() {
        return true;
    }

    @Test
    void amphorae_are_listed_by_load_balancer_and_read_and_an_unknown_one_is_not_found() {
        on("GET", OCTAVIA + "/amphorae", "amphorae.json");
        String amphoraId = tree("amphora.json").path("amphora").path("id").asText();
        on("GET", OCTAVIA + "/amphorae/" + amphoraId, "amphora.json");
        fake.on("GET", OCTAVIA + "/amphorae/0{8}-.*", 404, "loadbalancer/amphora-404.json");

        Map<String, Object> page = tools.ok("lb_amphora_list", Map.of("load_balancer", "web-lb",
                "status", "allocated", "limit", 10));
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", OCTAVIA + "/amphorae").get(0)))
                .contains("loadbalancer_id=" + lbId, "status=ALLOCATED", "limit=11");
        assertThat(list(page, "amphorae")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("id", amphoraId).containsEntry("load_balancer_id", lbId)
                .containsEntry("role", "STANDALONE").containsEntry("ha_ip", "198.51.100.1"));

        assertThat(tools.ok("lb_amphora_get", Map.of("amphora", amphoraId))).containsEntry("status", "ALLOCATED")
                .containsKeys("compute_id", "cert_expiration", "lb_network_ip");
        assertThat(tools.error("lb_amphora_get", Map.of("amphora", "00000000-0000-0000-0000-000000000000")))
                .contains("Amphora '00000000-0000-0000-0000-000000000000' was not found");
    }

    @Test
    void providers_are_listed_and_one_shows_its_flavor_and_zone_capabilities() {
        on("GET", L + "/providers", "providers.json");
        on("GET", L + "/providers/amphora/flavor_capabilities", "flavor-capabilities-amphora.json");
        on("GET", L + "/providers/amphora/availability_zone_capabilities",
                "availability-zone-capabilities-amphora.json");

        assertThat(list(tools.ok("lb_provider_list", Map.of()), "providers")).extracting(p -> p.get("name"))
                .containsExactly("amphora", "octavia");
        Map<String, Object> amphora = tools.ok("lb_provider_get", Map.of("provider", "amphora"));
        assertThat(list(amphora, "flavor_capabilities")).extracting(c -> c.get("name"))
                .contains("loadbalancer_topology", "compute_flavor");
        assertThat(list(amphora, "availability_zone_capabilities")).extracting(c -> c.get("name"))
                .contains("compute_zone", "valid_vip_networks");
        assertThat(tools.error("lb_provider_get", Map.of("provider", "ovn"))).contains("Provider 'ovn'")
                .contains("enabled: amphora, octavia");
    }

    @Test
    void flavors_are_paged_in_octavia_and_read_by_name() {
        on("GET", L + "/flavors", "flavors.json");
        String flavorId = tree("flavor.json").path("flavor").path("id").asText();
        on("GET", L + "/flavors/" + flavorId, "flavor.json");

        Map<String, Object> page = tools.ok("lb_flavor_list", Map.of("enabled", true, "limit", 1));
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", L + "/flavors").get(0)))
                .contains("enabled=true", "limit=2");
        assertThat(list(page, "flavors")).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("id", flavorId).containsEntry("enabled", true));
        String name = (String) list(page, "flavors").get(0).get("name");
        assertThat(tools.ok("lb_flavor_get", Map.of("flavor", name))).containsEntry("id", flavorId)
                .containsEntry("description", "one amphora");
    }

    @Test
    void availability_zones_are_listed_and_read_by_name() {
        on("GET", L + "/availabilityzones", "availability-zones.json");
        String zone = tree("availability-zone.json").path("availability_zone").path("name").asText();
        fake.on("GET", L + "/availabilityzones/.*", 404, "loadbalancer/availability-zone-404.json");
        on("GET", L + "/availabilityzones/" + zone, "availability-zone.json");

        assertThat(list(tools.ok("lb_availability_zone_list", Map.of("enabled", true)), "availability_zones"))
                .singleElement().satisfies(z -> assertThat(z).containsEntry("name", zone)
                        .containsEntry("description", "the only zone"));
        assertThat(tools.ok("lb_availability_zone_get", Map.of("availability_zone", zone)))
                .containsKey("availability_zone_profile_id");
        assertThat(tools.error("lb_availability_zone_get", Map.of("availability_zone", "nowhere")))
                .contains("'nowhere' was not found");
    }

    @Test
    void failover_rebuilds_the_amphorae_of_a_settled_load_balancer() {
        fake.on("PUT", L + "/loadbalancers/" + lbId + "/failover", r -> new FakeOpenStack.Reply(202, "", Map.of()));

        assertThat(tools.ok("loadbalancer_failover", Map.of("load_balancer", "web-lb")))
                .containsEntry("provisioning_status", "ACTIVE");
        assertThat(fake.count("PUT", L + "/loadbalancers/" + lbId + "/failover")).isOne();
    }

    @Test
    void project_quotas_show_load_balancer_limits_with_the_use_counted_from_the_project_objects() {
        on("GET", L + "/quotas/" + ADMIN_PROJECT, "quota-demo.json");

        Map<String, Object> quotas = tools.ok("quota_get", Map.of());

        List<Map<String, Object>> lb = list(quotas, "load_balancer");
        assertThat(lb).extracting(q -> q.get("resource")).containsExactly("load_balancers", "listeners", "pools",
                "members", "health_monitors", "l7_policies", "l7_rules");
        assertThat(lb.get(0)).containsEntry("limit", -1L).containsEntry("in_use", 1L);
        assertThat(lb.get(3)).containsEntry("resource", "members").containsEntry("in_use", 2L);
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", L + "/pools").get(0)))
                .contains("project_id=" + ADMIN_PROJECT);
        assertThat(list(quotas, "failures")).extracting(f -> f.get("service")).doesNotContain("load_balancer");
    }

    @Test
    void the_resource_monitor_spares_octavia_the_calls_of_the_load_balancer_section() {
        on("GET", L + "/quotas/" + ADMIN_PROJECT, "quota-demo.json");

        tools.call("resource_monitor", Map.of());

        assertThat(fake.requests()).as("calls of resource_monitor").isNotEmpty()
                .noneMatch(r -> r.path().startsWith("/load-balancer/"));
    }

    @Test
    void quota_set_changes_load_balancer_quotas_in_octavia_and_reports_before_and_after() {
        on("GET", L + "/quotas/" + ADMIN_PROJECT, "quota-demo.json");
        fake.on("PUT", L + "/quotas/" + ADMIN_PROJECT, r -> FakeOpenStack.Reply.json(202, fake.recorded(
                "loadbalancer/quota-demo.json").replace("\"load_balancer\": -1", "\"load_balancer\": 5")
                .replace("\"member\": -1", "\"member\": 20")));

        Map<String, Object> result = tools.ok("quota_set", Map.of("project", "admin", "load_balancers", 5,
                "members", 20));

        assertThat(body("PUT", L + "/quotas/" + ADMIN_PROJECT).toString())
                .isEqualTo("{\"quota\":{\"load_balancer\":5,\"member\":20}}");
        assertThat(list(result, "changes")).containsExactly(
                Map.of("service", "load_balancer", "resource", "load_balancers", "before", -1L, "after", 5L),
                Map.of("service", "load_balancer", "resource", "members", "before", -1L, "after", 20L));
    }
}
