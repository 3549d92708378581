package io.github.openstackops.mcp.identity;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity tools against Keystone (and Nova/Cinder/Neutron) responses recorded by testbed/record/identity.sh. */
class IdentityToolsTest {

    static final String ADMIN_PROJECT = "165691d20f104c0296c4aef3f2e93bac";
    static final String ADMIN_USER = "72f26e5cbb9d47a69ce23dbabf79f13d";
    static final String DEMO_PROJECT = "8555d241e74c44ad9cc087c1e0ccee5b";
    static final String DEMO_USER = "365bff11e39a4ecdb76724adf64d9ce4";
    static final String GROUP = "d79c320d234640899b0bfaab90bdb608";
    static final String MEMBER = "405d459d0b2e4ff4835c2a722f52f8f9";
    static final String ADMIN_ROLE = "221ac95c6a4f4f14b21b37ea56da48e6";
    static final String NEW_PROJECT = "51d0bf11ef2f4897befc693acc684b85";
    static final String NEW_USER = "e45412df42734d19acdcdbfeac3960fa";
    static final String PASSWORD = "Tr0ub4dor-&-3-unit";
    static final String KS = "/identity/v3";
    static final ObjectMapper JSON = new ObjectMapper();

    private ToolHarness tools;
    private FakeOpenStack fake;

    /** The fake cloud as admin (or demo), the services started on it. */
    private void start(boolean admin) {
        fake = FakeOpenStack.start();
        tools = ToolHarness.on(fake).allowModify();
        if (admin) {
            tools.asAdmin();
        }
        fake.on("GET", KS + "/domains/default", 200, "identity/domain-default.json")
                .on("GET", KS + "/auth/catalog", 200, "identity/auth-catalog.json")
                .on("GET", KS + "/projects", byName("projects-enabled.json", "projects"))
                .on("GET", KS + "/users", byName("users-default.json", "users"))
                .on("GET", KS + "/roles", byName("roles.json", "roles"))
                .on("GET", KS + "/groups", byName("groups-name.json", "groups"))
                .on("GET", KS + "/domains", byName("domains.json", "domains"))
                .on("GET", KS + "/projects/" + DEMO_PROJECT, 200, "identity/project-demo.json")
                .on("GET", KS + "/users/" + DEMO_USER, r -> Reply.json(200, one("users-default.json", "users", "user", DEMO_USER)))
                .on("GET", KS + "/users/" + DEMO_USER + "/groups", 200, "identity/user-demo-groups.json")
                .on("GET", KS + "/users/" + DEMO_USER + "/projects", 200, "identity/user-demo-projects.json")
                .on("GET", KS + "/projects/" + ADMIN_PROJECT, r -> Reply.json(200, one("projects-enabled.json", "projects", "project", ADMIN_PROJECT)))
                .on("GET", KS + "/users/" + ADMIN_USER, r -> Reply.json(200, one("users-default.json", "users", "user", ADMIN_USER)))
                .on("GET", KS + "/roles/" + MEMBER, r -> Reply.json(200, one("roles.json", "roles", "role", MEMBER)))
                .on("GET", KS + "/groups/" + GROUP, r -> Reply.json(200, one("groups-name.json", "groups", "group", GROUP)))
                .on("GET", KS + "/groups/" + GROUP + "/users", 200, "identity/group-users.json");
        tools.start();
    }

    @AfterEach
    void stop() {
        if (tools != null) {
            tools.close();
        }
    }

    /** A recorded list, filtered by the name= (exact) or name__icontains= query as Keystone would. */
    private Function<FakeOpenStack.Request, Reply> byName(String file, String key) {
        return r -> {
            List<String> query = FakeOpenStack.queryParams(r);
            ObjectNode body = (ObjectNode) read(file);
            ArrayNode kept = JSON.createArrayNode();
            body.path(key).forEach(item -> {
                String name = item.path("name").asText();
                boolean keep = query.stream().allMatch(p -> !p.startsWith("name=") || p.equals("name=" + name))
                        && query.stream().allMatch(p -> !p.startsWith("name__icontains=")
                        || name.toLowerCase().contains(p.substring("name__icontains=".length()).toLowerCase()));
                if (keep) {
                    kept.add(item);
                }
            });
            body.set(key, kept);
            return Reply.json(200, body.toString());
        };
    }

