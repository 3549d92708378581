package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.RawMcp;
import io.github.openstackops.mcp.support.RedisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.rest.SurfaceFixture.TOKEN;
import static io.github.openstackops.mcp.rest.SurfaceFixture.WEB_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (two in-process servers, each with its own fake cloud) sharing one real redis-server through
 * MCP_STATE_STORE, with no sticky routing: a confirmation token works once across both, a rate limit holds across both,
 * and an MCP session opened on one is served by the other, until it is deleted on either.
 */
class ReplicasShareStateTest {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private SurfaceFixture[] replicas(RedisProcess redis, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("MCP_STATE_STORE", redis.url());
        env.put("CONFIRMATION_SECRET", "a-secret-every-replica-shares-0123456789");
        SurfaceFixture a = new SurfaceFixture(env);
        closing.add(a);
        SurfaceFixture b = new SurfaceFixture(env);
        closing.add(b);
        return new SurfaceFixture[] {a, b};
    }

    @Test
    void a_destructive_call_previewed_on_one_replica_is_confirmed_on_the_other_once() throws Exception {
        RedisProcess redis = RedisProcess.start();
        closing.add(redis);
        SurfaceFixture[] r = replicas(redis, Map.of());
        Map<String, Object> args = Map.of("server", WEB_1, "wait", false);

        Response preview = HttpSurfaces.post(r[0].base + "/openapi/server_delete", TOKEN, args);
        assertThat(preview.json()).as(preview.body()).containsEntry("status", "preview");
        Object token = preview.json().get("confirm");
        Map<String, Object> confirmed = new java.util.HashMap<>(args);
        confirmed.put("confirm", token);

        Response done = HttpSurfaces.post(r[1].base + "/openapi/server_delete", TOKEN, confirmed);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(r[1].fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);

        for (SurfaceFixture replica : r) {
            Response again = HttpSurfaces.post(replica.base + "/tool/server_delete/call", TOKEN, confirmed);
            assertThat(again.body()).contains("already been used");
        }
        assertThat(r[0].fake.count("DELETE", ".*") + r[1].fake.count("DELETE", ".*")).isEqualTo(1);
    }

    @Test
    void a_rate_limit_holds_across_replicas() throws Exception {
        RedisProcess redis = RedisProcess.start();
        closing.add(redis);
        SurfaceFixture[] r = replicas(redis, Map.of("MCP_RATE_LIMIT_PER_MINUTE", "3"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(HttpSurfaces.post(r[i % 2].base + "/tool/server_list/call", TOKEN, Map.of()).status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
    }

    @Test
    void an_mcp_session_opened_on_one_replica_is_served_by_the_other_until_deleted_on_either() throws Exception {
        RedisProcess redis = RedisProcess.start();
        closing.add(redis);
        SurfaceFixture[] r = replicas(redis, Map.of());
        String session = RawMcp.initialize(r[0].base, TOKEN);

        Response listed = RawMcp.post(r[1].base, TOKEN, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains("server_list");
        Response called = RawMcp.post(r[1].base, TOKEN, session,
                RawMcp.toolsCall(2, "{\"name\":\"server_list\",\"arguments\":{}}"));
        assertThat(called.body()).contains("cache-1").doesNotContain("\"isError\":true");
        Response back = RawMcp.post(r[0].base, TOKEN, session,
                RawMcp.toolsCall(3, "{\"name\":\"server_list\",\"arguments\":{}}"));
        assertThat(back.body()).contains("cache-1");

        Response otherCaller = RawMcp.post(r[1].base, "someone-else", session,
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}");
        assertThat(otherCaller.status()).as("a session belongs to whoever opened it").isIn(401, 404);

        Response deleted = HttpSurfaces.send(HttpSurfaces.request(r[1].base + "/mcp", TOKEN)
                .header("Mcp-Session-Id", session).DELETE());
        assertThat(deleted.status()).isEqualTo(200);
        for (SurfaceFixture replica : r) {
            Response gone = RawMcp.post(replica.base, TOKEN, session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");
            assertThat(gone.status()).as("deleted on one replica, ended on every").isEqualTo(404);
        }
    }
}
