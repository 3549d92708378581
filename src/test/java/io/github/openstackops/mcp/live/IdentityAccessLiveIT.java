package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.lines;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application credentials, regions and domains against the testbed's Keystone, checked with the openstack CLI. The
 * credential demo creates is used for real: a second server authenticates with it. Everything made here carries
 * {@link LiveCloud#RUN} in its name and is removed at the end, also when a test fails.
 */
class IdentityAccessLiveIT {

    static final String PREFIX = "ops-live-access-" + LiveCloud.RUN;
    static final String CREDENTIAL = PREFIX + "-cred";
    static final String DOMAIN = PREFIX + "-domain";
    static final String DOMAIN_PROJECT = PREFIX + "-proj";
    static final String GROUP = PREFIX + "-group";
    static final String ROLE = PREFIX + "-role";

    static LiveTools admin;
    static LiveTools demo;

    @BeforeAll
    static void connect() {
        admin = LiveTools.admin();
        demo = LiveTools.demo();
    }

    @AfterAll
    static void cleanUp() {
        quietly(false, "application", "credential", "delete", CREDENTIAL);
        quietly(true, "project", "delete", "--domain", DOMAIN, DOMAIN_PROJECT);
        quietly(true, "domain", "set", "--disable", DOMAIN);
        quietly(true, "domain", "delete", DOMAIN);
        quietly(true, "group", "delete", GROUP);
        quietly(true, "role", "delete", ROLE);
        LiveTools.close(admin, demo);
    }

    private static void quietly(boolean asAdmin, String... args) {
        try {
            if (asAdmin) {
                openstackAdmin(args);
            } else {
                openstack(args);
            }
        } catch (RuntimeException gone) {
            // not created, or already deleted by the test
        }
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
    void region_list_and_get_hold_what_the_cli_lists() {
        Set<String> cli = lines(openstack("region", "list", "-f", "value", "-c", "Region"));
        assertThat(list(demo.ok("region_list", Map.of()), "regions")).extracting(r -> (String) r.get("id"))
                .containsExactlyInAnyOrderElementsOf(cli);
        String first = cli.iterator().next();
        assertThat(demo.ok("region_get", Map.of("region", first))).containsEntry("id", first);
        assertThat(demo.error("region_get", Map.of("region", PREFIX))).contains("was not found");
    }

    @Test
    void demo_creates_an_application_credential_a_server_authenticates_with_it_and_deleting_it_cuts_it_off() {
        Map<String, Object> created = demo.ok("application_credential_create", Map.of("name", CREDENTIAL,
                "description", "live test", "roles", List.of("member"), "expires_at", "2030-01-01T00:00:00Z"));
        Map<String, Object> credential = map(created.get("application_credential"));
        String id = (String) credential.get("id");
        String secret = (String) created.get("secret");
        assertThat(secret).isNotBlank();
        assertThat(credential).containsEntry("roles", List.of("member"));

        JsonNode shown = json(openstack("application", "credential", "show", CREDENTIAL, "-f", "json"));
        assertThat(shown.path("id").asText()).isEqualTo(id);
        assertThat(shown.path("expires_at").asText()).startsWith("2030-01-01T00:00:00");
        assertThat(list(demo.ok("application_credential_list", Map.of()), "application_credentials"))
                .extracting(c -> c.get("name")).contains(CREDENTIAL);
        assertThat(demo.ok("application_credential_get", Map.of("credential", CREDENTIAL)).toString())
                .doesNotContain(secret);
        assertThat(demo.error("application_credential_create", Map.of("name", CREDENTIAL))).contains("already has");

        // the secret is real: a server started with the credential alone authenticates and acts as demo
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.remove("OS_USERNAME");
        env.remove("OS_PASSWORD");
        env.remove("OS_PROJECT_NAME");
        env.put("OS_AUTH_TYPE", "v3applicationcredential");
        env.put("OS_APPLICATION_CREDENTIAL_ID", id);
        env.put("OS_APPLICATION_CREDENTIAL_SECRET", secret);
        try (LiveTools asCredential = LiveTools.with(env, true)) {
            Map<String, Object> token = asCredential.ok("token_info", Map.of());
            assertThat(map(token.get("user"))).containsEntry("name", "demo");
            assertThat(token.get("methods")).asString().contains("application_credential");
            assertThat(asCredential.error("application_credential_delete", Map.of("credential", id)))
                    .contains("this server authenticates with");
        }

        Map<String, Object> deleted = demo.confirmed("application_credential_delete", Map.of("credential", CREDENTIAL));
        assertThat(deleted).containsEntry("id", id);
        assertThat(openstack("application", "credential", "list", "-f", "value", "-c", "Name")).doesNotContain(CREDENTIAL);
    }

    @Test
    void a_domain_is_created_read_disabled_and_deleted_with_its_project_and_the_cloud_agrees() {
        Map<String, Object> created = admin.ok("domain_create", Map.of("name", DOMAIN, "description", "live test"));
        String id = (String) map(created.get("domain")).get("id");
        assertThat(json(openstackAdmin("domain", "show", DOMAIN, "-f", "json")).path("id").asText()).isEqualTo(id);

        openstackAdmin("project", "create", "--domain", DOMAIN, DOMAIN_PROJECT);
        assertThat(admin.ok("domain_get", Map.of("domain", DOMAIN))).containsEntry("projects", 1);
        assertThat(demo.error("domain_get", Map.of("domain", DOMAIN))).contains("HTTP 403").contains("admin");

        assertThat(admin.ok("domain_update", Map.of("domain", DOMAIN, "enabled", false))).containsEntry("changed", true);
        assertThat(json(openstackAdmin("domain", "show", DOMAIN, "-f", "json")).path("enabled").asBoolean(true)).isFalse();
        assertThat(admin.error("domain_update", Map.of("domain", "default", "enabled", false))).contains("Refusing");

        Map<String, Object> preview = admin.ok("domain_delete", Map.of("domain", DOMAIN));
        assertThat(list(map(preview.get("preview")), "resources")).extracting(r -> r.get("type") + " " + r.get("name"))
                .contains("project " + DOMAIN_PROJECT);
        admin.confirmed("domain_delete", Map.of("domain", DOMAIN));
        assertThat(openstackAdmin("domain", "list", "-f", "value", "-c", "Name")).doesNotContain(DOMAIN);
    }

    @Test
    void services_and_endpoints_hold_what_the_cli_lists() {
        Set<String> services = lines(openstackAdmin("service", "list", "-f", "value", "-c", "ID"));
        assertThat(list(admin.ok("service_list", Map.of()), "services")).extracting(s -> (String) s.get("id"))
                .containsExactlyInAnyOrderElementsOf(services);
        Set<String> computePublic = lines(openstackAdmin("endpoint", "list", "--service", "compute", "--interface",
                "public", "-f", "value", "-c", "ID"));
        List<Map<String, Object>> endpoints = list(admin.ok("endpoint_list", Map.of("service", "compute",
                "interface", "public")), "endpoints");
        assertThat(endpoints).extracting(e -> (String) e.get("id")).containsExactlyInAnyOrderElementsOf(computePublic);
        String id = computePublic.iterator().next();
        assertThat(admin.ok("endpoint_get", Map.of("endpoint", id))).containsEntry("url",
                json(openstackAdmin("endpoint", "show", id, "-f", "json")).path("url").asText());
        assertThat(demo.error("service_list", Map.of())).contains("HTTP 403");
    }

    @Test
    void a_group_and_a_role_are_created_granted_and_deleted_with_previews_and_the_cloud_agrees() {
        admin.ok("group_create", Map.of("name", GROUP, "description", "live test"));
        admin.ok("role_create", Map.of("name", ROLE));
        assertThat(lines(openstackAdmin("group", "list", "-f", "value", "-c", "Name"))).contains(GROUP);
        assertThat(lines(openstackAdmin("role", "list", "-f", "value", "-c", "Name"))).contains(ROLE);
        admin.ok("group_user_add", Map.of("group", GROUP, "user", "demo"));
        admin.ok("role_grant", Map.of("role", ROLE, "group", GROUP, "project", "demo"));

        Map<String, Object> rolePreview = admin.ok("role_delete", Map.of("role", ROLE));
        assertThat(list(map(rolePreview.get("preview")), "resources")).extracting(r -> (String) r.get("name"))
                .contains(ROLE + " for group " + GROUP + " on project demo");
        admin.confirmed("role_delete", Map.of("role", ROLE));
        assertThat(lines(openstackAdmin("role", "list", "-f", "value", "-c", "Name"))).doesNotContain(ROLE);
        assertThat(admin.error("role_delete", Map.of("role", "member"))).contains("Refusing");

        Map<String, Object> groupPreview = admin.ok("group_delete", Map.of("group", GROUP));
        assertThat((String) map(groupPreview.get("preview")).get("summary")).contains("1 membership(s)");
        admin.confirmed("group_delete", Map.of("group", GROUP));
        assertThat(lines(openstackAdmin("group", "list", "-f", "value", "-c", "Name"))).doesNotContain(GROUP);
        assertThat(openstackAdmin("user", "show", "demo", "-f", "value", "-c", "name")).contains("demo");
    }
}
