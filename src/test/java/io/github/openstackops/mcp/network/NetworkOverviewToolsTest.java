package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.network.NeutronFake.DEMO_PROJECT;
import static io.github.openstackops.mcp.network.NeutronFake.PRIVATE;
import static io.github.openstackops.mcp.network.NeutronFake.PUBLIC;
import static io.github.openstackops.mcp.network.NeutronFake.ROUTER1;
import static org.assertj.core.api.Assertions.assertThat;

/** network_ip_availability, network_agent_list, network_quota_get and network_topology on recorded responses. */
class NetworkOverviewToolsTest extends NeutronToolsTestBase {

    @Test
    void ip_availability_pages_by_network_and_computes_what_is_free() {
        fake.asAdmin();
        NeutronFake.collection(fake, "network-ip-availabilities", "ip-availability-admin.json");

        Map<String, Object> page = tools.ok("network_ip_availability", Map.of("limit", 1));

        assertThat(queries("GET", N + "/network-ip-availabilities").get(0)).contains("limit=2");
        assertThat(list(page, "networks")).hasSize(1);
        Map<String, Object> first = list(page, "networks").get(0);
        assertThat(page).containsEntry("next_marker", first.get("network_id")).doesNotContainKey("note");
        long total = ((Number) first.get("total_ips")).longValue();
        long used = ((Number) first.get("used_ips")).longValue();
        assertThat(first.get("free_ips")).isEqualTo(total - used);
        assertThat(list(first, "subnets")).isNotEmpty().allSatisfy(s -> assertThat(s).containsKeys("cidr", "free_ips"));
    }

    @Test
    void ip_availability_filters_by_network_and_says_why_a_non_admin_sees_nothing() {
        Map<String, Object> page = tools.ok("network_ip_availability", Map.of("network", "public"));

        assertThat(queries("GET", N + "/network-ip-availabilities").get(0)).contains("network_id=" + PUBLIC);
        assertThat(page).containsEntry("count", 0);
        assertThat((String) page.get("note")).contains("admins only", "empty list");
    }

    @Test
    void agent_list_says_why_it_is_empty() {
        Map<String, Object> demo = tools.ok("network_agent_list", Map.of("alive", false, "agent_type", "L3 agent"));
        assertThat(queries("GET", N + "/agents").get(0)).contains("alive=false", "agent_type=L3 agent", "limit=51");
        assertThat(demo).containsEntry("count", 0).containsEntry("down", 0);
        assertThat((String) demo.get("note")).contains("admins only");
    }

    @Test
    void an_admin_with_no_agents_is_told_the_cloud_runs_without_them() {
        fake.asAdmin();

        Map<String, Object> admin = tools.ok("network_agent_list", Map.of());

        assertThat((String) admin.get("note")).contains("no agents");
    }

    @Test
    void agents_show_host_type_and_liveness() {
        fake.on("GET", N + "/agents", r -> FakeOpenStack.Reply.json(200, "{\"agents\": [{\"id\": \"a1\", \"agent_type\":"
                + " \"L3 agent\", \"binary\": \"neutron-l3-agent\", \"host\": \"net1\", \"alive\": false,"
                + " \"admin_state_up\": true, \"availability_zone\": \"nova\", \"heartbeat_timestamp\":"
                + " \"2026-11-22 04:00:00\", \"configurations\": {\"routers\": 3}}]}"));

        Map<String, Object> page = tools.ok("network_agent_list", Map.of());

        assertThat(page).containsEntry("down", 1).doesNotContainKey("note");
        assertThat(list(page, "agents")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("host", "net1").containsEntry("alive", false).containsEntry("agent_type", "L3 agent")
                .doesNotContainKey("configurations"));
    }

    @Test
    void quota_of_the_own_project_with_what_is_left() {
        Map<String, Object> quota = tools.ok("network_quota_get", Map.of());

        assertThat(quota).containsEntry("project_id", DEMO_PROJECT).containsEntry("near_limit", List.of());
        assertThat(list(quota, "quotas")).anySatisfy(q -> assertThat(q).containsEntry("resource", "floatingip")
                .containsEntry("limit", 60).containsEntry("used", 1).containsEntry("available", 59));
        assertThat(list(quota, "quotas")).anySatisfy(q -> assertThat(q).containsEntry("resource", "subnetpool")
                .containsEntry("limit", -1).doesNotContainKey("available"));
    }

