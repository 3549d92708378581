package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.support.CatalogFacts;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stdio transport in a real child process (as Claude Desktop runs it), driven by the SDK's stdio client. The
 * server's stdout is copied aside with tee, so the test can check that nothing but JSON-RPC ever reached it.
 */
class StdioTransportTest {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private McpSyncClient start(Map<String, String> env, Path stdoutCopy) {
        String java = String.join(" ", McpClients.classpathCommand().stream().map(StdioTransportTest::quote).toList());
        // exec keeps the pid: the client's process is the server itself
        String script = "exec " + java + " > >(tee " + quote(stdoutCopy.toString()) + ")";
        McpSyncClient client = McpClients.stdio(List.of("/bin/bash", "-c", script), env);
        closing.add(client::closeGracefully);
        return client;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private FakeOpenStack cloud() {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json");
        closing.add(fake);
        return fake;
    }

    private static Map<String, String> env(FakeOpenStack fake, boolean allowModify) {
        Map<String, String> env = new HashMap<>();
        env.put("OS_AUTH_URL", fake.authUrl());
        env.put("OS_USERNAME", "demo");
        env.put("OS_PASSWORD", "stdio-test-password-77");
        env.put("OS_PROJECT_NAME", "demo");
        env.put("ALLOW_MODIFY_OPERATIONS", String.valueOf(allowModify));
        env.put("MCP_LOG_LEVEL", "DEBUG");
        env.put("MCP_TOOL_MODE", "all");
        env.put("MCP_ADMIN_TOOLS", "on");
        return env;
    }

    @Test
    void only_json_rpc_reaches_stdout_even_with_debug_logging_and_failing_calls(@TempDir Path dir) throws IOException {
        Path stdout = dir.resolve("stdout.jsonl");
        McpSyncClient client = start(env(cloud(), true), stdout);

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("server_list", "server_delete");
        assertThat(client.callTool(new McpSchema.CallToolRequest("server_list", Map.of("limit", 2))).isError()).isFalse();
        assertThat(client.callTool(new McpSchema.CallToolRequest("server_get", Map.of("server", "nope"))).isError()).isTrue();
        assertThat(client.callTool(new McpSchema.CallToolRequest("server_list", Map.of("limit", "x"))).isError()).isTrue();
        client.closeGracefully();

        List<String> lines = Files.readAllLines(stdout).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        for (String line : lines) {
            assertThatCode(() -> McpSchema.deserializeJsonRpcMessage(McpJsonDefaults.getMapper(), line))
                    .as("stdout line is JSON-RPC: %s", line).doesNotThrowAnyException();
            assertThat(line).doesNotContain("stdio-test-password-77");
        }
    }

    @Test
    void garbage_on_stdin_is_skipped_and_the_server_keeps_serving() {
        String java = String.join(" ", McpClients.classpathCommand().stream().map(StdioTransportTest::quote).toList());
        // a wrapper that prints junk before the client's first message, as a misbehaving launcher might
        String script = "(printf '\\n{}\\nnot json at all\\n'; cat) | " + java;
        McpSyncClient client = McpClients.stdio(List.of("/bin/bash", "-c", script), env(cloud(), false));
        closing.add(client::closeGracefully);

        assertThat(client.callTool(new McpSchema.CallToolRequest("server_list", Map.of("limit", 1))).isError()).isFalse();
    }

    @Test
    void with_modifications_off_write_tools_are_absent_and_refused_by_name(@TempDir Path dir) throws IOException {
        FakeOpenStack fake = cloud();
        Map<String, String> env = new HashMap<>(env(fake, false));
        Path audit = dir.resolve("audit.jsonl");
        env.put("AUDIT_LOG_PATH", audit.toString());
        McpSyncClient client = start(env, dir.resolve("stdout"));

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrderElementsOf(CatalogFacts.readTools());
        assertThat(CatalogFacts.modifyingTools()).isNotEmpty().allSatisfy(tool ->
                assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest(tool, Map.of("server", "web-1"))))
                        .isInstanceOf(McpError.class));
        assertThat(fake.requests()).noneMatch(r -> !r.method().equals("GET") && !r.path().endsWith("/auth/tokens"));
        // every forced attempt is in the audit trail, refused by the gate
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(CatalogFacts.modifyingTools().size())
                .allSatisfy(l -> assertThat(l).contains("\"surface\":\"stdio\"").contains("\"outcome\":\"refused_by_gate\""));
    }

    @Test
    void in_grouped_mode_with_modifications_off_no_write_group_exists_and_every_forced_operation_is_refused(
            @TempDir Path dir) throws IOException {
        FakeOpenStack fake = cloud();
        Map<String, String> env = new HashMap<>(env(fake, false));
        Path audit = dir.resolve("audit.jsonl");
        env.put("AUDIT_LOG_PATH", audit.toString());
        env.put("MCP_TOOL_MODE", "grouped");
        McpSyncClient client = start(env, dir.resolve("stdout"));

        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrderElementsOf(CatalogFacts.readGroups());
        for (String operation : CatalogFacts.modifyingTools()) {
            Map<String, Object> forced = Map.of("operation", operation, "arguments", Map.of("server", "web-1"));
            // through the group it would belong to (not offered: refused before the SDK says unknown tool)
            assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest(CatalogFacts.groupOf(operation),
                    forced))).isInstanceOf(McpError.class);
            // through the toolset's read group, which is offered
            McpSchema.CallToolResult viaRead = client.callTool(new McpSchema.CallToolRequest(
                    CatalogFacts.readGroupOf(operation), forced));
            assertThat(viaRead.isError()).as(operation).isTrue();
            assertThat(McpClients.text(viaRead)).contains("ALLOW_MODIFY_OPERATIONS=false");
        }
        assertThat(fake.requests()).noneMatch(r -> !r.method().equals("GET") && !r.path().endsWith("/auth/tokens"));
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(2 * CatalogFacts.modifyingTools().size())
                .allSatisfy(l -> assertThat(l).contains("\"surface\":\"stdio\"").contains("\"outcome\":\"refused_by_gate\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"tool\":\"server_stop\""));
    }

    @Test
    void stdio_opens_no_listening_port() throws Exception {
        FakeOpenStack fake = cloud();
        Map<String, String> env = env(fake, false);
        ProcessBuilder builder = new ProcessBuilder(McpClients.classpathCommand());
        builder.environment().putAll(env);
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        closing.add(process::destroyForcibly);
        // the server is up once it answers; the SDK client cannot share the process, so wait for the JVM to settle
        Thread.sleep(4000);
        assertThat(process.isAlive()).isTrue();

        assertThat(listeningSockets(process.pid())).isEmpty();
        process.getOutputStream().close(); // stdin closed: the server exits
        assertThat(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
    }

    /** Inodes of TCP sockets in LISTEN state owned by the process (from /proc, no external tools). */
    static Set<String> listeningSockets(long pid) throws IOException {
        Set<String> owned = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        owned.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // fd closed meanwhile
                }
            });
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/" + pid + "/net/tcp", "/proc/" + pid + "/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && owned.contains(f[9])) {
                    listening.add(f[9]);
                }
            }
        }
        return listening;
    }
}
