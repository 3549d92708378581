package io.github.openstackops.mcp.compute;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hypervisor, Nova service and availability zone tools against recorded responses (admin, microversion 2.53). */
class HypervisorToolsTest extends InventoryToolsTestBase {

    static final String COMPUTE1 = "d17f5b73-930c-40fc-9913-e19631178fad";

    @Test
    void hypervisor_list_shows_capacity_and_percentages_one_page_at_a_time() {
        asAdmin();
        on("GET", NOVA + "/os-hypervisors/detail", 200, "hypervisors-detail.json");

        Map<String, Object> page = tools.ok("hypervisor_list", Map.of("limit", 1));

        assertThat(query("GET", NOVA + "/os-hypervisors/detail")).contains("limit=2");
        assertThat(header(last("GET", NOVA + "/os-hypervisors/detail"), "X-OpenStack-Nova-API-Version")).isEqualTo("2.53");
        assertThat(page).containsEntry("count", 1).containsEntry("next_marker", COMPUTE1);
        assertThat(list(page.get("hypervisors")).get(0)).containsEntry("hostname", "compute1")
                .containsEntry("state", "up").containsEntry("status", "enabled").containsEntry("vcpus", 1000)
                .containsEntry("vcpus_used", 4).containsEntry("vcpus_used_percent", 0.4)
                .containsEntry("ram_mb", 800000L).containsEntry("ram_used_mb", 4096L).containsEntry("ram_used_percent", 0.5)
                .containsEntry("running_vms", 4).containsEntry("service_host", "compute1")
                .doesNotContainKeys("cpu_info", "servers");
    }

    @Test
    void a_host_name_filter_goes_to_nova_as_a_pattern_and_is_not_paged() {
        asAdmin();
        on("GET", NOVA + "/os-hypervisors/detail", 200, "hypervisors-pattern.json");

        Map<String, Object> page = tools.ok("hypervisor_list", Map.of("hostname", "compute1"));

        assertThat(query("GET", NOVA + "/os-hypervisors/detail")).contains("hypervisor_hostname_pattern=compute1")
                .noneMatch(q -> q.startsWith("limit="));
        assertThat(page).containsEntry("count", 1).doesNotContainKey("next_marker");
        assertThat(tools.error("hypervisor_list", Map.of("hostname", "compute1", "marker", COMPUTE1))).contains("marker");
    }

    @Test
    void hypervisor_get_by_host_name_lists_its_servers_and_cpu() {
        asAdmin();
        on("GET", NOVA + "/os-hypervisors/detail", 200, "hypervisors-pattern.json");

        Map<String, Object> detail = tools.ok("hypervisor_get", Map.of("hypervisor", "compute1"));

        assertThat(map(detail.get("hypervisor"))).containsEntry("id", COMPUTE1);
        assertThat(detail).containsEntry("server_count", 4)
                .containsEntry("cpu", "x86_64, Intel, Nehalem, 4 sockets x 1 cores x 1 threads");
        assertThat(list(detail.get("servers"))).extracting(s -> s.get("name")).contains("instance-00000001");
        assertThat(query("GET", NOVA + "/os-hypervisors/detail")).contains("with_servers=true");
    }

    @Test
    void hypervisor_get_by_id_is_one_call() {
        asAdmin();
        on("GET", NOVA + "/os-hypervisors/" + COMPUTE1, 200, "hypervisor.json");

        assertThat(tools.ok("hypervisor_get", Map.of("hypervisor", COMPUTE1))).containsEntry("server_count", 4);
        assertThat(fake.count("GET", NOVA + "/os-hypervisors/detail")).isZero();
    }

    @Test
    void hypervisor_stats_sums_the_cloud_and_says_how_full_it_is() {
        asAdmin();
        on("GET", NOVA + "/os-hypervisors/statistics", 200, "hypervisor-statistics.json");

        assertThat(tools.ok("hypervisor_stats", Map.of())).containsEntry("count", 2).containsEntry("vcpus", 2000L)
                .containsEntry("vcpus_used", 4L).containsEntry("vcpus_used_percent", 0.2)
                .containsEntry("ram_mb", 1600000L).containsEntry("ram_used_mb", 4608L)
                .containsEntry("ram_used_percent", 0.3).containsEntry("free_disk_gb", 1199977L)
                .containsEntry("running_vms", 4L);
    }

    @Test
    void as_demo_the_admin_only_tools_say_forbidden_clearly() {
        asDemo();
        on("GET", NOVA + "/os-hypervisors/detail", 403, "hypervisors-403.json");

        assertThat(tools.error("hypervisor_list", Map.of())).contains("HTTP 403", "os-hypervisors:list-detail",
                "admin-only operations need an admin token");
    }

    @Test
    void compute_service_list_filters_in_nova_and_counts_states() {
        asAdmin();
        on("GET", NOVA + "/os-services", 200, "nova-services-compute.json");

        Map<String, Object> services = tools.ok("compute_service_list", Map.of("binary", "nova-compute"));

        assertThat(query("GET", NOVA + "/os-services")).containsExactly("binary=nova-compute");
        assertThat(services).containsEntry("count", 2).containsEntry("up", 2).containsEntry("down", 0)
                .containsEntry("disabled", 0);
        assertThat(list(services.get("services")).get(0)).containsEntry("binary", "nova-compute")
                .containsEntry("host", "compute1").containsEntry("state", "up").containsEntry("forced_down", false);
    }

    @Test
    void availability_zone_list_with_and_without_hosts() {
        asAdmin();
        on("GET", NOVA + "/os-availability-zone", 200, "availability-zones.json");
        on("GET", NOVA + "/os-availability-zone/detail", 200, "availability-zones-detail.json");

        Map<String, Object> plain = tools.ok("availability_zone_list", Map.of());
        assertThat(list(plain.get("zones"))).containsExactly(Map.of("name", "nova", "available", true));

        Map<String, Object> detailed = tools.ok("availability_zone_list", Map.of("hosts", true));
        Map<String, Object> nova = list(detailed.get("zones")).stream().filter(z -> z.get("name").equals("nova"))
                .findFirst().orElseThrow();
        assertThat(list(nova.get("hosts"))).extracting(h -> h.get("host")).contains("compute1");
        assertThat(list(list(nova.get("hosts")).get(0).get("services")).get(0))
                .containsEntry("binary", "nova-compute").containsEntry("active", true);
    }
}
