package io.github.openstackops.mcp.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.compute.InventoryToolsTestBase;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** cluster_status against recorded Nova, Neutron and Cinder responses, whole and with parts failing. */
class ClusterToolsTest extends InventoryToolsTestBase {

    private void cloudView() {
        on("GET", NOVA + "/os-hypervisors/statistics", 200, "hypervisor-statistics.json");
        on("GET", NOVA + "/os-hypervisors", 200, "cluster-hypervisors.json");
        on("GET", NOVA + "/os-services", 200, "nova-services.json");
        on("GET", NOVA + "/servers/detail", 200, "cluster-servers.json");
        on("GET", NEUTRON + "/networks", 200, "cluster-external-networks.json");
        on("GET", NEUTRON + "/network-ip-availabilities", 200, "cluster-ip-availability.json");
        on("GET", NEUTRON + "/floatingips", 200, "cluster-floatingips.json");
        on("GET", NEUTRON + "/routers", 200, "cluster-routers.json");
        on("GET", NEUTRON + "/agents", 200, "cluster-agents.json");
        on("GET", CINDER + "/volumes/summary", 200, "cluster-volume-summary.json");
        on("GET", CINDER + "/volumes/detail", 200, "cluster-volumes.json");
        on("GET", CINDER + "/os-services", 200, "cinder-services.json");
    }

    @Test
    void cluster_status_as_admin_summarises_every_service_of_the_cloud() {
        asAdmin();
        cloudView();

        Map<String, Object> status = tools.ok("cluster_status", Map.of());

        assertThat(status).containsEntry("scope", "cloud").containsEntry("health_score", 100)
                .containsEntry("health", "healthy").containsEntry("issues", List.of())
                .containsEntry("failures", List.of()).containsEntry("skipped", List.of());
        Map<String, Object> compute = map(status.get("compute"));
        assertThat(compute).containsEntry("state", "ok").doesNotContainKey("reason");
        assertThat(map(compute.get("hypervisors"))).containsEntry("count", 2).containsEntry("up", 2)
                .containsEntry("down", 0).containsEntry("vcpus", 2000L).containsEntry("vcpus_used", 4L)
                .containsEntry("running_vms", 4L);
        assertThat(map(compute.get("servers"))).containsEntry("counted", 4).containsEntry("partial", false)
                .containsEntry("by_status", Map.of("ACTIVE", 2, "PAUSED", 1, "SHUTOFF", 1))
                .containsEntry("by_availability_zone", Map.of("nova", 4)).containsEntry("error", 0);
        assertThat(list(compute.get("services"))).extracting(s -> s.get("binary") + "@" + s.get("host") + "=" + s.get("state"))
                .contains("nova-compute@compute1=up", "nova-conductor@controller=up");
        Map<String, Object> network = map(status.get("network"));
        assertThat(list(network.get("external_networks"))).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("name", "public").containsEntry("ips_total", 100L).containsEntry("ips_used", 2L)
                .containsEntry("ips_used_percent", 2.0));
        assertThat(map(network.get("floating_ips"))).containsEntry("counted", 1).containsEntry("associated", 1);
        assertThat(map(network.get("routers"))).containsEntry("counted", 1).containsEntry("with_gateway", 1);
        assertThat(map(network.get("agents"))).containsEntry("count", 0);
        Map<String, Object> storage = map(status.get("storage"));
        assertThat(map(storage.get("volumes"))).containsEntry("total", 2).containsEntry("total_gb", 3L)
                .containsEntry("by_status", Map.of("in-use", 1, "available", 1)).containsEntry("partial", false);
        assertThat(list(storage.get("services"))).extracting(s -> s.get("binary")).contains("cinder-volume");
        assertThat(map(status.get("load_balancing"))).as("a cloud without Octavia is not a failure")
                .containsEntry("state", "absent").doesNotContainKey("load_balancers");