    private JsonNode read(String file) {
        try {
            return JSON.readTree(fake.recorded("identity/" + file));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One item of a recorded list as a single-resource response ({"user": {...}}). */
    private String one(String file, String key, String singular, String id) {
        for (JsonNode item : read(file).path(key)) {
            if (item.path("id").asText().equals(id)) {
                return JSON.createObjectNode().set(singular, item).toString();
            }
        }
        throw new IllegalArgumentException(id + " not in " + file);
    }

    private List<String> query(String method, String path) {
        List<FakeOpenStack.Request> requests = fake.requests(method, path);
        assertThat(requests).as(method + " " + path).isNotEmpty();
        return FakeOpenStack.queryParams(requests.get(requests.size() - 1));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    @Test
    void token_info_comes_from_the_cached_token_and_never_shows_it() {
        start(true);

        Map<String, Object> info = tools.ok("token_info", Map.of());

        assertThat(map(info.get("user"))).containsEntry("id", ADMIN_USER).containsEntry("name", "admin");
        assertThat(map(info.get("project"))).containsEntry("id", ADMIN_PROJECT).containsEntry("name", "admin");
        assertThat(map(info.get("project_domain"))).containsEntry("id", "default").containsEntry("name", "Default");
        assertThat((List<String>) info.get("roles")).contains("admin", "member", "reader");
        assertThat(info).containsEntry("admin", true).containsEntry("catalog_services", 7)
                .containsEntry("region", "RegionOne").containsEntry("interface", "public")
                .containsEntry("methods", List.of("password"));
        assertThat(((Number) info.get("expires_in_seconds")).longValue()).isBetween(11 * 3600L, 12 * 3600L);
        assertThat(info.toString()).doesNotContain("gAAAA", "fake-token", "fake-password");
        assertThat(fake.requests()).hasSize(1); // the authentication, nothing else
    }

    @Test
    void token_info_of_a_member_says_it_is_not_an_admin() {
        start(false);

        Map<String, Object> info = tools.ok("token_info", Map.of());

        assertThat(map(info.get("user"))).containsEntry("name", "demo");
        assertThat(info).containsEntry("admin", false);
        assertThat((List<String>) info.get("roles")).contains("member").doesNotContain("admin");
    }

    @Test
    void catalog_list_shows_services_with_their_endpoints_and_filters_them() {
        start(true);

        Map<String, Object> all = tools.ok("catalog_list", Map.of());
        assertThat(all).containsEntry("count", 7).containsEntry("endpoint_count", 21);
        assertThat(list(all, "services")).extracting(s -> s.get("type")).containsExactly("compute", "identity",
                "image", "network", "orchestration", "placement", "volumev3");

        Map<String, Object> nova = tools.ok("catalog_list", Map.of("service", "nova", "interface", "public"));
        assertThat(list(nova, "services")).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("type", "compute").containsEntry("name", "nova");
            assertThat(list(s, "endpoints")).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("interface", "public").containsEntry("region", "RegionOne")
                    .containsEntry("url", fake.base() + "/compute/v2.1"));
        });
        assertThat(tools.ok("catalog_list", Map.of("region", "Nowhere"))).containsEntry("count", 0);
    }

    @Test
    void project_list_filters_in_keystone_sorts_by_name_and_flags_truncation() {
        start(true);

        Map<String, Object> page = tools.ok("project_list", Map.of("enabled", true, "name_contains", "E", "domain", "default",
                "limit", 2));

        assertThat(query("GET", KS + "/projects")).contains("enabled=true", "name__icontains=E", "domain_id=default");
        assertThat(list(page, "projects")).extracting(p -> p.get("name")).containsExactly(
                "8555d241e74c44ad9cc087c1e0ccee5b-93d84906-1383-4d8a-adac-c84d914",
                "8555d241e74c44ad9cc087c1e0ccee5b-f06d4885-3833-430f-b410-f789733");
        assertThat(page).containsEntry("count", 2).containsEntry("truncated", true);

        Map<String, Object> all = tools.ok("project_list", Map.of());
        assertThat(list(all, "projects")).hasSize(5).extracting(p -> p.get("name")).contains("admin", "demo", "service");
        assertThat(all).containsEntry("truncated", false);
        assertThat(list(all, "projects").get(0)).doesNotContainKeys("links", "options");
    }

