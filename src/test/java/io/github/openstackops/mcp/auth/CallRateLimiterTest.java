package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolCallAdmission;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.state.LocalState;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.McpClients;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** At most N tool calls per minute per caller, counted across every surface. */
class CallRateLimiterTest {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    @Test
    void a_burst_of_n_then_one_call_every_60_over_n_seconds() {
        AtomicLong now = new AtomicLong(0);
        CallRateLimiter limiter = new CallRateLimiter(3, new LocalState(now::get));
        ToolContext alice = ToolContext.quiet(new Caller("alice", Caller.AuthMethod.JWT, false), Surface.REST);
        ToolContext bob = ToolContext.quiet(new Caller("bob", Caller.AuthMethod.JWT, false), Surface.OPENAPI);

        assertThat(limiter.admit(null, alice)).isEmpty();
        assertThat(limiter.admit(null, alice)).isEmpty();
        assertThat(limiter.admit(null, alice)).isEmpty();
        Optional<ToolCallAdmission.Refusal> refused = limiter.admit(null, alice);
        assertThat(refused).hasValueSatisfying(r -> {
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(20));
            assertThat(r.message()).contains("3 per minute").contains("20 s");
        });
        assertThat(limiter.admit(null, bob)).as("another caller has their own budget").isEmpty();

        now.addAndGet(Duration.ofSeconds(19).toNanos());
        assertThat(limiter.admit(null, alice)).hasValueSatisfying(r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.admit(null, alice)).isEmpty();
        assertThat(limiter.admit(null, alice)).isPresent();

        ToolContext stdio = ToolContext.quiet(Caller.STDIO, Surface.STDIO);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit(null, stdio)).as("the local operator is not limited").isEmpty();
        }
        assertThat(new CallRateLimiter(0, new LocalState(now::get)).admit(null, alice)).as("0 = unlimited").isEmpty();
    }

    @Test
    void over_http_the_limit_is_a_429_with_retry_after_and_over_mcp_an_error_result_across_surfaces() {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json");
        closing.add(fake);
        EmbeddedServer server = HttpSurfaces.start(fake, Map.of("MCP_TRANSPORT", "streamable-http",
                "MCP_JWT_SECRET", Jwts.SECRET, "MCP_RATE_LIMIT_PER_MINUTE", "4"));
        closing.add(server.getApplicationContext());
        String base = server.getURL().toString();
        String alice = Jwts.hs256(Jwts.claims("alice", null).build());
        String bob = Jwts.hs256(Jwts.claims("bob", null).build());
        McpSyncClient mcp = McpClients.http(base, alice); // opening the session takes one of the 4
        closing.add(mcp::closeGracefully);

        assertThat(HttpSurfaces.post(base + "/tool/server_list/call", alice, Map.of()).status()).isEqualTo(200);
        assertThat(HttpSurfaces.post(base + "/openapi/server_list", alice, Map.of()).status()).isEqualTo(200);
        assertThat(mcp.callTool(new McpSchema.CallToolRequest("server_list", Map.of())).isError()).isFalse();

        McpSchema.CallToolResult limited = mcp.callTool(new McpSchema.CallToolRequest("server_list", Map.of()));
        assertThat(limited.isError()).isTrue();
        assertThat(McpClients.text(limited)).contains("Too many tool calls").contains("4 per minute");
        Response rest = HttpSurfaces.post(base + "/tool/server_list/call", alice, Map.of());
        assertThat(rest.status()).isEqualTo(429);
        assertThat(Integer.parseInt(rest.header("Retry-After"))).isBetween(1, 20);
        assertThat(rest.body()).contains("\"code\":\"rate_limited\"");
        Response openapi = HttpSurfaces.post(base + "/openapi/server_list", alice, Map.of());
        assertThat(openapi.status()).isEqualTo(429);
        assertThat(openapi.header("Retry-After")).isNotNull();
        assertThat(HttpSurfaces.post(base + "/tool/server_list/call", bob, Map.of()).status()).isEqualTo(200);
        assertThat(fake.count("GET", "/compute/v2.1/servers/detail")).isEqualTo(4);
    }
}
