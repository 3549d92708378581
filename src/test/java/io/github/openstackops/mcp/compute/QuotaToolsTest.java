package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** quota_get and quota_set against recorded Nova, Neutron and Cinder quota responses. */
class QuotaToolsTest extends InventoryToolsTestBase {

    private void demoQuotas() {
        on("GET", NOVA + "/os-quota-sets/" + DEMO + "/detail", 200, "quota-nova-demo.json");
        on("GET", NEUTRON + "/quotas/" + DEMO + "/details.json", 200, "quota-neutron-demo.json");
        on("GET", CINDER + "/os-quota-sets/" + DEMO, 200, "quota-cinder-demo.json");
    }

    @Test
    void quota_get_reads_the_three_detail_apis_of_the_current_project() {
        asDemo();
        demoQuotas();

        Map<String, Object> quotas = tools.ok("quota_get", Map.of());

        assertThat(header(last("GET", NOVA + "/os-quota-sets/.*"), "X-OpenStack-Nova-API-Version")).isEqualTo("2.57");
        assertThat(query("GET", CINDER + "/os-quota-sets/.*")).containsExactly("usage=true");
        assertThat(quotas).containsEntry("project_id", DEMO).containsEntry("project_name", "demo")
                .containsEntry("failures", java.util.List.of());
        assertThat(list(quotas.get("compute"))).first().isEqualTo(Map.of("resource", "instances", "limit", 40L,
                "in_use", 4L, "reserved", 0L, "percent_used", 10.0));
        assertThat(list(quotas.get("compute"))).extracting(q -> q.get("resource")).containsExactly("instances", "cores",
                "ram_mb", "key_pairs", "server_groups", "server_group_members", "metadata_items");
        assertThat(list(quotas.get("network"))).extracting(q -> q.get("resource")).contains("networks", "ports",
                "floating_ips", "security_group_rules");
        assertThat(list(quotas.get("network"))).filteredOn(q -> q.get("resource").equals("subnet_pools")).first()
                .satisfies(q -> assertThat(q).containsEntry("limit", -1L).doesNotContainKey("percent_used"));
        assertThat(list(quotas.get("volume"))).extracting(q -> q.get("resource")).contains("volumes", "gigabytes",
                "snapshots", "backups").doesNotContain("volumes___DEFAULT__", "volumes (volume type __DEFAULT__)");
    }

    @Test
    void a_service_that_is_down_is_named_while_the_others_are_shown() {
        asDemo();
        demoQuotas();
        fake.on("GET", NEUTRON + "/quotas/.*", r -> FakeOpenStack.Reply.json(503,
                "{\"NeutronError\": {\"message\": \"Service Unavailable\"}}"));

        Map<String, Object> quotas = tools.ok("quota_get", Map.of());

        assertThat(quotas).containsKeys("compute", "volume").doesNotContainKey("network");
        assertThat(list(quotas.get("failures"))).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("service", "network")
                .hasEntrySatisfying("reason", r -> assertThat((String) r).contains("HTTP 503")));
    }

    @Test
    void another_project_as_demo_is_one_clear_forbidden_error() {
        asDemo();
        on("GET", "/identity/v3/projects", 403, "projects-403.json");

        assertThat(tools.error("quota_get", Map.of("project", "admin"))).contains("only an admin can read other projects");
    }

    @Test
    void quota_set_changes_only_the_given_quotas_and_reports_before_and_after() {
        asAdmin();
        on("GET", "/identity/v3/projects", 200, "projects-demo.json");
        demoQuotas();
        on("PUT", NOVA + "/os-quota-sets/" + DEMO, 200, "quota-nova-put.json");
        on("PUT", NEUTRON + "/quotas/" + DEMO, 200, "quota-neutron-put.json");
        on("PUT", CINDER + "/os-quota-sets/" + DEMO, 200, "quota-cinder-put.json");

        Map<String, Object> result = tools.ok("quota_set", Map.of("project", "demo", "instances", 3, "cores", 6, "ports", 7,
                "volumes", 4));

        assertThat(last("PUT", NOVA + "/os-quota-sets/" + DEMO).body()).isEqualTo("{\"quota_set\":{\"instances\":3,\"cores\":6}}");
        assertThat(last("PUT", NEUTRON + "/quotas/" + DEMO).body()).isEqualTo("{\"quota\":{\"port\":7}}");
        assertThat(last("PUT", CINDER + "/os-quota-sets/" + DEMO).body()).isEqualTo("{\"quota_set\":{\"volumes\":4}}");
        assertThat(list(result.get("changes"))).containsExactly(
                Map.of("service", "compute", "resource", "instances", "before", 40L, "after", 3L),
                Map.of("service", "compute", "resource", "cores", "before", 80L, "after", 6L),
                Map.of("service", "network", "resource", "ports", "before", 200L, "after", 7L),
                Map.of("service", "volume", "resource", "volumes", "before", 40L, "after", 4L));
        assertThat((String) result.get("message")).contains("compute instances 40 → 3");
    }

    @Test
    void quota_set_says_what_was_changed_when_a_later_service_fails() {
        asAdmin();
        on("GET", "/identity/v3/projects", 200, "projects-demo.json");
        demoQuotas();
        on("PUT", NOVA + "/os-quota-sets/" + DEMO, 200, "quota-nova-put.json");
        fake.on("PUT", CINDER + "/os-quota-sets/.*", r -> FakeOpenStack.Reply.json(503, "{\"error\": {\"message\": \"down\"}}"));

        assertThat(tools.error("quota_set", Map.of("project", "demo", "instances", 3, "volumes", 4)))
                .contains("were changed (compute instances 40 → 3)", "the volume quotas were not", "HTTP 503");
        assertThat(tools.error("quota_set", Map.of("project", "demo"))).contains("Name at least one quota");
    }

    @Test
    void nova_rejecting_a_value_is_explained() {
        asAdmin();
        on("GET", "/identity/v3/projects", 200, "projects-demo.json");
        demoQuotas();
        on("PUT", NOVA + "/os-quota-sets/" + DEMO, 400, "quota-nova-put-400.json");

        assertThat(tools.error("quota_set", Map.of("project", "demo", "instances", 3))).contains("HTTP 400",
                "Invalid input for field/attribute instances");
    }
}
