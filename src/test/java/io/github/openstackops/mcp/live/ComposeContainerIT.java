package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml's server service, started by docker-compose from the project's image (MCP_IMAGE) with an
 * operator's .env, answers tool calls with authentication on. Compose v1 cannot replace the base file's published
 * port with host networking, so the service is started with {@code run --no-deps} and an override file that puts it
 * on the host's network, bound to 127.0.0.1 (the Open WebUI and mcpo images are not reachable here).
 */
class ComposeContainerIT {

    static final String SECRET = "0123456789abcdef" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    private final String project = "opsmcp" + LiveCloud.RUN;
    private final List<List<String>> cleanup = new ArrayList<>();

    private ProjectImage.Run compose(String... args) {
        String binary = Files.isExecutable(Path.of("/usr/bin/docker-compose")) ? "/usr/bin/docker-compose"
                : "docker-compose";
        List<String> command = new ArrayList<>(List.of(binary, "--project-name", project, "--project-directory",
                dir.toString(), "-f", dir.resolve("docker-compose.yml").toString(), "-f",
                dir.resolve("host-network.yml").toString()));
        command.addAll(List.of(args));
        return ProjectImage.run(command, Map.of("MCP_IMAGE", ProjectImage.name()), dir);
    }

    @AfterEach
    void tearDown() {
        cleanup.forEach(command -> ProjectImage.run(command, Map.of(), dir));
        compose("down", "--volumes");
    }

    @Test
    void the_compose_server_service_starts_from_the_image_and_answers_tool_calls() throws Exception {
        int port = ProjectImage.freePort();
        Files.copy(Path.of("docker-compose.yml"), dir.resolve("docker-compose.yml"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("REMOTE_SECRET_KEY", SECRET);
        Files.writeString(dir.resolve(".env"), env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(dir.resolve("host-network.yml"), """
                services:
                  openstack-ops-mcp:
                    network_mode: host
                    environment:
                      MCP_HOST: 127.0.0.1
                      MCP_PORT: "%d"
                """.formatted(port));

        ProjectImage.Run config = compose("config", "--services");
        assertThat(config.exit()).as(config.out()).isZero();
        String name = project + "-server";
        cleanup.add(List.of(ProjectImage.docker(), "rm", "-f", name));
        ProjectImage.Run run = compose("run", "-d", "--no-deps", "--name", name, "openstack-ops-mcp");
        assertThat(run.exit()).as(run.out()).isZero();
        ProjectImage.Run image = ProjectImage.run(List.of(ProjectImage.docker(), "inspect", "-f", "{{.Config.Image}}",
                name), Map.of(), dir);
        assertThat(image.out().trim()).isEqualTo(ProjectImage.name());

        String base = "http://127.0.0.1:" + port;
        awaitHealth(base, name);
        McpSyncClient client = McpClients.http(base, SECRET);
        try {
            McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("server_list", Map.of()));
            assertThat(listed.isError()).as(McpClients.text(listed)).isFalse();
            assertThat(McpClients.text(listed)).contains("web-1");
        } finally {
            client.closeGracefully();
        }
        assertThat(HttpSurfaces.get(base + "/tools", null).status()).isEqualTo(401);
        // the audit file goes to the compose file's volume
        ProjectImage.Run audit = ProjectImage.run(List.of(ProjectImage.docker(), "exec", name, "printenv",
                "AUDIT_LOG_PATH"), Map.of(), dir);
        assertThat(audit.out().trim()).isEqualTo("/var/log/openstack-ops-mcp/audit.jsonl");
    }

    private void awaitHealth(String base, String name) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (HttpSurfaces.get(base + "/health", null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the compose service did not answer /health: "
                + ProjectImage.run(List.of(ProjectImage.docker(), "logs", name), Map.of(), dir).out());
    }
}