    @Test
    void project_get_by_name_resolves_the_domain_and_hides_the_domain_as_parent() {
        start(true);

        Map<String, Object> project = tools.ok("project_get", Map.of("project", "demo"));

        assertThat(query("GET", KS + "/projects")).containsExactly("name=demo");
        assertThat(project).containsEntry("id", DEMO_PROJECT).containsEntry("enabled", true)
                .containsEntry("is_domain", false).doesNotContainKey("parent");
        assertThat(map(project.get("domain"))).containsEntry("id", "default").containsEntry("name", "Default");
        assertThat((String) project.get("description")).contains("Demo project");
    }

    @Test
    void a_member_may_read_its_own_project_by_name_but_listing_is_forbidden_with_a_clear_message() {
        start(false);
        fake.on("GET", KS + "/projects", 403, "identity/projects-403.json");

        Map<String, Object> own = tools.ok("project_get", Map.of("project", "demo"));
        assertThat(own).containsEntry("id", DEMO_PROJECT);

        assertThat(tools.error("project_list", Map.of())).contains("HTTP 403").contains("identity:list_projects")
                .contains("admin");
        assertThat(tools.error("project_get", Map.of("project", "admin"))).contains("HTTP 403");
    }

    @Test
    void user_list_and_user_get_show_groups_projects_and_no_secrets() {
        start(true);

        Map<String, Object> users = tools.ok("user_list", Map.of("enabled", true, "name_contains", "n"));
        assertThat(query("GET", KS + "/users")).contains("enabled=true", "name__icontains=n");
        assertThat(list(users, "users")).extracting(u -> u.get("name")).containsExactly("admin", "cinder", "glance",
                "neutron", "nova", "placement");

        Map<String, Object> demo = tools.ok("user_get", Map.of("user", "demo"));
        assertThat(demo).containsEntry("id", DEMO_USER).containsEntry("enabled", true);
        assertThat(map(demo.get("default_project"))).containsEntry("id", DEMO_PROJECT).containsEntry("name", "demo");
        assertThat(list(demo, "groups")).extracting(g -> g.get("name")).containsExactly("rec-23778-group");
        assertThat(list(demo, "projects")).extracting(p -> p.get("name")).containsExactly("demo");
        assertThat(demo.toString()).doesNotContain("password=", "links");
        assertThat(fake.count("GET", KS + "/projects/.*")).isZero(); // the default project's name came with the list
    }

    @Test
    void role_list_and_domain_list_are_sorted_by_name() {
        start(true);

        assertThat(list(tools.ok("role_list", Map.of()), "roles")).extracting(r -> r.get("name")).containsExactly("admin",
                "heat_stack_owner", "heat_stack_user", "member", "reader", "service");
        assertThat(list(tools.ok("domain_list", Map.of("enabled", true)), "domains")).extracting(d -> d.get("name"))
                .containsExactly("Default", "heat");
        assertThat(query("GET", KS + "/domains")).containsExactly("enabled=true");
    }

    @Test
    void role_assignment_list_asks_keystone_for_names_and_shows_roles_held_through_a_group() {
        start(true);
        fake.on("GET", KS + "/role_assignments", 200, "identity/role-assignments-project-demo-effective.json");

        Map<String, Object> page = tools.ok("role_assignment_list", Map.of("project", "demo", "effective", true));

        assertThat(query("GET", KS + "/role_assignments")).containsExactlyInAnyOrder("include_names=true",
                "scope.project.id=" + DEMO_PROJECT, "effective=true");
        List<Map<String, Object>> assignments = list(page, "assignments");
        assertThat(assignments).hasSize(6).allSatisfy(a -> assertThat(map(a.get("project")))
                .containsEntry("name", "demo").containsEntry("domain", "Default"));
        assertThat(assignments).filteredOn(a -> GROUP.equals(a.get("via_group_id")))
                .extracting(a -> map(a.get("role")).get("name") + " " + map(a.get("user")).get("name"))
                .contains("member demo");
        assertThat(assignments).filteredOn(a -> a.get("via_group_id") == null)
                .extracting(a -> map(a.get("role")).get("name")).contains("member", "reader", "heat_stack_owner");
    }

