package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flavor extra specs and flavor access against the private flavor recorded by testbed/record/compute-reach.sh. */
class FlavorAccessToolsTest extends InventoryToolsTestBase {

    private static final String FLAVOR = "c9bb7cc6-7c1c-4253-bff9-13b6aa77efc5";
    private static final String FLAVORS = NOVA + "/flavors/" + FLAVOR;

    private void reach(String method, String path, int status, String file) {
        fake.on(method, path, status, "compute-reach/" + file);
    }

    @Test
    void extra_specs_are_set_and_removed_and_a_missing_key_is_named_before_anything_is_deleted() {
        asAdmin();
        reach("GET", FLAVORS, 200, "flavor-private.json");
        reach("POST", FLAVORS + "/os-extra_specs", 200, "flavor-extra-specs-set.json");
        reach("GET", FLAVORS + "/os-extra_specs", 200, "flavor-extra-specs.json");
        fake.on("DELETE", FLAVORS + "/os-extra_specs/.*", r -> new Reply(200, "", Map.of()));

        Map<String, Object> set = tools.ok("flavor_extra_spec_set", Map.of("flavor", FLAVOR,
                "extra_specs", Map.of("hw:cpu_policy", "dedicated")));
        Map<String, Object> removed = tools.ok("flavor_extra_spec_remove", Map.of("flavor", FLAVOR,
                "keys", List.of("quota:cpu_shares")));

        assertThat(last("POST", FLAVORS + "/os-extra_specs").body())
                .isEqualTo("{\"extra_specs\":{\"hw:cpu_policy\":\"dedicated\"}}");
        assertThat(set).containsEntry("flavor_name", "h13-rec-24900-flavor")
                .containsEntry("extra_specs", Map.of("hw:cpu_policy", "dedicated", "quota:cpu_shares", "512"));
        assertThat(last("DELETE", FLAVORS + "/os-extra_specs/.*").path()).endsWith("/os-extra_specs/quota:cpu_shares");
        assertThat((String) removed.get("message")).contains("Removed [quota:cpu_shares]");
        assertThat(tools.error("flavor_extra_spec_remove", Map.of("flavor", FLAVOR, "keys", List.of("no-such-key"))))
                .contains("has no extra spec [no-such-key]");
        assertThat(fake.count("DELETE", ".*")).isEqualTo(1);
    }

    @Test
    void access_is_listed_added_and_removed_for_a_project_named_by_name() {
        asAdmin();
        reach("GET", FLAVORS, 200, "flavor-private.json");
        on("GET", "/identity/v3/projects", 200, "projects-demo.json");
        fake.on("GET", FLAVORS + "/os-flavor-access", r -> Reply.json(200, fake.recorded(
                fake.count("POST", FLAVORS + "/action") == 1 ? "compute-reach/flavor-access-add.json"
                        : "compute-reach/flavor-access-empty.json")));
        fake.on("POST", FLAVORS + "/action", r -> Reply.json(200, fake.recorded(r.body().contains("addTenantAccess")
                ? "compute-reach/flavor-access-add.json" : "compute-reach/flavor-access-remove.json")));

        Map<String, Object> before = tools.ok("flavor_access_list", Map.of("flavor", FLAVOR));
        Map<String, Object> added = tools.ok("flavor_access_add", Map.of("flavor", FLAVOR, "project", "demo"));
        Map<String, Object> removed = tools.ok("flavor_access_remove", Map.of("flavor", FLAVOR, "project", "demo"));

        assertThat(before).containsEntry("count", 0);
        assertThat(fake.requests("POST", FLAVORS + "/action")).extracting(r -> r.body()).containsExactly(
                "{\"addTenantAccess\":{\"tenant\":\"" + DEMO + "\"}}", "{\"removeTenantAccess\":{\"tenant\":\"" + DEMO + "\"}}");
        assertThat(added).containsEntry("count", 1);
        assertThat(list(added.get("projects")).get(0)).containsEntry("id", "43d378f821fa4d0e9343002e7a683ad2");
        assertThat((String) added.get("message")).contains("may now use flavor 'h13-rec-24900-flavor'");
        assertThat(removed).containsEntry("count", 0);
    }

    @Test
    void a_public_flavor_has_no_access_list_and_an_existing_grant_is_a_conflict() {
        asAdmin();
        on("GET", NOVA + "/flavors/" + FlavorToolsTest.TINY, 200, "flavor-m1-tiny.json");
        reach("GET", FLAVORS, 200, "flavor-private.json");
        on("GET", "/identity/v3/projects", 200, "projects-demo.json");
        reach("POST", FLAVORS + "/action", 409, "flavor-access-add-409.json");

        assertThat(tools.error("flavor_access_list", Map.of("flavor", FlavorToolsTest.TINY))).contains("is public");
        assertThat(tools.error("flavor_access_add", Map.of("flavor", FLAVOR, "project", "demo")))
                .contains("Flavor access already exists");
    }
}
