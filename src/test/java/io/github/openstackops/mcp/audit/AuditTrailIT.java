package io.github.openstackops.mcp.audit;

import io.github.openstackops.mcp.live.ServerProcess;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server, started as an operator starts it, is killed (SIGKILL) the moment a write call has answered:
 * the call's audit line is already in the file, because it is written and forced to disk before the answer.
 */
class AuditTrailIT {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String TOKEN = "audit-it-bearer-secret-8812";

    @TempDir
    Path dir;

    @Test
    void the_audit_line_of_a_call_survives_killing_the_server_right_after_it_answered() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "",
                        Map.of("X-Openstack-Request-Id", "req-11111111-2222-4333-8444-555555555555")))) {
            ServerProcess server = ServerProcess.http(Map.of("OS_AUTH_URL", fake.authUrl(), "OS_USERNAME", "demo",
                    "OS_PASSWORD", "fake-password-0451", "OS_PROJECT_NAME", "demo", "OS_REGION_NAME", "RegionOne",
                    "ALLOW_MODIFY_OPERATIONS", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN,
                    "AUDIT_LOG_PATH", audit.toString(), "MCP_TOOL_MODE", "all"));
            try {
                HttpSurfaces.Response stopped = HttpSurfaces.post(server.baseUrl() + "/tool/server_stop/call", TOKEN,
                        Map.of("server", WEB_1, "wait", false));
                server.kill();

                assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
                assertThat(server.alive()).isFalse();
                List<Map<String, Object>> lines = AuditTrailTest.lines(audit);
                assertThat(lines).singleElement().satisfies(line -> {
                    assertThat(line).containsEntry("tool", "server_stop").containsEntry("outcome", "executed")
                            .containsEntry("caller", "static-token").containsEntry("surface", "rest");
                    assertThat(line.get("request_ids")).asList().contains("req-11111111-2222-4333-8444-555555555555");
                });
            } finally {
                server.close();
            }
        }
    }
}
