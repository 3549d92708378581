package io.github.openstackops.mcp.live;

import com.github.dockerjava.api.model.HealthCheck;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The project's container image (built by .ci/container-image.sh; system property {@code container.image}), run the
 * way an operator runs it: never pulled, on the host's network so that every byte stays on loopback, the server bound
 * to 127.0.0.1 on a free port, and "started" meaning the image's own HEALTHCHECK passed.
 */
public final class ProjectImage {

    private ProjectImage() {
    }

    public static String name() {
        return System.getProperty("container.image", "openstack-ops-mcp:ci");
    }

    /** Debian's docker client (with BuildKit); another one on PATH otherwise. */
    public static String docker() {
        return Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A started container of the image in HTTP mode with this environment. */
    public static Server http(Map<String, String> env) throws IOException {
        int port = freePort();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(name()))
                .withImagePullPolicy(image -> false)
                .withNetworkMode("host")
                .withEnv(env)
                .withEnv("MCP_TRANSPORT", "streamable-http")
                .withEnv("MCP_HOST", "127.0.0.1")
                .withEnv("MCP_PORT", String.valueOf(port))
                // the image's check, polled every second instead of every 30 s
                .withCreateContainerCmdModifier(cmd -> cmd.withHealthcheck(new HealthCheck()
                        .withTest(List.of("CMD", "/app/bin/healthcheck"))
                        .withInterval(Duration.ofSeconds(1).toNanos())
                        .withTimeout(Duration.ofSeconds(5).toNanos())
                        .withStartPeriod(Duration.ofMinutes(2).toNanos())
                        .withRetries(3)))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)));
        try {
            container.start();
        } catch (RuntimeException e) {
            String logs = container.getContainerId() == null ? "" : container.getLogs();
            container.stop();
            throw new IllegalStateException("the image did not become healthy: " + logs, e);
        }
        return new Server(container, port);
    }

    /** A running server container; closing it stops and removes it. */
    public record Server(GenericContainer<?> container, int port) implements AutoCloseable {

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    /**
     * The command a desktop client runs for the image over stdio: {@code docker run -i --rm}, each variable passed
     * through by name ({@code -e NAME}) from the client's environment, as a Claude Desktop configuration does.
     */
    public static List<String> stdioCommand(String containerName, Iterable<String> variables) {
        List<String> command = new ArrayList<>(List.of(docker(), "run", "-i", "--rm", "--pull", "never",
                "--network", "host", "--name", containerName, "-e", "MCP_TRANSPORT=stdio"));
        for (String variable : variables) {
            command.add("-e");
            command.add(variable);
        }
        command.add(name());
        return command;
    }

    /** Runs the docker CLI; returns its exit status and output. */
    public static Run run(List<String> command, Map<String, String> env, Path directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(env);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Run(-1, out + "\n(timed out)");
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Run(int exit, String out) {
    }
}
