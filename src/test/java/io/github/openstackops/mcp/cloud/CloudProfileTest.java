package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstack4j.api.types.Facing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudProfileTest {

    private static CloudProfile resolve(Map<String, Object> properties) {
        try (ApplicationContext context = TestContexts.plain(properties)) {
            return CloudProfile.resolve(context.getBean(CloudSettings.class));
        }
    }

    private static Map<String, Object> demo() {
        Map<String, Object> p = new HashMap<>();
        p.put("openstack.auth-url", "https://keystone.example.com:5000");
        p.put("openstack.username", "demo");
        p.put("openstack.password", " pass with spaces ");
        p.put("openstack.project-name", "demo");
        return p;
    }

    @Test
    void the_openstack_cli_variables_resolve_to_a_v3_password_profile_with_sane_defaults() {
        CloudProfile profile = resolve(demo());

        assertThat(profile.authUrl()).hasToString("https://keystone.example.com:5000/v3");
        assertThat(profile.method()).isEqualTo(CloudProfile.AuthMethod.PASSWORD);
        assertThat(profile.userDomainName()).isEqualTo("Default");
        assertThat(profile.projectDomainName()).isEqualTo("Default");
        assertThat(profile.password()).isEqualTo(" pass with spaces ");
        assertThat(profile.facing()).isEqualTo(Facing.PUBLIC);
        assertThat(profile.insecure()).isFalse();
        assertThat(profile.toString()).doesNotContain("pass with spaces");
    }

    @Test
    void the_reference_servers_host_and_port_build_the_auth_url_and_redirect_endpoints() {
        Map<String, Object> p = demo();
        p.remove("openstack.auth-url");
        p.put("openstack.auth-host", "10.0.0.5");
        p.put("openstack.auth-port", 35357);
        p.put("openstack.endpoint-ports.compute", 18774);

        CloudProfile profile = resolve(p);

        assertThat(profile.authUrl()).hasToString("http://10.0.0.5:35357/v3");
        assertThat(profile.endpointPorts()).containsEntry("compute", 18774);
        assertThat(profile.endpointHost()).isEqualTo("10.0.0.5");
        assertThat(EndpointOverrides.rewrite("http://nova.internal:8774/v2.1/abc?x=1", "10.0.0.5", 18774))
                .isEqualTo("http://10.0.0.5:18774/v2.1/abc?x=1");
    }

    @Test
    void each_gap_is_an_error_naming_the_variable_to_set() {
        Map<String, Object> noUrl = demo();
        noUrl.remove("openstack.auth-url");
        assertThatThrownBy(() -> resolve(noUrl)).hasMessageContaining("OS_AUTH_URL").hasMessageContaining("OS_CLOUD");

        Map<String, Object> noPassword = demo();
        noPassword.remove("openstack.password");
        assertThatThrownBy(() -> resolve(noPassword)).hasMessageContaining("OS_PASSWORD");

        Map<String, Object> noProject = demo();
        noProject.remove("openstack.project-name");
        assertThatThrownBy(() -> resolve(noProject)).hasMessageContaining("OS_PROJECT_NAME");

        Map<String, Object> v2 = demo();
        v2.put("openstack.auth-url", "http://keystone:5000/v2.0");
        assertThatThrownBy(() -> resolve(v2)).hasMessageContaining("v2");

        Map<String, Object> badInterface = demo();
        badInterface.put("openstack.endpoint-interface", "private");
        assertThatThrownBy(() -> resolve(badInterface)).hasMessageContaining("OS_INTERFACE");

        Map<String, Object> badCa = demo();
        badCa.put("openstack.cacert", "/nonexistent/ca.pem");
        assertThatThrownBy(() -> resolve(badCa)).hasMessageContaining("OS_CACERT");
    }

    @Test
    void application_credentials_need_no_user_or_project() {
        Map<String, Object> p = new HashMap<>();
        p.put("openstack.auth-url", "https://keystone.example.com/identity/v3/");
        p.put("openstack.auth-type", "v3applicationcredential");
        p.put("openstack.application-credential-id", "abc123");
        p.put("openstack.application-credential-secret", "app-secret-value");

        CloudProfile profile = resolve(p);

        assertThat(profile.method()).isEqualTo(CloudProfile.AuthMethod.APPLICATION_CREDENTIAL);
        assertThat(profile.authUrl()).hasToString("https://keystone.example.com/identity/v3");
        assertThat(profile.describe()).contains("abc123").doesNotContain("app-secret-value");

        p.remove("openstack.application-credential-secret");
        assertThatThrownBy(() -> resolve(p)).hasMessageContaining("OS_APPLICATION_CREDENTIAL_SECRET");
    }

    @Test
    void os_cloud_reads_clouds_yaml_with_secure_yaml_and_environment_overrides(@TempDir Path dir) throws IOException {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, """
                clouds:
                  prod:
                    auth:
                      auth_url: https://prod.example.com:5000/v3
                      username: operator
                      project_name: ops
                      user_domain_name: Corp
                      project_domain_name: Corp
                    region_name: RegionTwo
                    interface: internal
                    verify: false
                    auth_type: password
                """);
        Map<String, Object> p = new HashMap<>();
        p.put("openstack.cloud", "prod");
        p.put("openstack.clouds-file", clouds.toString());
        p.put("openstack.password", "from-env");

        CloudProfile profile = resolve(p);

        assertThat(profile.cloudName()).isEqualTo("prod");
        assertThat(profile.authUrl()).hasToString("https://prod.example.com:5000/v3");
        assertThat(profile.username()).isEqualTo("operator");
        assertThat(profile.userDomainName()).isEqualTo("Corp");
        assertThat(profile.region()).isEqualTo("RegionTwo");
        assertThat(profile.facing()).isEqualTo(Facing.INTERNAL);
        assertThat(profile.insecure()).isTrue();
        assertThat(profile.password()).isEqualTo("from-env");

        p.put("openstack.cloud", "staging");
        assertThatThrownBy(() -> resolve(p)).hasMessageContaining("no cloud of that name");
    }

    private static CloudProfile withVerify(Path dir, String verifyLine) throws IOException {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, """
                clouds:
                  prod:
                    auth:
                      auth_url: https://prod.example.com:5000/v3
                      username: operator
                      password: from-yaml
                      project_name: ops
                """ + "    " + verifyLine + "\n");
        return resolve(Map.of("openstack.cloud", "prod", "openstack.clouds-file", clouds.toString()));
    }

    @Test
    void only_an_explicit_false_in_clouds_yaml_turns_tls_verification_off(@TempDir Path dir) throws IOException {
        assertThat(withVerify(dir, "verify:").insecure()).isFalse();
        assertThat(withVerify(dir, "verify: ~").insecure()).isFalse();
        assertThat(withVerify(dir, "verify: true").insecure()).isFalse();
        assertThat(withVerify(dir, "verify: \"True\"").insecure()).isFalse();
        assertThat(withVerify(dir, "verify: false").insecure()).isTrue();
        assertThat(withVerify(dir, "verify: \"FALSE\"").insecure()).isTrue();
    }

    @Test
    void a_ca_bundle_path_in_verify_is_used_as_the_cacert_and_anything_else_is_refused(@TempDir Path dir)
            throws IOException {
        Path bundle = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        CloudProfile profile = withVerify(dir, "verify: " + bundle);
        assertThat(profile.insecure()).isFalse();
        assertThat(profile.cacert()).isEqualTo(bundle);

        assertThatThrownBy(() -> withVerify(dir, "verify: ture"))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("'verify: ture'")
                .hasMessageContaining("neither true, false nor a readable CA bundle file");
        assertThatThrownBy(() -> withVerify(dir, "verify: 0"))
                .isInstanceOf(CloudConfigurationException.class)
                .hasMessageContaining("'verify: 0'").hasMessageContaining("use true");
    }
}
