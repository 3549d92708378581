package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.audit.AuditLines;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.RawMcp;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.support.Jwts.claims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one caller can do to the others: a flood of calls the gate refuses is rate limited like any other and fills
 * neither the audit file nor stderr with its arguments; sessions are capped per caller, and initialize counts against
 * the rate limit.
 */
class AbuseLimitsTest {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";

    private final List<AutoCloseable> closing = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private String start(Map<String, String> extra) {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json");
        closing.add(fake);
        Map<String, String> env = new HashMap<>(Map.of("MCP_TRANSPORT", "streamable-http",
                "ALLOW_MODIFY_OPERATIONS", "true", "MCP_JWT_SECRET", Jwts.SECRET));
        env.putAll(extra);
        EmbeddedServer server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    @Test
    void calls_the_gate_refuses_are_rate_limited_and_audited_with_capped_arguments() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        String base = start(Map.of("MCP_RATE_LIMIT_PER_MINUTE", "3", "AUDIT_LOG_PATH", audit.toString()));
        String readOnly = Jwts.hs256(claims("reader", "openstack:read").build());
        String huge = "x".repeat(900_000);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(HttpSurfaces.post(base + "/tool/server_stop/call", readOnly,
                    Map.of("server", huge, "wait", false)).status());
        }

        assertThat(statuses).containsExactly(404, 404, 404, 429, 429);
        List<Map<String, Object>> lines = AuditLines.read(audit);
        assertThat(lines).extracting(l -> l.get("outcome"))
                .containsExactly("refused_by_gate", "refused_by_gate", "refused_by_gate", "rate_limited", "rate_limited");
        assertThat(Files.size(audit)).as("audit file size").isLessThan(5 * 20_000);
        assertThat(lines).allSatisfy(line -> assertThat(line.get("arguments").toString())
                .contains("(900000 characters, truncated)").contains("wait=false"));
    }

    @Test
    void one_caller_cannot_take_every_session_and_initialize_is_rate_limited() {
        String base = start(Map.of("MCP_MAX_SESSIONS_PER_CALLER", "3", "MCP_RATE_LIMIT_PER_MINUTE", "5"));
        String greedy = Jwts.hs256(claims("greedy", "openstack:read").build());
        String other = Jwts.hs256(claims("other", "openstack:read").build());

        List<Integer> greedyStatuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            greedyStatuses.add(RawMcp.post(base, greedy, null, RawMcp.INITIALIZE).status());
        }
        Response otherInit = RawMcp.post(base, other, null, RawMcp.INITIALIZE);

        assertThat(greedyStatuses.subList(0, 3)).containsOnly(200);
        assertThat(greedyStatuses.subList(3, 6)).doesNotContain(200).contains(429);
        assertThat(otherInit.status()).as(otherInit.body()).isEqualTo(200);
    }

    @Test
    void initialize_counts_against_the_rate_limit() {
        String base = start(Map.of("MCP_RATE_LIMIT_PER_MINUTE", "2"));
        String caller = Jwts.hs256(claims("flooder", "openstack:read").build());

        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(RawMcp.post(base, caller, null, RawMcp.INITIALIZE));
        }

        assertThat(answers).extracting(Response::status).containsExactly(200, 200, 429, 429);
        assertThat(answers.get(2).header("Retry-After")).isNotBlank();
    }
}
