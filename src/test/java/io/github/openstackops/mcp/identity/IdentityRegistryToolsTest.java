package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services and endpoints as registered, and groups and roles created and deleted, against Keystone responses
 * recorded by testbed/record/identity-catalog.sh (as admin).
 */
class IdentityRegistryToolsTest {

    static final String KS = "/identity/v3";
    static final String COMPUTE = "43822a582a974515803a8c4ec37a71b9";
    static final String ENDPOINT = "4a0b0ed75284427e81c4c718ab0c2863";
    static final String GROUP = "aac12ed1ad07493ea7063982f77b913d";
    static final String ROLE = "83ee92edf582451bb6de48a0865c9864";
    static final ObjectMapper JSON = new ObjectMapper();

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start();
        tools = ToolHarness.on(fake).allowModify().asAdmin();
        fake.on("GET", KS + "/services", r -> Reply.json(200, fake.recorded(FakeOpenStack.queryParams(r).isEmpty()
                        ? "identity/services.json" : "identity/services-type-compute.json")))
                .on("GET", KS + "/services/" + COMPUTE, 200, "identity/service-compute.json")
                .on("GET", KS + "/endpoints", r -> Reply.json(200, fake.recorded(FakeOpenStack.queryParams(r).isEmpty()
                        ? "identity/endpoints.json" : "identity/endpoints-compute-public.json")))
                .on("GET", KS + "/endpoints/" + ENDPOINT, 200, "identity/endpoint-compute-public.json")
                .on("GET", KS + "/groups", 200, "identity/groups-name-created.json")
                .on("GET", KS + "/groups/" + GROUP + "/users", 200, "identity/group-created-users.json")
                .on("GET", KS + "/roles", 200, "identity/roles-name-created.json")
                .on("GET", KS + "/role_assignments", r -> Reply.json(200, fake.recorded(
                        FakeOpenStack.queryParams(r).contains("role.id=" + ROLE)
                                ? "identity/role-assignments-role-created.json"
                                : "identity/role-assignments-group-created.json")))
                .on("DELETE", KS + "/(groups|roles)/[0-9a-f]+", r -> new Reply(204, "", Map.of()));
        tools.start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void services_and_endpoints_are_listed_as_registered_and_endpoints_name_their_service_type() {
        Map<String, Object> services = tools.ok("service_list", Map.of());
        assertThat(list(services, "services")).extracting(s -> s.get("type"))
                .contains("compute", "identity", "network", "orchestration").isSorted();
        assertThat(tools.ok("service_get", Map.of("service", "nova"))).containsEntry("id", COMPUTE)
                .containsEntry("type", "compute");
        assertThat(tools.ok("service_get", Map.of("service", COMPUTE))).containsEntry("name", "nova");

        Map<String, Object> endpoints = tools.ok("endpoint_list", Map.of("service", "compute", "interface", "public"));
        assertThat(list(endpoints, "endpoints")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("id", ENDPOINT).containsEntry("service_type", "compute")
                .containsEntry("interface", "public").containsEntry("region", "RegionOne"));
        assertThat(fake.requests("GET", KS + "/endpoints").get(0).query()).contains("service_id=" + COMPUTE)
                .contains("interface=public");
        assertThat(tools.ok("endpoint_get", Map.of("endpoint", ENDPOINT))).containsEntry("service_type", "compute");
        assertThat(tools.error("service_get", Map.of("service", "no-such-service"))).contains("was not found");
    }

    @Test
    void group_create_and_role_create_post_the_name_and_a_taken_name_is_a_clear_conflict() throws Exception {
        fake.on("POST", KS + "/groups", 201, "identity/group-created.json")
                .on("POST", KS + "/roles", 201, "identity/role-created.json");

        assertThat(map(tools.ok("group_create", Map.of("name", "rec-14341-group")).get("group"))).containsEntry("id", GROUP);
        assertThat(JSON.readTree(fake.requests("POST", KS + "/groups").get(0).body()).path("group")
                .path("domain_id").asText()).isEqualTo("default");
        assertThat(map(tools.ok("role_create", Map.of("name", "rec-14341-role")).get("role"))).containsEntry("id", ROLE);

        fake.on("POST", KS + "/groups", 409, "identity/group-create-409.json")
                .on("POST", KS + "/roles", 409, "identity/role-create-409.json");
        assertThat(tools.error("group_create", Map.of("name", "rec-14341-group"))).contains("already exists");
        assertThat(tools.error("role_create", Map.of("name", "rec-14341-role"))).contains("already exists");
    }

    @Test
    void group_delete_previews_the_assignments_and_members_that_go_then_deletes_once() {
        Map<String, Object> preview = tools.ok("group_delete", Map.of("group", "rec-14341-group"));
        Map<String, Object> details = map(preview.get("preview"));
        assertThat((String) details.get("summary")).contains("1 role assignment(s) and 1 membership(s)");
        assertThat(list(details, "resources")).extracting(r -> r.get("type") + " " + r.get("name"))
                .contains("group rec-14341-group", "role_assignment rec-14341-role for group rec-14341-group on project demo");
        assertThat((List<String>) details.get("warnings")).anySatisfy(w -> assertThat(w).contains("[demo]"));
        assertThat(fake.count("DELETE", ".*")).isZero();

        tools.ok("group_delete", Map.of("group", "rec-14341-group", "confirm", preview.get("confirm")));
        assertThat(fake.count("DELETE", KS + "/groups/" + GROUP)).isEqualTo(1);
    }

    @Test
    void role_delete_previews_who_loses_it_and_the_roles_the_cloud_relies_on_are_refused() {
        Map<String, Object> preview = tools.ok("role_delete", Map.of("role", "rec-14341-role"));
        assertThat((String) map(preview.get("preview")).get("summary")).contains("held in 1 role assignment(s)");
        tools.ok("role_delete", Map.of("role", "rec-14341-role", "confirm", preview.get("confirm")));
        assertThat(fake.count("DELETE", KS + "/roles/" + ROLE)).isEqualTo(1);

        fake.on("GET", KS + "/roles", 200, "identity/roles.json");
        assertThat(tools.error("role_delete", Map.of("role", "member"))).contains("Refusing")
                .contains("default policies");
        assertThat(tools.error("role_delete", Map.of("role", "heat_stack_owner"))).contains("Refusing")
                .contains("this server's own token holds it");
        assertThat(fake.count("DELETE", KS + "/roles/.*")).isEqualTo(1);
    }
}
