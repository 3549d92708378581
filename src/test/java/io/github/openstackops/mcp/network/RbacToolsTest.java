package io.github.openstackops.mcp.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** rbac_policy_* against testbed/record/network-reach.sh: demo's private network shared with the admin project. */
class RbacToolsTest extends NetworkReachTestBase {

    @Test
    void list_filters_in_neutron_by_object_name_and_names_the_objects() {
        Map<String, Object> page = tools.ok("rbac_policy_list", Map.of("object_type", "network", "object", "private",
                "action", "access_as_shared"));

        assertThat(queries("GET", N + "/rbac-policies").get(0)).contains("object_type=network",
                "object_id=" + PRIVATE_NET, "action=access_as_shared", "limit=51");
        assertThat(list(page, "rbac_policies")).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("target_project", ADMIN_PROJECT).containsEntry("object_type", "network");
            assertThat(p.get("object")).isEqualTo(Map.of("id", PRIVATE_NET, "name", "private"));
        });
    }

    @Test
    void get_names_the_target_project_when_keystone_lets_it() {
        Map<String, Object> policy = tools.ok("rbac_policy_get", Map.of("policy", RBAC));

        assertThat(policy).containsEntry("target_project_name", "admin").containsEntry("action", "access_as_shared");
        assertThat(tools.error("rbac_policy_get", Map.of("policy", "not-an-id"))).contains("RBAC policy 'not-an-id'");
    }

    @Test
    void create_resolves_the_object_and_the_project_by_name() {
        reach("POST", N + "/rbac-policies", 201, "rbac-create.json");

        Map<String, Object> created = tools.ok("rbac_policy_create", Map.of("object_type", "network",
                "object", "private", "target_project", ADMIN_PROJECT));

        assertThat(NeutronFake.body(last("POST", N + "/rbac-policies")).toString()).isEqualTo("{\"rbac_policy\":"
                + "{\"object_type\":\"network\",\"object_id\":\"" + PRIVATE_NET + "\",\"action\":\"access_as_shared\","
                + "\"target_tenant\":\"" + ADMIN_PROJECT + "\"}}");
        assertThat(created).containsEntry("id", RBAC).containsEntry("target_project_name", "admin");
        assertThat(tools.error("rbac_policy_create", Map.of("object_type", "security_group", "object", "web",
                "action", "access_as_external", "target_project", "*"))).contains("networks only");
    }

    @Test
    @SuppressWarnings("unchecked")
    void delete_previews_the_project_that_loses_access() {
        answer("DELETE", N + "/rbac-policies/" + RBAC, 204);

        Map<String, Object> preview = preview("rbac_policy_delete", Map.of("policy", RBAC));

        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type") + " "
                + r.get("effect")).contains("project loses access_as_shared on network 'private' (" + PRIVATE_NET + ")");
        assertThat(preview.get("warnings").toString()).contains("Project admin (" + ADMIN_PROJECT + ") loses",
                "Neutron refuses the delete while that project still uses it");
        Map<String, Object> done = tools.confirmed("rbac_policy_delete", Map.of("policy", RBAC));
        assertThat(done).containsEntry("target_project", ADMIN_PROJECT);
        assertThat(fake.count("DELETE", N + "/rbac-policies/" + RBAC)).isEqualTo(1);
    }
}