    @Test
    void quota_of_another_project_takes_its_name_and_checks_it_exists() {
        fake.asAdmin();
        fake.on("GET", "/identity/v3/projects", 200, "compute-inventory/projects-demo.json");

        Map<String, Object> quota = tools.ok("network_quota_get", Map.of("project", "demo"));

        assertThat(quota).containsEntry("project_id", DEMO_PROJECT);
        assertThat(fake.count("GET", N + "/quotas/" + DEMO_PROJECT + "/details")).isEqualTo(1);

        fake.on("GET", "/identity/v3/projects", r -> FakeOpenStack.Reply.json(200, "{\"projects\": []}"));
        fake.on("GET", "/identity/v3/projects/.*", r -> FakeOpenStack.Reply.json(404,
                "{\"error\": {\"code\": 404, \"message\": \"Could not find project\"}}"));
        assertThat(tools.error("network_quota_get", Map.of("project", "no/such project")))
                .contains("Project 'no/such project'", "not found");
        assertThat(tools.error("network_topology", Map.of("project", "no/such project")))
                .contains("Project 'no/such project'", "not found");
        assertThat(fake.count("GET", N + "/quotas/.*")).isEqualTo(1);
        assertThat(fake.count("GET", N + "/routers.*")).isZero();
    }

    @Test
    void another_project_as_a_user_is_one_clear_forbidden_error() {
        fake.on("GET", "/identity/v3/projects", 403, "compute-inventory/projects-403.json");

        assertThat(tools.error("network_quota_get", Map.of("project", "admin")))
                .contains("only an admin can read other projects");
        assertThat(fake.count("GET", N + "/quotas/.*")).isZero();
    }

    @Test
    void quotas_near_their_limit_are_pointed_out() {
        ObjectNode quota = (ObjectNode) NeutronFake.tree(fake, "quota-demo.json");
        ((ObjectNode) quota.path("quota").path("router")).put("used", 9);
        fake.on("GET", N + "/quotas/" + DEMO_PROJECT + "/details", r -> FakeOpenStack.Reply.json(200,
                NeutronFake.write(quota)));

        Map<String, Object> result = tools.ok("network_quota_get", Map.of("project", DEMO_PROJECT));

        assertThat(result).containsEntry("near_limit", List.of("router: 9 of 10 used"));
    }

    @Test
    void topology_wires_networks_subnets_routers_and_servers_of_the_project() {
        Map<String, Object> topology = tools.ok("network_topology", Map.of());

        assertThat(topology).containsEntry("project_id", DEMO_PROJECT).containsEntry("truncated", false)
                .containsEntry("servers", 4).containsEntry("unattached_floating_ips", List.of());
        Map<String, Object> privateNet = list(topology, "networks").stream()
                .filter(n -> PRIVATE.equals(n.get("id"))).findFirst().orElseThrow();
        Map<String, Object> subnet = list(privateNet, "subnets").get(0);
        assertThat(subnet).containsEntry("cidr", "10.0.0.0/24").containsEntry("routers", List.of("router1 at 10.0.0.1"));
        assertThat(list(subnet, "servers")).extracting(s -> s.get("name") + " " + s.get("fixed_ips") + " " + s.get("floating_ips"))
                .containsExactlyInAnyOrder("web-1 [10.0.0.159] [203.0.113.197]", "db-1 [10.0.0.180] []",
                        "cache-1 [10.0.0.28] []");
        Map<String, Object> publicNet = list(topology, "networks").stream()
                .filter(n -> PUBLIC.equals(n.get("id"))).findFirst().orElseThrow();
        assertThat(publicNet).containsEntry("foreign", true).containsEntry("external", true);
        assertThat(list(publicNet, "subnets").get(0)).containsEntry("routers",
                List.of("router1 (gateway) at 203.0.113.114"));
        assertThat(list(topology, "routers")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("id", ROUTER1).containsEntry("gateway", "public at 203.0.113.114")
                .containsEntry("interfaces", List.of("private-subnet 10.0.0.0/24 at 10.0.0.1")));
        for (String collection : List.of("ports", "routers", "floatingips")) {
            assertThat(queries("GET", N + "/" + collection).get(0)).as(collection).contains("project_id=" + DEMO_PROJECT);
        }
        // names of all servers in one Nova call
        assertThat(fake.count("GET", "/compute/v2.1/servers.*")).isEqualTo(1);
    }
}
