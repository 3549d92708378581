package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.lines;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity tools against the testbed's Keystone, as admin (and as demo for what a member may not do), checked
 * with the openstack CLI. Throw-away project, user, group and network carry {@link LiveCloud#RUN} in their names and
 * are removed at the end, also when a test fails.
 */
class IdentityLiveIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = "ops-live-id-" + LiveCloud.RUN;
    static final String PROJECT = PREFIX + "-proj";
    static final String USER = PREFIX + "-user";
    static final String GROUP = PREFIX + "-group";
    static final String NETWORK = PREFIX + "-net";
    static final String PASSWORD = "Live-" + LiveCloud.RUN + "-S3cret!";

    static LiveTools admin;
    static LiveTools demo;

    @BeforeAll
    static void connect() {
        admin = LiveTools.admin();
        demo = LiveTools.demo();
    }

    @AfterAll
    static void cleanUp() {
        quietly("network", "delete", NETWORK);
        quietly("user", "delete", USER);
        quietly("group", "delete", GROUP);
        quietly("project", "delete", PROJECT);
        LiveTools.close(admin, demo);
    }

    private static void quietly(String... args) {
        try {
            openstackAdmin(args);
        } catch (RuntimeException gone) {
            // not created, or already deleted by the test
        }
    }

    private static JsonNode cli(String... args) {
        return json(openstackAdmin(args));
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
    void token_info_and_catalog_list_match_what_the_cli_gets_for_the_same_credentials() {
        JsonNode token = cli("token", "issue", "-f", "json");
        Map<String, Object> info = admin.ok("token_info", Map.of());
        assertThat(map(info.get("user"))).containsEntry("id", token.path("user_id").asText()).containsEntry("name", "admin");
        assertThat(map(info.get("project"))).containsEntry("id", token.path("project_id").asText());
        assertThat(info).containsEntry("admin", true);
        assertThat(info.toString()).doesNotContain(token.path("id").asText().substring(0, 20), "gAAAA");

        Map<String, Object> mine = demo.ok("token_info", Map.of());
        assertThat(map(mine.get("project"))).containsEntry("name", "demo");
        assertThat(mine).containsEntry("admin", false);
        assertThat((List<String>) mine.get("roles")).contains("member");

        JsonNode catalog = cli("catalog", "list", "-f", "json");
        Map<String, Object> services = admin.ok("catalog_list", Map.of());
        Set<String> truth = new HashSet<>();
        Set<String> urls = new HashSet<>();
        catalog.forEach(s -> {
            truth.add(s.path("Type").asText() + "/" + s.path("Name").asText());
            s.path("Endpoints").forEach(e -> urls.add(e.path("interface").asText() + " " + e.path("url").asText()));
        });
        assertThat(list(services, "services")).extracting(s -> s.get("type") + "/" + s.get("name"))
                .containsExactlyInAnyOrderElementsOf(truth);
        assertThat(list(services, "services").stream().flatMap(s -> list(s, "endpoints").stream())
                .map(e -> e.get("interface") + " " + e.get("url"))).containsExactlyInAnyOrderElementsOf(urls);
        Map<String, Object> compute = demo.ok("catalog_list", Map.of("service", "compute", "interface", "internal"));
        assertThat(list(compute, "services")).singleElement().satisfies(s -> assertThat(list(s, "endpoints"))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("interface", "internal")));
    }

    @Test
    void project_user_role_and_domain_lists_hold_what_the_cli_lists() {
        Set<String> projects = lines(openstackAdmin("project", "list", "-f", "value", "-c", "ID"));
        Map<String, Object> page = admin.ok("project_list", Map.of("limit", 200));
        assertThat(list(page, "projects")).extracting(p -> (String) p.get("id")).containsExactlyInAnyOrderElementsOf(projects);
        assertThat(page).containsEntry("truncated", false);
        Map<String, Object> two = admin.ok("project_list", Map.of("limit", 2));
        assertThat(two).containsEntry("count", 2).containsEntry("truncated", true);
        assertThat(list(admin.ok("project_list", Map.of("name_contains", "DEM", "domain", "Default")), "projects"))
                .extracting(p -> p.get("name")).contains("demo").doesNotContain("admin", "service");

        Set<String> users = lines(openstackAdmin("user", "list", "-f", "value", "-c", "ID"));
        assertThat(list(admin.ok("user_list", Map.of("limit", 200)), "users")).extracting(u -> (String) u.get("id"))
                .containsExactlyInAnyOrderElementsOf(users);
        Set<String> roles = lines(openstackAdmin("role", "list", "-f", "value", "-c", "Name"));
        assertThat(list(admin.ok("role_list", Map.of()), "roles")).extracting(r -> (String) r.get("name"))
                .containsExactlyInAnyOrderElementsOf(roles);
        Set<String> domains = lines(openstackAdmin("domain", "list", "-f", "value", "-c", "ID"));
        assertThat(list(admin.ok("domain_list", Map.of()), "domains")).extracting(d -> (String) d.get("id"))
                .containsExactlyInAnyOrderElementsOf(domains);

        JsonNode demoProject = cli("project", "show", "demo", "-f", "json");
        Map<String, Object> detail = admin.ok("project_get", Map.of("project", "demo", "domain", "Default"));
        assertThat(detail).containsEntry("id", demoProject.path("id").asText())
                .containsEntry("description", demoProject.path("description").asText())
                .containsEntry("enabled", demoProject.path("enabled").asBoolean());
        assertThat(map(detail.get("domain"))).containsEntry("name", "Default");

        JsonNode assignments = cli("role", "assignment", "list", "--user", "demo", "--project", "demo", "--names",
                "-f", "json");
        Set<String> truth = new HashSet<>();
        assignments.forEach(a -> truth.add(a.path("Role").asText()));
        Map<String, Object> mine = admin.ok("role_assignment_list", Map.of("user", "demo", "project", "demo"));
        assertThat(list(mine, "assignments")).extracting(a -> (String) map(a.get("role")).get("name"))
                .containsExactlyInAnyOrderElementsOf(truth);
        assertThat(list(mine, "assignments")).allSatisfy(a -> assertThat(map(a.get("user"))).containsEntry("name", "demo"));
    }

    @Test
    void a_member_reads_itself_but_is_forbidden_everything_admin_only_with_a_clear_message() {
        assertThat(demo.ok("project_get", Map.of("project", "demo"))).containsEntry("name", "demo");
        Map<String, Object> self = demo.ok("user_get", Map.of("user", "demo"));
        assertThat(list(self, "projects")).extracting(p -> p.get("name")).contains("demo");
        assertThat(demo.ok("group_list", Map.of("user", "demo"))).containsEntry("truncated", false);

        for (String tool : List.of("project_list", "user_list", "role_list", "domain_list", "group_list",
                "role_assignment_list")) {
            assertThat(demo.error(tool, Map.of())).as(tool).contains("HTTP 403").contains("not authorized")
                    .contains("admin");
        }
        assertThat(demo.error("user_get", Map.of("user", "admin"))).contains("HTTP 403");
        assertThat(demo.error("project_create", Map.of("name", PREFIX + "-demo"))).contains("HTTP 403");
        assertThat(demo.error("project_delete", Map.of("project", "admin"))).contains("HTTP 403");
    }

    // ---- guard rails -----------------------------------------------------------------------------------------------

    @Test
    void the_admin_and_service_accounts_and_the_servers_own_cannot_be_taken_away() {
        // (the testbed's admin password is "admin", so the server masks that word in every message it sends)
        assertThat(admin.error("project_delete", Map.of("project", "admin"))).startsWith("Refusing to delete project")
                .contains("this server is authenticated in");
        assertThat(admin.error("project_delete", Map.of("project", "service"))).contains("Refusing to delete project 'service'");
        assertThat(admin.error("project_update", Map.of("project", "admin", "enabled", false))).contains("Refusing to disable");
        assertThat(admin.error("user_delete", Map.of("user", "admin"))).startsWith("Refusing to delete user");
        assertThat(admin.error("user_update", Map.of("user", "nova", "enabled", false))).contains("Refusing to disable user 'nova'");
        assertThat(admin.error("user_delete", Map.of("user", "placement"))).contains("Refusing to delete user 'placement'");
        assertThat(admin.error("role_revoke", Map.of("role", "admin", "user", "admin", "project", "admin")))
                .contains("Refusing to revoke");
        assertThat(admin.error("role_revoke", Map.of("role", "service", "user", "nova", "project", "service")))
                .contains("Refusing to revoke");
        assertThat(cli("project", "show", "admin", "-f", "json").path("enabled").asBoolean()).isTrue();
        assertThat(cli("user", "show", "nova", "-f", "json").path("enabled").asBoolean()).isTrue();
    }

    // ---- writes and deletes ----------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void a_project_and_user_are_created_granted_grouped_changed_and_deleted_and_the_cloud_agrees() throws Exception {
        // project_create
        Map<String, Object> created = admin.ok("project_create", Map.of("name", PROJECT, "description", "live test"));
        String projectId = (String) map(created.get("project")).get("id");
        assertThat(admin.error("project_create", Map.of("name", PROJECT))).contains("already exists");

        // user_create with a password, through a server whose log (at DEBUG) is read afterwards
        Map<String, Object> user = createUserThroughHttpAndCheckItsLog();
        String userId = (String) map(user.get("user")).get("id");
        assertThat(map(user.get("user"))).containsEntry("email", "live@example.org")
                .containsEntry("default_project_id", projectId);

        // role_grant; Keystone itself shows that it took, and that the password works: the user gets a token
        assertThat(passwordLogin(USER, PASSWORD, PROJECT)).isEqualTo(401);
        Map<String, Object> granted = admin.ok("role_grant", Map.of("role", "member", "user", USER, "project", PROJECT));
        assertThat(granted).containsEntry("changed", true);
        assertThat(admin.ok("role_grant", Map.of("role", "member", "user", USER, "project", PROJECT)))
                .containsEntry("changed", false);
        assertThat(passwordLogin(USER, PASSWORD, PROJECT)).isEqualTo(201);

        // groups: membership and a role held through the group
        openstackAdmin("group", "create", GROUP);
        assertThat(admin.ok("group_user_add", Map.of("group", GROUP, "user", USER))).containsEntry("changed", true);
        assertThat(openstackAdmin("group", "contains", "user", GROUP, USER)).contains(" in group").doesNotContain("not in");
        assertThat(list(admin.ok("group_member_list", Map.of("group", GROUP)), "users")).extracting(u -> u.get("id"))
                .containsExactly(userId);
        assertThat(list(admin.ok("group_list", Map.of("user", USER)), "groups")).extracting(g -> g.get("name"))
                .containsExactly(GROUP);
        admin.ok("role_grant", Map.of("role", "reader", "group", GROUP, "project", PROJECT));
        List<Map<String, Object>> effective = list(admin.ok("role_assignment_list", Map.of("project", PROJECT,
                "effective", true)), "assignments");
        assertThat(effective).filteredOn(a -> a.get("via_group_id") != null)
                .extracting(a -> map(a.get("role")).get("name") + " " + map(a.get("user")).get("name"))
                .contains("reader " + USER);
        assertThat(admin.ok("role_revoke", Map.of("role", "reader", "group", GROUP, "project", PROJECT)))
                .containsEntry("changed", true);
        assertThat(admin.ok("group_user_remove", Map.of("group", GROUP, "user", USER))).containsEntry("changed", true);
        assertThat(openstackAdmin("group", "contains", "user", GROUP, USER)).contains("not in group");

        // updates
        Map<String, Object> disabled = admin.ok("user_update", Map.of("user", USER, "enabled", false,
                "email", "changed@example.org"));
        assertThat(disabled).containsEntry("changed", true);
        JsonNode shown = cli("user", "show", USER, "-f", "json");
        assertThat(shown.path("id").asText()).isEqualTo(userId);
        assertThat(shown.path("default_project_id").asText()).isEqualTo(projectId);
        assertThat(shown.path("enabled").asBoolean()).isFalse();
        assertThat(shown.path("email").asText()).isEqualTo("changed@example.org");
        admin.ok("project_update", Map.of("project", PROJECT, "description", "changed", "enabled", false));
        JsonNode project = cli("project", "show", PROJECT, "-f", "json");
        assertThat(project.path("id").asText()).isEqualTo(projectId);
        assertThat(project.path("enabled").asBoolean()).isFalse();
        assertThat(project.path("description").asText()).isEqualTo("changed");

        // user_delete: the preview names the role assignment, then the user goes
        Map<String, Object> userPreview = admin.ok("user_delete", Map.of("user", USER));
        assertThat(list(map(userPreview.get("preview")), "resources"))
                .extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect"))
                .containsExactlyInAnyOrder("user " + USER + ": deleted",
                        "role_assignment member for user " + USER + " on project " + PROJECT + ": removed");
        admin.confirmed("user_delete", Map.of("user", USER));
        assertThat(lines(openstackAdmin("user", "list", "-f", "value", "-c", "ID"))).doesNotContain(userId);

        // project_delete: the preview counts what the project still holds, loudly
        String networkId = openstackAdmin("network", "create", "--project", projectId, "-f", "value", "-c", "id", NETWORK);
        Map<String, Object> preview = map(admin.ok("project_delete", Map.of("project", PROJECT)).get("preview"));
        assertThat((String) preview.get("summary")).contains(PROJECT).contains("1 network");
        assertThat(list(preview, "resources")).extracting(r -> r.get("type") + " " + r.get("id") + ": " + r.get("effect"))
                .contains("project " + projectId + ": deleted",
                        "network " + networkId + ": kept, orphaned: Keystone does not delete it");
        assertThat((List<String>) preview.get("warnings")).first().asString().startsWith("WARNING")
                .contains("does NOT delete");
        openstackAdmin("network", "delete", networkId);
        Map<String, Object> deleted = admin.confirmed("project_delete", Map.of("project", PROJECT));
        assertThat(deleted).containsEntry("id", projectId);
        assertThat(lines(openstackAdmin("project", "list", "-f", "value", "-c", "ID"))).doesNotContain(projectId);
    }

    /** user_create over HTTP with DEBUG logs: the password reaches Keystone and nothing else. */
    private Map<String, Object> createUserThroughHttpAndCheckItsLog() throws Exception {
        Map<String, String> env = new HashMap<>(LiveCloud.adminEnv());
        env.put("ALLOW_MODIFY_OPERATIONS", "true");
        env.put("MCP_LOG_LEVEL", "DEBUG");
        try (ServerProcess server = ServerProcess.http(env)) {
            McpSyncClient client = McpClients.http(server.baseUrl(), null);
            try {
                CallToolResult result = client.callTool(new McpSchema.CallToolRequest("user_create", Map.of(
                        "name", USER, "password", PASSWORD, "email", "live@example.org", "default_project", PROJECT)));
                assertThat(result.isError()).as(McpClients.text(result)).isFalse();
                assertThat(McpClients.text(result)).doesNotContain(PASSWORD);
                assertThat(String.valueOf(result.structuredContent())).doesNotContain(PASSWORD);
                String log = server.log();
                assertThat(log).contains("authenticated").doesNotContain(PASSWORD);
                return McpClients.structured(result);
            } finally {
                client.closeGracefully();
            }
        }
    }

    /** HTTP status of a password authentication at the testbed's Keystone, scoped to the project. */
    private static int passwordLogin(String user, String password, String project) throws Exception {
        Map<String, Object> body = Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of("name", user,
                        "domain", Map.of("id", "default"), "password", password))),
                "scope", Map.of("project", Map.of("name", project, "domain", Map.of("id", "default")))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LiveCloud.adminEnv().get("OS_AUTH_URL") + "/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
