package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several clouds at once against the real testbed: a clouds.yaml with two entries on the same Keystone that differ in
 * who acts where (admin in project admin, demo in project demo), and the packaged server started with
 * OS_CLOUDS=both. cloud_list describes both with their regions; the same read on each cloud returns what that
 * identity sees (the openstack CLI as each is the truth); a call without 'cloud' gets a sentence naming the clouds;
 * a deletion previewed in one cloud cannot be confirmed in the other; every result names the cloud that answered, on
 * MCP (stdio) and on the OpenAPI and REST surfaces.
 */
class MultiCloudLiveIT {

    static final String ADMIN = "ops-live-admin";
    static final String DEMO = "ops-live-demo";

    @TempDir
    static Path dir;
    static McpSyncClient client;
    static final Map<String, String> env = new HashMap<>();
    static final String NET = "ops-live-clouds-" + LiveCloud.RUN;

    @BeforeAll
    static void start() throws Exception {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, "clouds:\n" + entry(ADMIN, LiveCloud.adminEnv()) + entry(DEMO, LiveCloud.demoEnv()));
        env.put("OS_CLOUDS", ADMIN + "," + DEMO);
        env.put("OS_CLIENT_CONFIG_FILE", clouds.toString());
        env.put("MCP_TOOL_MODE", "all");
        env.put("MCP_ADMIN_TOOLS", "on");
        env.put("ALLOW_MODIFY_OPERATIONS", "true");
        client = McpClients.stdio(ServerProcess.launcher(), env);
    }

    private static String entry(String name, Map<String, String> os) {
        return """
                  %s:
                    auth:
                      auth_url: %s
                      username: %s
                      password: %s
                      project_name: %s
                      user_domain_name: Default
                      project_domain_name: Default
                    region_name: RegionOne
                    interface: public
                """.formatted(name, os.get("OS_AUTH_URL"), os.get("OS_USERNAME"), os.get("OS_PASSWORD"),
                os.get("OS_PROJECT_NAME"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        LiveCloud.openstackStatus("network", "delete", NET);
    }

    static McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    static Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as(McpClients.text(result)).isFalse();
        return McpClients.structured(result);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_tools_take_the_cloud_and_cloud_list_describes_both_with_their_regions() {
        McpSchema.Tool serverList = client.listTools().tools().stream().filter(t -> t.name().equals("server_list"))
                .findFirst().orElseThrow();
        assertThat((List<Object>) serverList.inputSchema().get("required")).contains("cloud");
        assertThat(((Map<?, ?>) serverList.inputSchema().get("properties")).get("cloud").toString())
                .contains(ADMIN, DEMO);

        Map<String, Object> page = ok("cloud_list", Map.of("cloud", DEMO));
        assertThat(page).containsEntry("cloud", DEMO).containsEntry("count", 2);
        List<Map<String, Object>> clouds = (List<Map<String, Object>>) page.get("clouds");
        Set<String> regions = LiveCloud.lines(LiveCloud.openstack("region", "list", "-f", "value", "-c", "Region"));
        assertThat(clouds).extracting(c -> c.get("name")).containsExactly(ADMIN, DEMO);
        assertThat(clouds.get(0)).containsEntry("project", "admin").containsEntry("is_default", true)
                .containsEntry("region", "RegionOne");
        assertThat(clouds.get(1)).containsEntry("project", "demo").containsEntry("is_default", false);
        assertThat(clouds).allSatisfy(c -> assertThat(Set.copyOf((List<?>) c.get("regions"))).isEqualTo(regions));
    }

    @Test
    void the_same_read_on_each_cloud_returns_what_that_identity_sees() {
        Set<String> asDemo = servers(DEMO);
        Set<String> asAdmin = servers(ADMIN);
        assertThat(asDemo).isEqualTo(withoutLiveRuns(LiveCloud.openstack("server", "list", "-f", "value", "-c", "ID",
                "-c", "Name")));
        assertThat(asAdmin).isEqualTo(withoutLiveRuns(LiveCloud.openstackAdmin("server", "list", "-f", "value", "-c",
                "ID", "-c", "Name")));
        // the seed's servers are in project demo: the two clouds really act as two identities in two projects
        assertThat(asDemo).isNotEmpty();
        assertThat(asAdmin).doesNotContainAnyElementsOf(asDemo);
    }

    /** The ids of the servers the cloud lists in its project, without other live tests' (come and gone meanwhile). */
    @SuppressWarnings("unchecked")
    static Set<String> servers(String cloud) {
        Map<String, Object> page = ok("server_list", Map.of("cloud", cloud, "limit", 200, "detail", false));
        assertThat(page).containsEntry("cloud", cloud);
        return ((List<Map<String, Object>>) page.get("servers")).stream()
                .filter(n -> !String.valueOf(n.get("name")).startsWith("ops-live-"))
                .map(n -> (String) n.get("id")).collect(Collectors.toSet());
    }

    /** "ID Name" lines of the CLI, without other live tests' resources: the ids. */
    static Set<String> withoutLiveRuns(String lines) {
        return LiveCloud.lines(lines).stream().filter(l -> !l.contains(" ops-live-"))
                .map(l -> l.contains(" ") ? l.substring(0, l.indexOf(' ')) : l)
                .collect(Collectors.toSet());
    }

    @Test
    void a_call_without_a_cloud_is_refused_with_the_names() {
        McpSchema.CallToolResult missing = call("network_list", Map.of());
        assertThat(missing.isError()).isTrue();
        assertThat(McpClients.text(missing)).contains("This server offers several clouds: set the argument 'cloud'"
                + " to one of: " + ADMIN + ", " + DEMO + ".");
        McpSchema.CallToolResult unknown = call("network_list", Map.of("cloud", "prod"));
        assertThat(unknown.isError()).isTrue();
        assertThat(McpClients.text(unknown)).contains("Unknown cloud 'prod'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_http_surfaces_take_and_name_the_cloud_too() throws Exception {
        try (ServerProcess http = ServerProcess.http(env)) {
            Map<String, Object> openapi = HttpSurfaces.get(http.baseUrl() + "/openapi/openapi.json", null).json();
            assertThat(HttpSurfaces.write(openapi)).contains("\"cloud\"").contains(ADMIN).contains(DEMO);

            HttpSurfaces.Response rest = HttpSurfaces.post(http.baseUrl() + "/tool/server_list/call", null,
                    Map.of("cloud", DEMO, "detail", false));
            assertThat(rest.status()).as(rest.body()).isEqualTo(200);
            assertThat(rest.json()).containsEntry("cloud", DEMO);
            HttpSurfaces.Response viaOpenApi = HttpSurfaces.post(http.baseUrl() + "/openapi/server_list", null,
                    Map.of("cloud", ADMIN, "detail", false));
            assertThat(viaOpenApi.status()).as(viaOpenApi.body()).isEqualTo(200);
            assertThat(viaOpenApi.json()).containsEntry("cloud", ADMIN);

            HttpSurfaces.Response missing = HttpSurfaces.post(http.baseUrl() + "/tool/server_list/call", null,
                    Map.of("detail", false));
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.body()).contains("set the argument 'cloud' to one of: " + ADMIN + ", " + DEMO);
        }
    }

    @Test
    void a_deletion_previewed_in_one_cloud_cannot_be_confirmed_in_the_other() {
        LiveCloud.openstack("network", "create", NET);

        Map<String, Object> preview = ok("network_delete", Map.of("cloud", DEMO, "network", NET));
        assertThat(preview).containsEntry("cloud", DEMO).containsEntry("status", "preview");

        // the admin could delete demo's network: only the token's binding to the cloud stops it
        McpSchema.CallToolResult switched = call("network_delete", Map.of("cloud", ADMIN, "network", NET,
                "confirm", preview.get("confirm")));
        assertThat(switched.isError()).isTrue();
        assertThat(McpClients.text(switched)).startsWith("[cloud " + ADMIN + "] ").contains("another cloud");
        assertThat(LiveCloud.lines(LiveCloud.openstack("network", "list", "-f", "value", "-c", "Name"))).contains(NET);

        Map<String, Object> done = ok("network_delete", Map.of("cloud", DEMO, "network", NET,
                "confirm", preview.get("confirm")));
        assertThat(done).containsEntry("cloud", DEMO).containsEntry("status", "executed");
        assertThat(LiveCloud.lines(LiveCloud.openstack("network", "list", "-f", "value", "-c", "Name")))
                .doesNotContain(NET);
    }
}
