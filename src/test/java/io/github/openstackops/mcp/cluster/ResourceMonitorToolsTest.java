package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.compute.InventoryToolsTestBase;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** resource_monitor against recorded quota detail responses. */
class ResourceMonitorToolsTest extends InventoryToolsTestBase {

    private void quotas(String project) {
        on("GET", NOVA + "/os-quota-sets/" + project + "/detail", 200, "quota-nova-demo.json");
        on("GET", NEUTRON + "/quotas/" + project + "/details.json", 200, "quota-neutron-demo.json");
        on("GET", CINDER + "/os-quota-sets/" + project, 200, "quota-cinder-demo.json");
    }

    @Test
    void the_current_projects_resources_come_nearest_to_their_limits_first() {
        asDemo();
        quotas(DEMO);

        Map<String, Object> report = tools.ok("resource_monitor", Map.of("limit", 5));

        List<Map<String, Object>> resources = list(report.get("resources"));
        assertThat(resources).hasSize(5).isSortedAccordingTo(
                Comparator.comparingDouble((Map<String, Object> r) -> (Double) r.get("percent_used")).reversed());
        assertThat(resources.get(0)).containsEntry("project_name", "demo").containsEntry("service", "network")
                .containsEntry("resource", "security_groups").containsEntry("percent_used", 20.0)
                .containsEntry("level", "ok");
        assertThat(resources).noneMatch(r -> r.get("resource").equals("subnet_pools")); // unlimited
        assertThat(report).containsEntry("projects_scanned", 1).containsEntry("partial", false)
                .containsEntry("critical", 0).containsEntry("warning", 0);

        Map<String, Object> above = tools.ok("resource_monitor", Map.of("threshold_percent", 10));
        assertThat(list(above.get("resources"))).extracting(r -> r.get("resource"))
                .containsExactlyInAnyOrder("security_groups", "instances", "routers", "security_group_rules");
    }

    @Test
    void a_nearly_full_quota_is_critical() {
        asDemo();
        quotas(DEMO);
        String nova = fake.recorded("compute-inventory/quota-nova-demo.json")
                .replaceFirst("(\"instances\": \\{\\s*\"in_use\": )4", "$138");
        fake.on("GET", NOVA + "/os-quota-sets/.*", r -> FakeOpenStack.Reply.json(200, nova));

        Map<String, Object> report = tools.ok("resource_monitor", Map.of("limit", 1));

        assertThat(list(report.get("resources"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("resource", "instances").containsEntry("in_use", 38L).containsEntry("limit", 40L)
                .containsEntry("percent_used", 95.0).containsEntry("level", "critical"));
        assertThat(report).containsEntry("critical", 1);
    }

    @Test
    void all_projects_reads_every_project_up_to_the_cap_and_names_failures() {
        asAdmin();
        on("GET", "/identity/v3/projects", 200, "projects.json");
        on("GET", NOVA + "/os-quota-sets/[0-9a-f]+/detail", 200, "quota-nova-demo.json");
        on("GET", NEUTRON + "/quotas/[0-9a-f]+/details.json", 200, "quota-neutron-demo.json");
        on("GET", CINDER + "/os-quota-sets/[0-9a-f]+", 200, "quota-cinder-demo.json");
        fake.on("GET", NEUTRON + "/quotas/" + ADMIN + "/details.json",
                r -> FakeOpenStack.Reply.json(503, "{\"NeutronError\": {\"message\": \"busy\"}}"));

        Map<String, Object> report = tools.ok("resource_monitor", Map.of("all_projects", true, "max_projects", 3,
                "limit", 100));

        assertThat(report).containsEntry("projects_scanned", 3).containsEntry("projects_total", 4)
                .containsEntry("partial", true);
        assertThat(list(report.get("resources"))).extracting(r -> r.get("project_name")).contains("admin", "demo");
        assertThat(list(report.get("failures"))).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("project_name", "admin").containsEntry("service", "network"));
        assertThat(fake.count("GET", NOVA + "/os-quota-sets/.*")).isEqualTo(3);
    }
}
