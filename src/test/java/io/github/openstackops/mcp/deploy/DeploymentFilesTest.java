package io.github.openstackops.mcp.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.launch.EnvironmentMapping;
import io.github.openstackops.mcp.support.HttpSurfaces;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is validated by docker-compose itself ({@code docker-compose config}, Debian's docker-compose
 * package, which .ci/run installs), and deploy/kubernetes.yaml is checked for what matters when it is applied.
 * Without the docker-compose binary the compose test fails on CI (CI set) and is skipped elsewhere with the command
 * that installs it: validating the file needs no Docker engine, only that binary.
 */
class DeploymentFilesTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    private Run compose(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String binary = List.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        if (binary == null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("docker-compose is not installed; .ci/run installs it (apt-get install"
                        + " docker-compose)");
            }
            Assumptions.abort("docker-compose is not installed here (apt-get install docker-compose); CI runs this");
        }
        Files.copy(Path.of("docker-compose.yml"), dir.resolve("docker-compose.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(".env.example"), dir.resolve(".env"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(binary, "--project-directory", dir.toString(),
                "-f", dir.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("REMOTE_") || k.startsWith("MCPO_")
                || k.startsWith("OS_") || k.startsWith("MCP_") || k.startsWith("COMPOSE_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    @SuppressWarnings("unchecked")
    void docker_compose_accepts_the_file_and_wires_open_webui_to_the_servers_openapi_tool_server() throws Exception {
        Run run = compose(Map.of("REMOTE_SECRET_KEY", SECRET), "config");
        assertThat(run.exit()).as(run.out()).isZero();
        Map<String, Object> config = new Yaml().load(run.out());
        Map<String, Object> services = (Map<String, Object>) config.get("services");
        assertThat(services).containsKeys("openstack-ops-mcp", "open-webui", "mcpo");

        Map<String, Object> server = (Map<String, Object>) services.get("openstack-ops-mcp");
        Map<String, Object> env = (Map<String, Object>) server.get("environment");
        assertThat(env).containsEntry("MCP_TRANSPORT", "streamable-http").containsEntry("REMOTE_AUTH_ENABLE", "true")
                .containsEntry("REMOTE_SECRET_KEY", SECRET).containsEntry("MCP_HOST", "0.0.0.0")
                .containsKey("AUDIT_LOG_PATH");
        Set<String> known = EnvironmentMapping.VARIABLES.stream().flatMap(v -> v.names().stream()).collect(Collectors.toSet());
        assertThat(env.keySet()).as("every variable the server gets is one it reads").isSubsetOf(known);
        assertThat(((Map<String, Object>) server.get("build")).get("context")).isEqualTo(dir.toString());

        Map<String, Object> webui = (Map<String, Object>) services.get("open-webui");
        String connections = (String) ((Map<String, Object>) webui.get("environment")).get("TOOL_SERVER_CONNECTIONS");
        List<Map<String, Object>> tools = HttpSurfaces.read(connections, new TypeReference<>() { });
        assertThat(tools).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("type", "openapi").containsEntry("path", "openapi.json")
                    .containsEntry("auth_type", "bearer").containsEntry("key", SECRET)
                    .containsEntry("url", "http://openstack-ops-mcp:8080/openapi")
                    .containsEntry("config", Map.of("enable", true));
            assertThat((Map<String, Object>) c.get("info")).containsKeys("id", "name");
        });
        assertThat((Map<String, Object>) webui.get("depends_on")).containsKey("openstack-ops-mcp");

        Map<String, Object> mcpo = (Map<String, Object>) services.get("mcpo");
        assertThat((List<String>) mcpo.get("profiles")).containsExactly("mcpo");
        assertThat((List<String>) mcpo.get("command")).contains("http://openstack-ops-mcp:8080/mcp",
                "{\"Authorization\": \"Bearer " + SECRET + "\"}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void only_mcpo_sits_behind_a_profile_and_the_bearer_secret_is_required() throws Exception {
        Run run = compose(Map.of("REMOTE_SECRET_KEY", SECRET), "config");
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(run.out())).get("services");
        Run noSecret = compose(Map.of(), "config");

        services.forEach((name, service) -> assertThat(((Map<String, Object>) service).get("profiles")).as(name)
                .isEqualTo(name.equals("mcpo") ? List.of("mcpo") : null));
        assertThat(noSecret.exit()).isNotZero();
        assertThat(noSecret.out()).contains("set REMOTE_SECRET_KEY in .env");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_kubernetes_example_runs_replicas_that_share_a_confirmation_secret_and_a_state_store() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(Path.of("deploy/kubernetes.yaml")))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        docs.forEach(d -> byKind.put(d.get("kind") + "/" + ((Map<String, Object>) d.get("metadata")).get("name"), d));
        assertThat(byKind).containsOnlyKeys("Secret/openstack-ops-mcp", "Deployment/openstack-ops-mcp",
                "Service/openstack-ops-mcp", "Deployment/openstack-ops-mcp-state", "Service/openstack-ops-mcp-state");
        byKind.put("Secret", byKind.get("Secret/openstack-ops-mcp"));
        byKind.put("Deployment", byKind.get("Deployment/openstack-ops-mcp"));
        byKind.put("Service", byKind.get("Service/openstack-ops-mcp"));

        Map<String, Object> secret = byKind.get("Secret");
        Set<String> secretKeys = ((Map<String, Object>) secret.get("stringData")).keySet();
        Map<String, Object> spec = (Map<String, Object>) byKind.get("Deployment").get("spec");
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Map<String, Object>> env = new HashMap<>();
        ((List<Map<String, Object>>) container.get("env")).forEach(e -> env.put((String) e.get("name"), e));
        Set<String> known = EnvironmentMapping.VARIABLES.stream().flatMap(v -> v.names().stream()).collect(Collectors.toSet());
        assertThat(env.keySet()).isSubsetOf(known);
        for (String fromSecret : List.of("REMOTE_SECRET_KEY", "CONFIRMATION_SECRET", "MCP_STATE_STORE", "OS_PASSWORD")) {
            Map<String, Object> ref = (Map<String, Object>) ((Map<String, Object>) env.get(fromSecret).get("valueFrom"))
                    .get("secretKeyRef");
            assertThat(ref.get("name")).isEqualTo(((Map<String, Object>) secret.get("metadata")).get("name"));
            assertThat(secretKeys).contains((String) ref.get("key"));
        }
        assertThat(env.get("MCP_TRANSPORT").get("value")).isEqualTo("streamable-http");
        assertThat(env.get("REMOTE_AUTH_ENABLE").get("value")).isEqualTo("true");
        assertThat(((Map<String, Object>) ((Map<String, Object>) container.get("readinessProbe")).get("httpGet")).get("path"))
                .isEqualTo("/health");
        Map<String, Object> service = (Map<String, Object>) byKind.get("Service").get("spec");
        assertThat(service.get("sessionAffinity")).as("sessions are shared: no sticky routing").isNull();
        Map<String, Object> store = (Map<String, Object>) byKind.get("Service/openstack-ops-mcp-state").get("metadata");
        assertThat((String) ((Map<String, Object>) secret.get("stringData")).get("MCP_STATE_STORE"))
                .startsWith("redis://").contains("@" + store.get("name") + ":6379");
        assertThat(service.get("selector")).isEqualTo(((Map<String, Object>) spec.get("selector")).get("matchLabels"));
        Map<String, Object> mounts = new HashMap<>();
        ((List<Map<String, Object>>) container.get("volumeMounts")).forEach(m -> mounts.put((String) m.get("mountPath"), m));
        assertThat(Path.of((String) env.get("AUDIT_LOG_PATH").get("value")).getParent().toString()).isIn(mounts.keySet());
    }
}
