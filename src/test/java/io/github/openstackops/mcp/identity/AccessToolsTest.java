package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application credentials, regions and domains against Keystone responses recorded by
 * testbed/record/identity-access.sh (as admin, whose recorded token names user {@link #ADMIN_USER}).
 */
class AccessToolsTest {

    static final String KS = "/identity/v3";
    static final String ADMIN_USER = IdentityToolsTest.ADMIN_USER;
    static final String CREDS = KS + "/users/" + ADMIN_USER + "/application_credentials";
    static final String CRED = "88415a492b07434f8a7788460e8e5bbf";
    static final String DOMAIN = "81008d6e9b954ed58cb916dfde68d0b9";
    static final ObjectMapper JSON = new ObjectMapper();

    private ToolHarness tools;
    private FakeOpenStack fake;

    private void start(Map<String, Object> properties) {
        fake = FakeOpenStack.start();
        tools = ToolHarness.on(fake).allowModify().asAdmin().properties(properties);
        fake.on("GET", KS + "/regions", 200, "identity/regions.json")
                .on("GET", KS + "/regions/RegionOne", 200, "identity/region-one.json")
                .on("GET", KS + "/regions/Nowhere", 404, "identity/region-404.json")
                .on("GET", CREDS, r -> Reply.json(200, fake.recorded(FakeOpenStack.queryParams(r).isEmpty()
                        ? "identity/appcreds-admin.json" : "identity/appcreds-admin-name.json")))
                .on("GET", CREDS + "/" + CRED, 200, "identity/appcred-get.json")
                .on("DELETE", CREDS + "/" + CRED, r -> new Reply(204, "", Map.of()))
                .on("GET", KS + "/domains/" + DOMAIN, 200, "identity/domain-get.json")
                .on("GET", KS + "/domains", r -> Reply.json(200, "{\"domains\": ["
                        + read("domain-get.json").path("domain") + "]}"))
                .on("GET", KS + "/projects", 200, "identity/domain-projects.json")
                .on("GET", KS + "/users", 200, "identity/domain-users.json")
                .on("GET", KS + "/groups", 200, "identity/domain-groups.json");
        tools.start();
    }

    private void start() {
        start(Map.of());
    }

    @AfterEach
    void stop() {
        if (tools != null) {
            tools.close();
        }
    }

    private JsonNode read(String file) {
        try {
            return JSON.readTree(fake.recorded("identity/" + file));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode sent(String method, String path) throws Exception {
        List<FakeOpenStack.Request> requests = fake.requests(method, path);
        assertThat(requests).as(method + " " + path).isNotEmpty();
        return JSON.readTree(requests.get(requests.size() - 1).body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @Test
    void region_list_and_region_get_and_a_clear_not_found() {
        start();

        Map<String, Object> regions = tools.ok("region_list", Map.of());
        assertThat(regions).containsEntry("count", 1);
        assertThat(list(regions, "regions")).extracting(r -> r.get("id")).containsExactly("RegionOne");
        assertThat(tools.ok("region_get", Map.of("region", "RegionOne"))).containsEntry("id", "RegionOne");
        assertThat(tools.error("region_get", Map.of("region", "Nowhere"))).contains("Region 'Nowhere' was not found");
    }

    @Test
    void cloud_list_of_a_single_cloud_server_lists_the_one_cloud_with_its_regions() {
        start();

        Map<String, Object> page = tools.ok("cloud_list", Map.of());
        assertThat(page).containsEntry("count", 1).doesNotContainKey("cloud");
        assertThat(list(page, "clouds")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("name", "env").containsEntry("auth_url", fake.authUrl())
                .containsEntry("region", "RegionOne").containsEntry("project", "demo")
                .containsEntry("is_default", true).containsEntry("regions", List.of("RegionOne"))
                .doesNotContainKey("error"));
    }

    @Test
    void application_credentials_of_this_servers_user_are_listed_and_read_without_a_secret() {
        start();

        Map<String, Object> page = tools.ok("application_credential_list", Map.of());
        assertThat(list(page, "application_credentials")).extracting(c -> c.get("name")).contains("rec-19569-cred");
        assertThat(page.toString()).doesNotContain("secret");

        Map<String, Object> byName = tools.ok("application_credential_get", Map.of("credential", "rec-19569-cred"));
        assertThat(byName).containsEntry("id", CRED).containsEntry("roles", List.of("reader"))
                .containsEntry("expires_at", "2031-01-01T00:00:00.000000").containsEntry("unrestricted", false);
        assertThat(fake.requests("GET", CREDS).get(fake.requests("GET", CREDS).size() - 1).query())
                .contains("name=rec-19569-cred");
        assertThat(tools.ok("application_credential_get", Map.of("credential", CRED))).containsEntry("name",
                "rec-19569-cred");
    }

    @Test
    void application_credential_create_sends_roles_and_expiry_returns_the_secret_once_and_keeps_it_out_of_logs()
            throws Exception {
        start();
        fake.on("POST", CREDS, 201, "identity/appcred-created.json");

        Map<String, Object> created = tools.ok("application_credential_create", Map.of("name", "rec-19569-cred",
                "description", "recording", "roles", List.of("reader"), "expires_at", "2031-01-01T00:00:00Z"));

        JsonNode body = sent("POST", CREDS).path("application_credential");
        assertThat(body.path("roles").toString()).isEqualTo("[{\"name\":\"reader\"}]");
        assertThat(body.path("expires_at").asText()).isEqualTo("2031-01-01T00:00");
        assertThat(body.has("unrestricted")).isFalse();
        assertThat(created).containsEntry("secret", "recorded-secret-not-real");
        assertThat((String) created.get("message")).contains("OS_APPLICATION_CREDENTIAL_ID=" + CRED)
                .doesNotContain("recorded-secret-not-real");
        assertThat(Secrets.scrub("logged recorded-secret-not-real")).isEqualTo("logged ***");

        fake.on("POST", CREDS, 409, "identity/appcred-create-409.json");
        assertThat(tools.error("application_credential_create", Map.of("name", "rec-19569-cred")))
                .contains("already has an application credential named 'rec-19569-cred'");
    }

    @Test
    void an_expiry_in_the_past_or_not_a_time_is_refused_before_keystone_is_asked() {
        start();

        assertThat(tools.error("application_credential_create", Map.of("name", "x", "expires_at", "2001-01-01T00:00:00")))
                .contains("must be in the future");
        assertThat(tools.error("application_credential_create", Map.of("name", "x", "expires_at", "next week")))
                .contains("ISO-8601");
        assertThat(fake.count("POST", CREDS)).isZero();
    }

    @Test
    void application_credential_delete_previews_then_deletes_once() {
        start();

        Map<String, Object> preview = tools.ok("application_credential_delete", Map.of("credential", "rec-19569-cred"));
        assertThat(preview).containsEntry("status", "preview");
        assertThat((String) map(preview.get("preview")).get("summary")).contains(CRED).contains("[reader]");
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.ok("application_credential_delete", Map.of("credential", "rec-19569-cred",
                "confirm", preview.get("confirm")));
        assertThat(done).containsEntry("status", "executed");
        assertThat(fake.count("DELETE", CREDS + "/" + CRED)).isEqualTo(1);
    }

    @Test
    void the_credential_this_server_authenticates_with_is_not_deleted() {
        start(Map.of("openstack.auth-type", "v3applicationcredential", "openstack.application-credential-id", CRED,
                "openstack.application-credential-secret", "unit-test-app-secret-value"));

        assertThat(tools.error("application_credential_delete", Map.of("credential", CRED)))
                .contains("Refusing").contains("this server authenticates with");
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    void domain_get_counts_what_it_holds_and_create_posts_the_name() throws Exception {
        start();
        fake.on("POST", KS + "/domains", 201, "identity/domain-created.json");

        Map<String, Object> detail = tools.ok("domain_get", Map.of("domain", "rec-19569-domain"));
        assertThat(map(detail.get("domain"))).containsEntry("id", DOMAIN);
        assertThat(detail).containsEntry("projects", 0).containsEntry("users", 0).containsEntry("groups", 0);
        assertThat(fake.requests("GET", KS + "/projects").get(0).query()).contains("domain_id=" + DOMAIN);

        Map<String, Object> created = tools.ok("domain_create", Map.of("name", "rec-19569-domain", "description",
                "recording"));
        assertThat(sent("POST", KS + "/domains").path("domain").path("name").asText()).isEqualTo("rec-19569-domain");
        assertThat(created).containsEntry("changed", true);

        fake.on("POST", KS + "/domains", 409, "identity/domain-create-409.json");
        assertThat(tools.error("domain_create", Map.of("name", "rec-19569-domain"))).contains("already exists");
    }

    @Test
    void domain_update_patches_only_what_changes_and_the_default_domain_is_never_disabled() throws Exception {
        start();
        fake.on("PATCH", KS + "/domains/" + DOMAIN, 200, "identity/domain-updated.json")
                .on("GET", KS + "/domains/default", 200, "identity/domain-default.json");

        Map<String, Object> updated = tools.ok("domain_update", Map.of("domain", DOMAIN, "description", "changed",
                "enabled", false));
        JsonNode patch = sent("PATCH", KS + "/domains/" + DOMAIN).path("domain");
        assertThat(patch.path("description").asText()).isEqualTo("changed");
        assertThat(patch.path("enabled").asBoolean(true)).isFalse();
        assertThat(patch.has("name")).isFalse();
        assertThat(map(updated.get("domain"))).containsEntry("enabled", false);

        assertThat(tools.error("domain_update", Map.of("domain", "default", "enabled", false))).contains("Refusing")
                .contains("default domain");
        assertThat(tools.error("domain_delete", Map.of("domain", "default"))).contains("Refusing");
        assertThat(fake.count("PATCH", KS + "/domains/default")).isZero();
    }

    @Test
    void domain_delete_previews_what_goes_then_disables_and_deletes() {
        start();
        fake.on("PATCH", KS + "/domains/" + DOMAIN, 200, "identity/domain-updated.json")
                .on("DELETE", KS + "/domains/" + DOMAIN, r -> new Reply(204, "", Map.of()));

        Map<String, Object> preview = tools.ok("domain_delete", Map.of("domain", "rec-19569-domain"));
        assertThat((String) map(preview.get("preview")).get("summary")).contains("0 project(s), 0 user(s) and 0 group(s)");
        assertThat(fake.count("PATCH", ".*") + fake.count("DELETE", ".*")).isZero();

        tools.ok("domain_delete", Map.of("domain", "rec-19569-domain", "confirm", preview.get("confirm")));
        List<FakeOpenStack.Request> changes = fake.requests().stream()
                .filter(r -> r.method().equals("PATCH") || r.method().equals("DELETE")).toList();
        assertThat(changes).extracting(FakeOpenStack.Request::method).containsExactly("PATCH", "DELETE");
    }
}
