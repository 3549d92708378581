package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Resource providers and flavor capacity against Placement 8.0 as recorded by testbed/record/capacity.sh (admin). */
class PlacementToolsTest extends InventoryToolsTestBase {

    private static final String PROVIDERS = "/placement/resource_providers";
    private static final String COMPUTE1 = "6eee9763-d018-4c05-acc7-73cf49829e24";
    private static final String COMPUTE2 = "33698f4a-37d5-4d41-bae8-d025fa9a897d";
    private static final String CANDIDATES = "/placement/allocation_candidates";

    private void rec(String method, String path, int status, String file) {
        fake.on(method, path, status, "capacity/" + file);
    }

    @Test
    void list_sends_the_filters_to_placement_and_cuts_at_the_limit() {
        asAdmin();
        rec("GET", PROVIDERS, 200, "resource-providers.json");

        Map<String, Object> all = tools.ok("resource_provider_list", Map.of("limit", 1, "resources",
                "vcpu:1, MEMORY_MB:512", "traits", List.of("COMPUTE_NODE", "!COMPUTE_STATUS_DISABLED"),
                "member_of", "11111111-2222-3333-4444-555555555555"));

        assertThat(query("GET", PROVIDERS)).containsExactlyInAnyOrder("resources=VCPU:1,MEMORY_MB:512",
                "required=COMPUTE_NODE,!COMPUTE_STATUS_DISABLED", "member_of=11111111-2222-3333-4444-555555555555");
        assertThat(header(last("GET", PROVIDERS), "OpenStack-API-Version")).isEqualTo("placement 1.29");
        assertThat(list(all.get("resource_providers"))).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("uuid", COMPUTE1).containsEntry("name", "compute1").doesNotContainKey("root_uuid"));
        assertThat(all).containsEntry("count", 1).containsEntry("truncated", true);
        assertThat(tools.error("resource_provider_list", Map.of("resources", "VCPU=2")))
                .contains("VCPU:2,MEMORY_MB:4096");
    }

    @Test
    void placement_errors_and_the_admin_policy_reach_the_model_as_sentences() {
        asAdmin();
        fake.on("GET", PROVIDERS, r -> Reply.json(400, fake.recorded("capacity/resource-providers-bad-class-400.json")));

        assertThat(tools.error("resource_provider_list", Map.of("resources", "FOO:1")))
                .contains("No such resource class FOO");
    }

    @Test
    void a_demo_user_is_told_placement_needs_the_admin_role() {
        asDemo();
        rec("GET", PROVIDERS, 403, "resource-providers-demo-403.json");

        assertThat(tools.error("resource_provider_list", Map.of())).contains("HTTP 403")
                .contains("placement:resource_providers:list");
    }

    @Test
    void get_by_name_reads_inventory_usage_traits_and_aggregates() {
        asAdmin();
        rec("GET", PROVIDERS, 200, "resource-providers-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/inventories", 200, "inventories-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/usages", 200, "usages-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/traits", 200, "traits-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/aggregates", 200, "aggregates-compute1.json");

        Map<String, Object> p = tools.ok("resource_provider_get", Map.of("provider", "compute1"));

        assertThat(query("GET", PROVIDERS)).containsExactly("name=compute1");
        assertThat(p).containsEntry("uuid", COMPUTE1).containsEntry("name", "compute1")
                .containsEntry("aggregates", List.of());
        assertThat((List<String>) p.get("traits")).contains("COMPUTE_NODE").isSorted();
        assertThat(list(p.get("inventories"))).filteredOn(i -> "MEMORY_MB".equals(i.get("resource_class")))
                .singleElement().satisfies(i -> assertThat(i).containsEntry("total", 800000L)
                        .containsEntry("reserved", 512L).containsEntry("allocation_ratio", 1.5)
                        .containsEntry("max_unit", 800000L).containsEntry("used", 1536L)
                        .containsEntry("capacity", 1199232L).containsEntry("free", 1197696L));
    }

    @Test
    void get_by_uuid_and_an_unknown_provider() {
        asAdmin();
        rec("GET", PROVIDERS + "/" + COMPUTE1, 200, "resource-provider-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/inventories", 200, "inventories-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/usages", 200, "usages-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/traits", 200, "traits-compute1.json");
        rec("GET", PROVIDERS + "/" + COMPUTE1 + "/aggregates", 200, "aggregates-compute1.json");
        rec("GET", PROVIDERS + "/00000000-0000-0000-0000-000000000000", 404, "resource-provider-404.json");
        rec("GET", PROVIDERS, 200, "resource-providers-none.json");

        assertThat(tools.ok("resource_provider_get", Map.of("provider", COMPUTE1))).containsEntry("generation", 124L);
        assertThat(fake.count("GET", PROVIDERS)).isZero();
        assertThat(tools.error("resource_provider_get", Map.of("provider", "00000000-0000-0000-0000-000000000000")))
                .contains("Resource provider '00000000-0000-0000-0000-000000000000' was not found");
    }

    @Test
    void flavor_capacity_asks_for_allocation_candidates_and_counts_per_host() {
        asAdmin();
        rec("GET", NOVA + "/flavors/detail", 200, "flavors-detail.json");
        rec("GET", NOVA + "/flavors/m1.tiny", 404, "resource-provider-404.json");
        rec("GET", CANDIDATES, 200, "allocation-candidates-tiny.json");
        rec("GET", PROVIDERS, 200, "resource-providers.json");

        Map<String, Object> c = tools.ok("flavor_capacity", Map.of("flavor", "m1.tiny"));

        assertThat(query("GET", CANDIDATES)).containsExactly("resources=DISK_GB:1,MEMORY_MB:512,VCPU:1",
                "required=!COMPUTE_STATUS_DISABLED");
        assertThat(c).containsEntry("request", Map.of("VCPU", 1L, "MEMORY_MB", 512L, "DISK_GB", 1L))
                .containsEntry("providers_with_room", 2).containsEntry("total_more_servers", 4677L)
                .containsEntry("no_room", List.of()).containsEntry("truncated", false);
        assertThat(list(c.get("fits"))).extracting(h -> map(h.get("provider")).get("name") + " " + h.get("more_servers")
                + " " + h.get("limited_by")).containsExactly("compute1 2339 MEMORY_MB", "compute2 2338 MEMORY_MB");
        assertThat((String) c.get("message")).contains("fits on 2 of 2 compute hosts").contains("server group");
    }

    @Test
    void flavor_capacity_names_hosts_without_room_and_honours_extra_specs() {
        asAdmin();
        String withSpecs = fake.recorded("capacity/flavors-detail.json").replace("\"extra_specs\": {},\n   \"id\": \"eeab0578",
                "\"extra_specs\": {\"resources:VCPU\": \"0\", \"resources:MEMORY_MB\": \"2000000\","
                        + " \"trait:HW_CPU_X86_AVX2\": \"required\", \"trait:CUSTOM_OLD\": \"forbidden\","
                        + " \"resources1:CUSTOM_GPU\": \"1\"},\n   \"id\": \"eeab0578");
        fake.on("GET", NOVA + "/flavors/detail", r -> Reply.json(200, withSpecs));
        rec("GET", NOVA + "/flavors/m1.small", 404, "resource-provider-404.json");
        rec("GET", CANDIDATES, 200, "allocation-candidates-none.json");
        rec("GET", PROVIDERS, 200, "resource-providers.json");

        Map<String, Object> c = tools.ok("flavor_capacity", Map.of("flavor", "m1.small", "boot_from_volume", true));

        assertThat(query("GET", CANDIDATES)).containsExactly("resources=MEMORY_MB:2000000",
                "required=HW_CPU_X86_AVX2,!COMPUTE_STATUS_DISABLED,!CUSTOM_OLD");
        assertThat(c).containsEntry("providers_with_room", 0).containsEntry("no_room", List.of("compute1", "compute2"))
                .containsEntry("required_traits", List.of("HW_CPU_X86_AVX2"));
        assertThat((String) c.get("message")).contains("fits on none of the 2 compute hosts")
                .contains("numbered request groups");
    }
}
