package io.github.openstackops.mcp.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.McpClients;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail: a JSON line for every write attempt, on every surface, on disk before the answer, secrets redacted. */
class AuditTrailTest {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String STATIC = "audit-test-static-secret-5521";
    static final String REQUEST_ID = "req-0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private FakeOpenStack fake;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private String start(Path audit, Map<String, String> extra) {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json")
                .on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action",
                        r -> new FakeOpenStack.Reply(202, "", Map.of("X-Openstack-Request-Id", REQUEST_ID)))
                .on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> new FakeOpenStack.Reply(204, "", Map.of()));
        closing.add(fake);
        Map<String, String> env = new java.util.HashMap<>(Map.of("MCP_TRANSPORT", "streamable-http",
                "ALLOW_MODIFY_OPERATIONS", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", STATIC,
                "MCP_JWT_SECRET", Jwts.SECRET, "AUDIT_LOG_PATH", audit.toString()));
        env.putAll(extra);
        EmbeddedServer server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    static List<Map<String, Object>> lines(Path audit) throws IOException {
        if (!Files.exists(audit)) {
            return List.of();
        }
        return Files.readAllLines(audit).stream().filter(l -> !l.isBlank())
                .map(l -> HttpSurfaces.read(l, new TypeReference<Map<String, Object>>() { })).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_write_attempt_on_every_surface_is_one_line_on_disk_before_the_answer() throws Exception {
        Path audit = dir.resolve("logs/audit.jsonl");
        String base = start(audit, Map.of());
        String reader = Jwts.hs256(Jwts.claims("reader", null).build());
        String writer = Jwts.hs256(Jwts.claims("writer", "openstack:write").build());

        // executed, via REST; the line is there as soon as the answer is
        assertThat(HttpSurfaces.post(base + "/tool/server_stop/call", writer, Map.of("server", WEB_1, "wait", false))
                .status()).isEqualTo(200);
        assertThat(lines(audit)).hasSize(1);
        // refused by the gate (no write scope), via OpenAPI
        assertThat(HttpSurfaces.post(base + "/openapi/server_stop", reader, Map.of("server", WEB_1)).status()).isEqualTo(404);
        assertThat(lines(audit)).hasSize(2);
        // invalid, with a secret-looking argument, via MCP
        McpSyncClient mcp = McpClients.http(base, STATIC);
        closing.add(mcp::closeGracefully);
        McpSchema.CallToolResult invalid = mcp.callTool(new McpSchema.CallToolRequest("server_reboot",
                Map.of("server", WEB_1, "admin_pass", "hunter2-very-secret", "user_data", "#cloud-config\npassword: x")));
        assertThat(invalid.isError()).isTrue();
        assertThat(lines(audit)).hasSize(3);
        // previewed then executed, via MCP (no elicitation: token flow)
        Map<String, Object> preview = McpClients.structured(mcp.callTool(new McpSchema.CallToolRequest("server_delete",
                Map.of("server", WEB_1, "wait", false))));
        mcp.callTool(new McpSchema.CallToolRequest("server_delete",
                Map.of("server", WEB_1, "wait", false, "confirm", preview.get("confirm"))));
        // a read is not audited
        assertThat(HttpSurfaces.post(base + "/tool/server_list/call", writer, Map.of()).status()).isEqualTo(200);

        List<Map<String, Object>> lines = lines(audit);
        assertThat(lines).extracting(l -> l.get("tool") + " " + l.get("surface") + " " + l.get("caller") + " "
                        + l.get("auth") + " " + l.get("outcome"))
                .containsExactly(
                        "server_stop rest writer jwt executed",
                        "server_stop openapi reader jwt refused_by_gate",
                        "server_reboot mcp_http static-token static_token invalid",
                        "server_delete mcp_http static-token static_token previewed",
                        "server_delete mcp_http static-token static_token executed");
        Map<String, Object> stop = lines.get(0);
        assertThat(stop).containsEntry("safety", "write").containsEntry("cloud", "env").containsEntry("project", "demo")
                .containsEntry("region", "RegionOne").containsKeys("time", "duration_ms");
        assertThat((Map<String, Object>) stop.get("arguments")).containsEntry("server", WEB_1).containsEntry("wait", false);
        assertThat((List<String>) stop.get("request_ids")).contains(REQUEST_ID);
        assertThat(lines.get(1).get("detail").toString()).contains("write scope");
        // arguments server_reboot does not take are not recorded at all, whatever their names
        assertThat((Map<String, Object>) lines.get(2).get("arguments")).containsEntry("admin_pass", Redaction.UNKNOWN)
                .containsEntry("user_data", Redaction.UNKNOWN).containsEntry("server", WEB_1);
        assertThat(lines.get(3).get("arguments")).isEqualTo(Map.of("server", WEB_1, "wait", false));
        String raw = Files.readString(audit);
        assertThat(raw).doesNotContain("hunter2-very-secret").doesNotContain("cloud-config")
                .doesNotContain(STATIC).doesNotContain(Jwts.SECRET).doesNotContain(String.valueOf(preview.get("confirm")))
                .doesNotContain("fake-password-0451");
        assertThat(Files.getPosixFilePermissions(audit)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void a_forced_call_to_an_unregistered_write_tool_over_mcp_is_refused_and_audited() throws Exception {
        Path audit = dir.resolve("readonly.jsonl");
        String base = start(audit, Map.of("ALLOW_MODIFY_OPERATIONS", "false"));
        McpSyncClient mcp = McpClients.http(base, STATIC);
        closing.add(mcp::closeGracefully);

        assertThatThrownBy(() -> mcp.callTool(new McpSchema.CallToolRequest("server_stop", Map.of("server", WEB_1))))
                .isInstanceOf(io.modelcontextprotocol.spec.McpError.class);
        assertThat(mcp.callTool(new McpSchema.CallToolRequest("server_list", Map.of())).isError()).isFalse();

        assertThat(lines(audit)).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("tool", "server_stop").containsEntry("surface", "mcp_http")
                    .containsEntry("outcome", "refused_by_gate");
            assertThat(line.get("detail").toString()).contains("ALLOW_MODIFY_OPERATIONS=false");
        });
        assertThat(fake.count("POST", ".*/action")).isZero();
    }

    @Test
    void rate_limited_write_calls_are_audited_too() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        String base = start(audit, Map.of("MCP_RATE_LIMIT_PER_MINUTE", "1"));

        HttpSurfaces.post(base + "/tool/server_stop/call", STATIC, Map.of("server", WEB_1, "wait", false));
        assertThat(HttpSurfaces.post(base + "/tool/server_stop/call", STATIC, Map.of("server", WEB_1, "wait", false))
                .status()).isEqualTo(429);

        assertThat(lines(audit)).extracting(l -> l.get("outcome")).containsExactly("executed", "rate_limited");
    }

    @Test
    void a_call_from_the_stdio_operator_is_audited_as_stdio_even_when_the_cloud_is_not_configured() throws Exception {
        Path audit = dir.resolve("stdio.jsonl");
        try (io.micronaut.context.ApplicationContext context = io.github.openstackops.mcp.support.TestContexts.plain(
                Map.of("mcp.safety.allow-modify", true, "mcp.audit.path", audit.toString()))) {
            io.github.openstackops.mcp.catalog.ToolOutcome outcome = context.getBean(
                    io.github.openstackops.mcp.catalog.ToolInvoker.class).invoke("server_stop", Map.of("server", "web-1"),
                    io.github.openstackops.mcp.catalog.ToolContext.quiet(io.github.openstackops.mcp.catalog.Caller.STDIO,
                            io.github.openstackops.mcp.catalog.Surface.STDIO));
            assertThat(outcome).isInstanceOf(io.github.openstackops.mcp.catalog.ToolOutcome.Error.class);
        }

        assertThat(lines(audit)).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("caller", "stdio").containsEntry("auth", "local")
                    .containsEntry("surface", "stdio").containsEntry("outcome", "failed")
                    .containsEntry("cloud", null).containsEntry("project", null);
            assertThat(line.get("detail").toString()).contains("OpenStack is not configured");
        });
    }

    @Test
    void redaction_masks_secret_names_at_any_depth_and_known_secrets_anywhere() {
        Secrets.register("the-openstack-password-123");
        Map<String, Object> redacted = Redaction.arguments(Map.of(
                "name", "web-2",
                "key_name", "demo-key",
                "password", "p",
                "metadata", Map.of("note", "uses the-openstack-password-123", "api_token", "t", "db_password", "x"),
                "networks", List.of(Map.of("uuid", "net-1", "private_key", "-----BEGIN"), "plain"),
                "adminPass", "y",
                "public_key", "ssh-ed25519 AAAA"));

        assertThat(redacted).containsEntry("name", "web-2").containsEntry("key_name", "demo-key")
                .containsEntry("password", "***").containsEntry("adminPass", "***").containsEntry("public_key", "***")
                .containsEntry("metadata", Map.of("note", "uses ***", "api_token", "***", "db_password", "***"))
                .containsEntry("networks", List.of(Map.of("uuid", "net-1", "private_key", "***"), "plain"));
    }

    @Test
    void heat_parameters_and_environment_keep_their_keys_with_masked_values_and_a_template_only_its_size() {
        String template = "heat_template_version: 2021-04-16\nparameters:\n  db_pass: {type: string, hidden: true}\n";
        Map<String, Object> redacted = Redaction.arguments(Map.of(
                "name", "app",
                "template", template,
                "parameters", Map.of("db_pass", "hunter2-db", "sizes", List.of(1, 2), "flavor", "m1.small"),
                "environment", "parameter_defaults:\n  admin_pw: s3cret-env\nresource_registry:\n"
                        + "  My::Server: server.yaml\n"));

        assertThat(redacted).containsEntry("name", "app")
                .containsEntry("template", "(" + template.length() + " characters, not recorded)")
                .containsEntry("parameters", Map.of("db_pass", "***", "sizes", List.of("***", "***"), "flavor", "***"))
                .containsEntry("environment", Map.of("parameter_defaults", Map.of("admin_pw", "***"),
                        "resource_registry", Map.of("My::Server", "***")));
        assertThat(Redaction.arguments(Map.of("environment", "not: [closed")))
                .containsEntry("environment", "***");
        assertThat(redacted.toString()).doesNotContain("hunter2-db", "s3cret-env", "hidden");
    }

    @Test
    void urls_are_recorded_without_credentials_or_query() {
        Map<String, Object> redacted = Redaction.arguments(Map.of(
                "source_url", "https://images.example.com:8443/x/cirros.qcow2?X-Amz-Signature=abc123def456&X-Amz-Expires=60",
                "template_url", "http://alice:s3cr3t-pass@heat.example.com/t.yaml#frag",
                "url", "not a url at all"));
        assertThat(redacted).containsEntry("source_url", "https://images.example.com:8443/x/cirros.qcow2")
                .containsEntry("template_url", "http://heat.example.com/t.yaml")
                .containsEntry("url", "(not a URL, not recorded)");
        assertThat(redacted.toString()).doesNotContain("abc123def456").doesNotContain("s3cr3t-pass").doesNotContain("alice");
    }

    @Test
    void a_rotated_log_is_reopened_at_its_path() throws Exception {
        Path path = dir.resolve("rotating.jsonl");
        try (AuditLog log = new AuditLog(path, true)) {
            log.append("{\"n\":1}");
            Files.move(path, dir.resolve("rotating.jsonl.1"));
            log.append("{\"n\":2}");
            Files.delete(path);
            log.append("{\"n\":3}");
        }
        assertThat(Files.readAllLines(dir.resolve("rotating.jsonl.1"))).containsExactly("{\"n\":1}");
        assertThat(Files.readAllLines(path)).containsExactly("{\"n\":3}");
    }

    @Test
    void an_unwritable_audit_path_stops_the_start() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(file.resolve("audit.jsonl"), Map.of()))
                .rootCause().hasMessageContaining("AUDIT_LOG_PATH");
    }
}
