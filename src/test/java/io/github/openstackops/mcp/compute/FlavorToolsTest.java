package io.github.openstackops.mcp.compute;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flavor tools against recorded Nova responses (microversion 2.61). */
class FlavorToolsTest extends InventoryToolsTestBase {

    static final String TINY = "e8eefcf4-bb32-4b6b-9b1d-9766f18bd71d";
    static final String SMALL = "d42de0a1-f2e4-421c-9230-8502714ea731";

    @Test
    void flavor_list_pages_and_filters_in_nova_at_microversion_2_61() {
        asDemo();
        on("GET", NOVA + "/flavors/detail", 200, "flavors-detail-limit3.json");

        Map<String, Object> page = tools.ok("flavor_list", Map.of("limit", 2, "min_ram_mb", 512, "marker", "abc"));

        assertThat(query("GET", NOVA + "/flavors/detail"))
                .contains("limit=3", "marker=abc", "minRam=512", "is_public=None");
        assertThat(header(last("GET", NOVA + "/flavors/detail"), "X-OpenStack-Nova-API-Version")).isEqualTo("2.61");
        assertThat(list(page.get("flavors"))).extracting(f -> f.get("name")).containsExactly("m1.medium", "m1.small");
        assertThat(page).containsEntry("count", 2).containsEntry("next_marker", SMALL);
        assertThat(list(page.get("flavors")).get(0)).containsEntry("vcpus", 2).containsEntry("ram_mb", 4096)
                .containsEntry("disk_gb", 40).containsEntry("swap_mb", 0).containsEntry("is_public", true)
                .doesNotContainKeys("links", "extra_specs");
    }

    @Test
    void flavor_get_by_name_falls_back_from_the_id_lookup_to_the_list() {
        asDemo();
        on("GET", NOVA + "/flavors/m1.tiny", 404, "flavor-404.json");
        on("GET", NOVA + "/flavors/detail", 200, "flavors-detail-all.json");

        Map<String, Object> flavor = tools.ok("flavor_get", Map.of("flavor", "m1.tiny"));

        assertThat(flavor).containsEntry("id", TINY).containsEntry("name", "m1.tiny").containsEntry("ram_mb", 512)
                .containsEntry("extra_specs", Map.of()).containsEntry("rxtx_factor", 1.0);
        assertThat(tools.error("flavor_get", Map.of("flavor", "m1.huge"))).isEqualTo(
                "Flavor 'm1.huge' was not found (or is not visible to this project).");
    }

    @Test
    void flavor_get_by_id_is_one_call() {
        asDemo();
        on("GET", NOVA + "/flavors/" + TINY, 200, "flavor-m1-tiny.json");

        assertThat(tools.ok("flavor_get", Map.of("flavor", TINY))).containsEntry("name", "m1.tiny");
        assertThat(fake.count("GET", NOVA + "/flavors/detail")).isZero();
    }

    @Test
    void flavor_create_sends_the_sizes_and_reports_the_new_flavor() {
        asAdmin();
        on("POST", NOVA + "/flavors", 200, "flavor-create.json");

        Map<String, Object> created = tools.ok("flavor_create", Map.of("name", "rec-flavor", "vcpus", 1, "ram_mb", 128,
                "disk_gb", 1, "is_public", false, "description", "recorded"));

        String body = last("POST", NOVA + "/flavors").body();
        assertThat(body).contains("\"vcpus\":1", "\"ram\":128", "\"disk\":1", "\"os-flavor-access:is_public\":false",
                "\"description\":\"recorded\"").doesNotContain("\"id\"");
        assertThat(map(created.get("flavor"))).containsEntry("name", "rec11824-flavor").containsEntry("is_public", false)
                .containsEntry("swap_mb", 0);
        assertThat((String) created.get("message")).contains("created", "1 vCPU, 128 MiB RAM, 1 GiB disk", "private");
    }

    @Test
    void flavor_delete_previews_the_servers_still_using_it_then_deletes() {
        asAdmin();
        on("GET", NOVA + "/flavors/" + TINY, 200, "flavor-m1-tiny.json");
        on("GET", NOVA + "/servers", 200, "servers-using-m1-tiny.json");
        fake.on("DELETE", NOVA + "/flavors/" + TINY, r -> new io.github.openstackops.mcp.support.FakeOpenStack.Reply(202, "", Map.of()));

        Map<String, Object> preview = map(tools.ok("flavor_delete", Map.of("flavor", TINY)).get("preview"));

        assertThat(query("GET", NOVA + "/servers")).contains("all_tenants=1", "flavor=" + TINY);
        assertThat(list(preview.get("resources"))).extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect"))
                .containsExactly("flavor m1.tiny: deleted",
                        "server stack-vm-gei8yg: keeps running with its own copy of the flavor",
                        "server cache-1: keeps running with its own copy of the flavor",
                        "server web-1: keeps running with its own copy of the flavor");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w)
                .startsWith("Flavor 'm1.tiny' is in use by 3 servers"));
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.confirmed("flavor_delete", Map.of("flavor", TINY));

        assertThat(done).containsEntry("id", TINY).containsEntry("servers_using", 3);
        assertThat(fake.count("DELETE", NOVA + "/flavors/" + TINY)).isEqualTo(1);
    }

    @Test
    void flavor_create_as_demo_is_forbidden_with_a_clear_message() {
        asDemo();
        fake.on("POST", NOVA + "/flavors", r -> io.github.openstackops.mcp.support.FakeOpenStack.Reply.json(403,
                "{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.\"}}"));

        assertThat(tools.error("flavor_create", Map.of("name", "x", "vcpus", 1, "ram_mb", 64, "disk_gb", 0)))
                .contains("HTTP 403", "os-flavor-manage:create", "admin");
    }
}