    @Test
    void effective_with_a_group_is_rejected_before_calling_keystone() {
        start(true);

        assertThat(tools.error("role_assignment_list", Map.of("group", "x", "effective", true))).contains("effective")
                .contains("group");
        assertThat(fake.count("GET", KS + "/role_assignments")).isZero();
    }

    @Test
    void group_list_by_user_and_group_member_list() {
        start(true);

        assertThat(list(tools.ok("group_list", Map.of("user", "demo")), "groups")).extracting(g -> g.get("id"))
                .containsExactly(GROUP);
        Map<String, Object> members = tools.ok("group_member_list", Map.of("group", "rec-23778-group"));
        assertThat(map(members.get("group"))).containsEntry("id", GROUP);
        assertThat(list(members, "users")).extracting(u -> u.get("name")).containsExactly("demo");
        assertThat(tools.error("group_list", Map.of("user", "demo", "name", "x"))).contains("cannot be combined");
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    @Test
    void project_create_posts_only_what_was_given_in_the_servers_domain() throws Exception {
        start(true);
        fake.on("POST", KS + "/projects", 201, "identity/project-created.json");

        Map<String, Object> result = tools.ok("project_create", Map.of("name", "rec-23778-project", "description", "recording"));

        JsonNode sent = JSON.readTree(fake.requests("POST", KS + "/projects").get(0).body()).path("project");
        assertThat(sent.path("name").asText()).isEqualTo("rec-23778-project");
        assertThat(sent.path("domain_id").asText()).isEqualTo("default");
        assertThat(sent.path("enabled").asBoolean()).isTrue();
        assertThat(sent.has("parent_id")).isFalse();
        assertThat(result).containsEntry("changed", true);
        assertThat(map(result.get("project"))).containsEntry("id", NEW_PROJECT).containsEntry("enabled", true);

        fake.on("POST", KS + "/projects", 409, "identity/project-create-409.json");
        assertThat(tools.error("project_create", Map.of("name", "rec-23778-project"))).contains("already exists")
                .contains("project_update");
    }

    @Test
    void project_create_under_a_parent_in_a_named_domain_resolves_the_domain_once() throws Exception {
        start(true);
        fake.on("POST", KS + "/projects", 201, "identity/project-created.json");

        tools.ok("project_create", Map.of("name", "rec-23778-project", "domain", "default", "parent", "demo"));

        JsonNode sent = JSON.readTree(fake.requests("POST", KS + "/projects").get(0).body()).path("project");
        assertThat(sent.path("parent_id").asText()).isEqualTo(DEMO_PROJECT);
        assertThat(sent.path("domain_id").asText()).isEqualTo("default");
        assertThat(fake.count("GET", KS + "/domains/default")).isEqualTo(1);
    }

    @Test
    void project_update_patches_only_the_changed_fields() throws Exception {
        start(true);
        fake.on("GET", KS + "/projects/" + NEW_PROJECT, 200, "identity/project-created.json")
                .on("PATCH", KS + "/projects/" + NEW_PROJECT, 200, "identity/project-disabled.json");

        Map<String, Object> result = tools.ok("project_update", Map.of("project", NEW_PROJECT, "enabled", false,
                "description", "recording"));

        JsonNode sent = JSON.readTree(fake.requests("PATCH", KS + "/projects/" + NEW_PROJECT).get(0).body());
        assertThat(sent.toString()).isEqualTo("{\"project\":{\"enabled\":false}}");
        assertThat(result).containsEntry("changed", true);
        assertThat(map(result.get("project"))).containsEntry("enabled", false);
        assertThat((String) result.get("message")).contains("disabled");

        assertThat(tools.error("project_update", Map.of("project", NEW_PROJECT))).contains("Nothing to change");
    }

    @Test
    void the_servers_own_project_and_the_admin_and_service_projects_cannot_be_disabled_renamed_or_deleted() {
        start(true);

        assertThat(tools.error("project_update", Map.of("project", "admin", "enabled", false)))
                .contains("Refusing to disable project 'admin'").contains("this server is authenticated in");
        assertThat(tools.error("project_update", Map.of("project", "service", "name", "svc")))
                .contains("Refusing to rename project 'service'").contains("services");
        assertThat(tools.error("project_delete", Map.of("project", "service"))).contains("Refusing to delete project 'service'");
        assertThat(tools.error("project_delete", Map.of("project", ADMIN_PROJECT))).contains("Refusing to delete project 'admin'");
        assertThat(fake.count("PATCH", ".*") + fake.count("DELETE", ".*")).isZero();
        // a description change is harmless
        fake.on("PATCH", KS + "/projects/.*", r -> Reply.json(200, one("projects-enabled.json", "projects", "project", ADMIN_PROJECT)));
        assertThat(tools.ok("project_update", Map.of("project", "admin", "description", "ops"))).containsEntry("changed", true);
    }

    @Test
    void user_create_sends_the_password_to_keystone_only() throws Exception {
        start(true);
        fake.on("POST", KS + "/users", 201, "identity/user-created.json");
        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            Map<String, Object> result = tools.ok("user_create", Map.of("name", "rec-23778-user", "password", PASSWORD,
                    "email", "rec@example.org"));

            JsonNode sent = JSON.readTree(fake.requests("POST", KS + "/users").get(0).body()).path("user");
            assertThat(sent.path("password").asText()).isEqualTo(PASSWORD);
            assertThat(sent.path("domain_id").asText()).isEqualTo("default");
            assertThat(map(result.get("user"))).containsEntry("id", NEW_USER).containsEntry("email", "rec@example.org");
            assertThat((String) result.get("message")).contains("with the given password");
            assertThat(result.toString()).doesNotContain(PASSWORD);

            // a cloud that echoes the password in an error does not get it through
            fake.on("POST", KS + "/users", r -> Reply.json(400, "{\"error\": {\"code\": 400, \"message\":"
                    + " \"Invalid input for field 'password': '" + PASSWORD + "' is too weak.\"}}"));
            String echoed = tools.error("user_create", Map.of("name", "weak", "password", PASSWORD));
            assertThat(echoed).contains("HTTP 400").contains("too weak").doesNotContain(PASSWORD);

            String invalid = tools.error("user_create", Map.of("name", "x", "password", PASSWORD.repeat(60)));
            assertThat(invalid).contains("password").doesNotContain(PASSWORD);
        } finally {
            stopCapturing(logs);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getThrowableProxy())
                .doesNotContain(PASSWORD));
    }

    @Test
    void user_update_patches_email_and_state_and_protects_the_servers_user_and_the_service_users() throws Exception {
        start(true);
        fake.on("GET", KS + "/users/" + NEW_USER, 200, "identity/user-created.json")
                .on("PATCH", KS + "/users/" + NEW_USER, 200, "identity/user-updated.json");

        Map<String, Object> result = tools.ok("user_update", Map.of("user", NEW_USER, "enabled", false,
                "email", "rec2@example.org"));

        JsonNode sent = JSON.readTree(fake.requests("PATCH", KS + "/users/" + NEW_USER).get(0).body()).path("user");
        assertThat(sent.path("enabled").asBoolean(true)).isFalse();
        assertThat(sent.path("email").asText()).isEqualTo("rec2@example.org");
        assertThat(sent.size()).isEqualTo(2);
        assertThat(map(result.get("user"))).containsEntry("enabled", false).containsEntry("email", "rec2@example.org");

        assertThat(tools.error("user_update", Map.of("user", "admin", "enabled", false)))
                .contains("Refusing to disable user 'admin'").contains("this server is authenticated as");
        assertThat(tools.error("user_update", Map.of("user", "nova", "name", "nova2")))
                .contains("Refusing to rename user 'nova'").contains("services authenticate as 'nova'");
        assertThat(tools.error("user_delete", Map.of("user", "nova"))).contains("Refusing to delete user 'nova'");
        assertThat(fake.count("PATCH", KS + "/users/2ce8.*") + fake.count("DELETE", ".*")).isZero();
    }

    @Test
    void role_grant_puts_the_assignment_once_and_says_when_it_already_exists() {
        start(true);
        String grant = KS + "/projects/" + DEMO_PROJECT + "/users/" + NEW_USER + "/roles/" + MEMBER;
        AtomicBoolean granted = new AtomicBoolean();
        fake.on("GET", KS + "/users/" + NEW_USER, 200, "identity/user-created.json")
                .on("HEAD", grant, r -> new Reply(granted.get() ? 204 : 404, "", Map.of()))
                .on("PUT", grant, r -> {
                    granted.set(true);
                    return new Reply(204, "", Map.of());
                });
        Map<String, Object> args = Map.of("role", "member", "user", NEW_USER, "project", "demo");

        Map<String, Object> first = tools.ok("role_grant", args);
        Map<String, Object> again = tools.ok("role_grant", args);

        assertThat(first).containsEntry("changed", true).containsEntry("actor_type", "user")
                .containsEntry("target_type", "project");
        assertThat(map(first.get("role"))).containsEntry("id", MEMBER).containsEntry("name", "member");
        assertThat(map(first.get("target"))).containsEntry("name", "demo");
        assertThat(again).containsEntry("changed", false);
        assertThat(fake.count("PUT", grant)).isEqualTo(1);
        assertThat(tools.error("role_grant", Map.of("role", "member", "user", "demo", "group", "g", "project", "demo")))
                .contains("exactly one of 'user' or 'group'");
    }

    @Test
    void role_grant_to_a_group_on_a_domain_uses_the_domain_path() {
        start(true);
        String grant = KS + "/domains/default/groups/" + GROUP + "/roles/" + MEMBER;
        fake.on("HEAD", grant, r -> new Reply(404, "", Map.of()))
                .on("PUT", grant, r -> new Reply(204, "", Map.of()));

        Map<String, Object> result = tools.ok("role_grant", Map.of("role", MEMBER, "group", "rec-23778-group", "domain", "Default"));

        assertThat(result).containsEntry("actor_type", "group").containsEntry("target_type", "domain")
                .containsEntry("changed", true);
        assertThat(map(result.get("target"))).containsEntry("id", "default").containsEntry("name", "Default");
        assertThat(fake.count("PUT", grant)).isEqualTo(1);
        assertThat(tools.error("role_grant", Map.of("role", "member", "user", "demo"))).contains("exactly one of 'project' or 'domain'");
    }

    @Test
    void role_revoke_deletes_a_direct_grant_and_refuses_to_cut_the_servers_own_access() {
        start(true);
        String grant = KS + "/projects/" + DEMO_PROJECT + "/users/" + DEMO_USER + "/roles/" + MEMBER;
        fake.on("HEAD", KS + "/projects/.*/roles/.*", r -> new Reply(204, "", Map.of()))
                .on("DELETE", grant, r -> new Reply(204, "", Map.of()));

        assertThat(tools.ok("role_revoke", Map.of("role", "member", "user", "demo", "project", "demo")))
                .containsEntry("changed", true);
        assertThat(fake.count("DELETE", grant)).isEqualTo(1);

        assertThat(tools.error("role_revoke", Map.of("role", "admin", "user", "admin", "project", "admin")))
                .contains("Refusing to revoke role 'admin' for user 'admin' on project 'admin'");
        assertThat(tools.error("role_revoke", Map.of("role", "admin", "user", "nova", "project", "service")))
                .contains("Refusing to revoke").contains("'service' project");
        assertThat(fake.count("DELETE", ".*")).isEqualTo(1);

        fake.on("HEAD", KS + "/projects/.*/roles/.*", r -> new Reply(404, "", Map.of()));
        assertThat(tools.ok("role_revoke", Map.of("role", "member", "user", "demo", "project", "demo")))
                .containsEntry("changed", false);
    }

    @Test
    void group_user_add_and_remove_are_idempotent() {
        start(true);
        String membership = KS + "/groups/" + GROUP + "/users/" + DEMO_USER;
        AtomicBoolean member = new AtomicBoolean(false);
        fake.on("HEAD", membership, r -> new Reply(member.get() ? 204 : 404, "", Map.of()))
                .on("PUT", membership, r -> {
                    member.set(true);
                    return new Reply(204, "", Map.of());
                })
                .on("DELETE", membership, r -> {
                    member.set(false);
                    return new Reply(204, "", Map.of());
                });

        assertThat(tools.ok("group_user_add", Map.of("group", GROUP, "user", "demo"))).containsEntry("changed", true)
                .containsEntry("member", true);
        assertThat(tools.ok("group_user_add", Map.of("group", GROUP, "user", "demo"))).containsEntry("changed", false);
        assertThat(tools.ok("group_user_remove", Map.of("group", "rec-23778-group", "user", DEMO_USER)))
                .containsEntry("changed", true).containsEntry("member", false);
        assertThat(tools.ok("group_user_remove", Map.of("group", GROUP, "user", "demo"))).containsEntry("changed", false);
        assertThat(fake.count("PUT", membership)).isEqualTo(1);
        assertThat(fake.count("DELETE", membership)).isEqualTo(1);
    }

    @Test
    void the_servers_own_user_is_not_removed_from_a_group_that_gives_it_its_project() {
        start(true);
        fake.on("HEAD", KS + "/groups/.*", r -> new Reply(204, "", Map.of()))
                .on("GET", KS + "/role_assignments", 200, "identity/role-assignments-project-demo.json");

        assertThat(tools.error("group_user_remove", Map.of("group", GROUP, "user", "admin")))
                .contains("Refusing to remove user 'admin'");
        assertThat(query("GET", KS + "/role_assignments")).contains("group.id=" + GROUP,
                "scope.project.id=" + ADMIN_PROJECT);
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    // ---- destructive ---------------------------------------------------------------------------------------------

    @Test
    void project_delete_preview_names_the_assignments_and_everything_the_project_still_holds() {
        start(true);
        fake.on("GET", KS + "/projects", r -> FakeOpenStack.queryParams(r).contains("parent_id=" + DEMO_PROJECT)
                        ? Reply.json(200, fake.recorded("identity/projects-children-demo.json"))
                        : byName("projects-enabled.json", "projects").apply(r))
                .on("GET", KS + "/role_assignments", 200, "identity/role-assignments-project-demo.json")
                .on("GET", "/compute/v2.1/servers", 200, "identity/servers-project-demo.json")
                .on("GET", "/volume/v3/" + ADMIN_PROJECT + "/volumes", 200, "identity/volumes-project-demo.json")
                .on("GET", "/network/v2.0/networks", 200, "identity/networks-project-demo.json")
                .on("DELETE", KS + "/projects/" + DEMO_PROJECT, r -> new Reply(204, "", Map.of()));

        Map<String, Object> preview = tools.ok("project_delete", Map.of("project", "demo"));

        assertThat(preview).containsEntry("status", "preview");
        Map<String, Object> details = map(preview.get("preview"));
        assertThat((String) details.get("summary")).contains("demo").contains(DEMO_PROJECT)
                .contains("5 servers, 2 volumes, 3 networks");
        assertThat(list(details, "resources")).extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect"))
                .contains("project demo: deleted", "role_assignment member for user demo on project demo: removed",
                        "role_assignment member for group rec-23778-group on project demo: removed",
                        "server web-1: kept, orphaned: Keystone does not delete it",
                        "volume data-vol: kept, orphaned: Keystone does not delete it",
                        "network private: kept, orphaned: Keystone does not delete it");
        assertThat((List<String>) details.get("warnings")).first().asString().startsWith("WARNING")
                .contains("does NOT delete them");
        assertThat(query("GET", "/compute/v2.1/servers")).contains("all_tenants=1", "project_id=" + DEMO_PROJECT);
        assertThat(query("GET", "/volume/v3/" + ADMIN_PROJECT + "/volumes")).contains("all_tenants=1",
                "project_id=" + DEMO_PROJECT);
        assertThat(query("GET", "/network/v2.0/networks")).contains("project_id=" + DEMO_PROJECT);
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.ok("project_delete", Map.of("project", "demo", "confirm", preview.get("confirm")));
        assertThat(done).containsEntry("status", "executed");
        assertThat(map(done.get("result"))).containsEntry("id", DEMO_PROJECT).containsEntry("name", "demo");
        assertThat(fake.count("DELETE", KS + "/projects/" + DEMO_PROJECT)).isEqualTo(1);
    }

    @Test
    void a_project_with_children_is_not_deleted_and_a_failing_count_is_a_warning() {
        start(true);
        fake.on("GET", KS + "/projects", r -> FakeOpenStack.queryParams(r).contains("parent_id=" + DEMO_PROJECT)
                ? Reply.json(200, fake.recorded("identity/projects-enabled.json"))
                : byName("projects-enabled.json", "projects").apply(r));

        assertThat(tools.error("project_delete", Map.of("project", "demo"))).contains("child project")
                .contains("Delete or move those first");

        fake.on("GET", KS + "/projects", r -> FakeOpenStack.queryParams(r).contains("parent_id=" + DEMO_PROJECT)
                        ? Reply.json(200, fake.recorded("identity/projects-children-demo.json"))
                        : byName("projects-enabled.json", "projects").apply(r))
                .on("GET", KS + "/role_assignments", 200, "identity/role-assignments-user-new.json")
                .on("GET", "/compute/v2.1/servers", r -> Reply.json(503, "{\"message\": \"nova is down\"}"))
                .on("GET", "/volume/v3/.*/volumes", r -> Reply.json(200, "{\"volumes\": []}"))
                .on("GET", "/network/v2.0/networks", r -> Reply.json(200, "{\"networks\": []}"));
        Map<String, Object> details = map(tools.ok("project_delete", Map.of("project", "demo")).get("preview"));
        assertThat((List<String>) details.get("warnings")).anySatisfy(w -> assertThat(w)
                .contains("Could not check the project's servers").contains("503"));
    }

    @Test
    void user_delete_preview_names_the_role_assignments_and_group_memberships_that_go() {
        start(true);
        fake.on("GET", KS + "/role_assignments", 200, "identity/role-assignments-user-demo.json")
                .on("DELETE", KS + "/users/" + DEMO_USER, r -> new Reply(204, "", Map.of()));

        Map<String, Object> preview = tools.ok("user_delete", Map.of("user", "demo"));

        Map<String, Object> details = map(preview.get("preview"));
        assertThat((String) details.get("summary")).contains("demo").contains("3 role assignment(s)")
                .contains("1 group membership(s)");
        assertThat(list(details, "resources")).extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect"))
                .containsExactlyInAnyOrder("user demo: deleted",
                        "role_assignment member for user demo on project demo: removed",
                        "role_assignment reader for user demo on project demo: removed",
                        "role_assignment heat_stack_owner for user demo on project demo: removed",
                        "group_membership rec-23778-group: removed from the group");
        assertThat(query("GET", KS + "/role_assignments")).contains("user.id=" + DEMO_USER, "include_names=true");
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.ok("user_delete", Map.of("user", "demo", "confirm", preview.get("confirm")));
        assertThat(map(done.get("result"))).containsEntry("id", DEMO_USER);
        assertThat(fake.count("DELETE", KS + "/users/" + DEMO_USER)).isEqualTo(1);
    }

    private final Map<String, Level> levels = new HashMap<>();

    /** Every log event of every logger, at TRACE, until {@link #stopCapturing}. */
    private ListAppender<ILoggingEvent> captureLogs() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(logging);
        appender.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        logging.getLoggerList().forEach(l -> {
            levels.put(l.getName(), l.getLevel());
            l.setLevel(Level.TRACE);
        });
        return appender;
    }

    private void stopCapturing(ListAppender<ILoggingEvent> appender) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        levels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        appender.stop();
    }
}