        assertThat(query("GET", NOVA + "/servers/detail")).contains("all_tenants=1");
        assertThat(query("GET", CINDER + "/volumes/detail")).contains("all_tenants=1");
        assertThat(query("GET", NEUTRON + "/networks")).contains("router:external=true");
        assertThat(header(last("GET", CINDER + "/volumes/summary"), "OpenStack-API-Version")).isEqualTo("volume 3.12");
    }

    @Test
    void the_services_are_read_in_parallel() {
        asAdmin();
        cloudView();
        tools.ok("cluster_status", Map.of()); // authenticate first
        fake.latency(Duration.ofMillis(400));

        long start = System.nanoTime();
        Map<String, Object> status = tools.ok("cluster_status", Map.of());
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();

        // 13 calls of 400 ms would take over 5 s one after the other; the longest part makes 2 calls in a row
        assertThat(ms).isLessThan(3000);
        assertThat(((Number) status.get("duration_ms")).longValue()).isLessThan(3000);
        assertThat(status).containsEntry("health_score", 100);
    }

    @Test
    void cinder_being_down_fails_only_its_section_and_says_why() {
        property("openstack.endpoint-ports.volume", 1);
        asAdmin();
        cloudView();

        Map<String, Object> status = tools.ok("cluster_status", Map.of());

        Map<String, Object> storage = map(status.get("storage"));
        assertThat(storage).containsEntry("state", "failed").doesNotContainKeys("volumes", "services");
        assertThat((String) storage.get("reason"))
                .contains("Cinder (block storage) could not be reached", "connection was refused");
        assertThat(list(status.get("failures"))).extracting(f -> f.get("service") + "/" + f.get("part"))
                .containsExactlyInAnyOrder("volume/volumes", "volume/services");
        assertThat(map(status.get("compute"))).containsEntry("state", "ok").containsKeys("hypervisors", "servers");
        assertThat(map(status.get("network"))).containsEntry("state", "ok").containsKeys("floating_ips", "routers");
        assertThat(status).containsEntry("health_score", 75).containsEntry("health", "degraded");
        assertThat(list(status.get("issues"))).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("severity", "critical").containsEntry("service", "volume")
                .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("Cinder (volume) could not be read")));
    }

    @Test
    void down_services_and_servers_in_error_become_named_issues_with_a_score() {
        asAdmin();
        cloudView();
        String services = fake.recorded("compute-inventory/nova-services.json")
                .replaceFirst("(\"host\": \"compute1\",[^}]*\"state\": )\"up\"", "$1\"down\"");
        fake.on("GET", NOVA + "/os-services", r -> FakeOpenStack.Reply.json(200, services));
        String servers = fake.recorded("compute-inventory/cluster-servers.json").replace("\"status\": \"SHUTOFF\"",
                "\"status\": \"ERROR\"").replace("\"status\": \"PAUSED\"", "\"status\": \"ERROR\"");
        fake.on("GET", NOVA + "/servers/detail", r -> FakeOpenStack.Reply.json(200, servers));
        String volumes = fake.recorded("compute-inventory/cluster-volumes.json").replace("\"status\": \"available\"",
                "\"status\": \"error\"");
        fake.on("GET", CINDER + "/volumes/detail", r -> FakeOpenStack.Reply.json(200, volumes));

        Map<String, Object> status = tools.ok("cluster_status", Map.of());

        assertThat(list(status.get("issues"))).extracting(i -> i.get("severity") + ": " + i.get("message"))
                .containsExactly("critical: compute service nova-compute on compute1 is down",
                        "warning: 2 servers in ERROR",
                        "warning: 1 volume in an error state");
        assertThat(status).containsEntry("health_score", 100 - 10 - 4 - 2).containsEntry("health", "degraded");
    }

    @Test
    void as_demo_the_project_view_skips_the_admin_only_parts() {
        asDemo();
        on("GET", NOVA + "/servers/detail", 200, "cluster-servers-demo.json");
        on("GET", NEUTRON + "/networks", 200, "cluster-external-networks.json");
        on("GET", NEUTRON + "/floatingips", 200, "cluster-floatingips.json");
        on("GET", NEUTRON + "/routers", 200, "cluster-routers.json");
        on("GET", CINDER + "/volumes/summary", 200, "cluster-volume-summary-demo.json");
        on("GET", CINDER + "/volumes/detail", 200, "cluster-volumes-demo.json");

        Map<String, Object> status = tools.ok("cluster_status", Map.of());

        assertThat(status).containsEntry("scope", "project").containsEntry("health_score", 100);
        assertThat((List<String>) status.get("skipped")).hasSize(4).anySatisfy(s -> assertThat(s)
                .startsWith("compute/hypervisors").endsWith("need the admin role"));
        assertThat(map(status.get("compute"))).containsKey("servers").doesNotContainKeys("hypervisors", "services");
        assertThat(query("GET", NOVA + "/servers/detail")).noneMatch(q -> q.startsWith("all_tenants"));
        assertThat(fake.count("GET", ".*/os-hypervisors.*")).isZero();
        assertThat(fake.count("GET", NEUTRON + "/network-ip-availabilities")).isZero();
    }

    @Test
    void a_big_cloud_is_counted_up_to_the_scan_limit_and_said_to_be_partial() throws Exception {
        asAdmin();
        cloudView();
        ObjectMapper json = new ObjectMapper();
        JsonNode template = json.readTree(fake.recorded("compute-inventory/cluster-servers.json")).get("servers").get(0);
        fake.on("GET", NOVA + "/servers/detail", r -> {
            int limit = FakeOpenStack.queryParams(r).stream().filter(q -> q.startsWith("limit="))
                    .map(q -> Integer.parseInt(q.substring(6))).findFirst().orElse(1000);
            ArrayNode servers = json.createArrayNode();
            for (int i = 0; i < limit; i++) {
                ObjectNode s = template.deepCopy();
                s.put("id", java.util.UUID.randomUUID().toString());
                servers.add(s);
            }
            return FakeOpenStack.Reply.json(200, json.createObjectNode().set("servers", servers).toString());
        });
        on("GET", NOVA + "/servers", 200, "servers-using-m1-tiny.json"); // the separate ERROR count

        Map<String, Object> servers = map(map(tools.ok("cluster_status", Map.of("scan_limit", 600)).get("compute")).get("servers"));

        assertThat(servers).containsEntry("counted", 600).containsEntry("partial", true).containsEntry("error", 3);
        assertThat(fake.requests("GET", NOVA + "/servers/detail")).hasSize(2);
        assertThat(query("GET", NOVA + "/servers")).contains("status=ERROR", "all_tenants=1");
    }

    @Test
    void load_balancers_are_counted_by_status_and_the_degraded_ones_named() throws Exception {
        fake.token("loadbalancer/token-demo.json");
        cloudView();
        ObjectMapper json = new ObjectMapper();
        ObjectNode page = (ObjectNode) json.readTree(fake.recorded("loadbalancer/loadbalancers.json"));
        ObjectNode broken = ((ObjectNode) page.path("loadbalancers").get(0)).deepCopy();
        broken.put("id", "0b0b0b0b-0000-4000-8000-000000000001").put("name", "broken-lb")
                .put("provisioning_status", "ERROR").put("operating_status", "ERROR");
        ((ArrayNode) page.path("loadbalancers")).add(broken);
        fake.on("GET", "/load-balancer/v2/lbaas/loadbalancers", r -> FakeOpenStack.Reply.json(200, page.toString()));
        asDemo();

        Map<String, Object> status = tools.ok("cluster_status", Map.of());

        Map<String, Object> lbs = map(map(status.get("load_balancing")).get("load_balancers"));
        assertThat(map(status.get("load_balancing"))).containsEntry("state", "ok");
        assertThat(lbs).containsEntry("counted", 2).containsEntry("partial", false)
                .containsEntry("by_provisioning_status", Map.of("ACTIVE", 1, "ERROR", 1))
                .containsEntry("by_operating_status", Map.of("OFFLINE", 1, "ERROR", 1));
        assertThat((List<String>) lbs.get("degraded")).singleElement().asString().startsWith("broken-lb (")
                .contains("provisioning ERROR");
        assertThat(list(status.get("issues"))).anySatisfy(i -> assertThat(i).containsEntry("service", "loadbalancer")
                .containsEntry("severity", "warning"));
    }
}
