package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.RedisProcess;
import io.github.openstackops.mcp.support.StatelessMcp;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas sharing a real redis-server (MCP_STATE_STORE), no sticky routing: a task started on one is polled on
 * the other, which shows its progress, takes its cancel and then its end; without the shared store the other replica
 * knows nothing of it.
 */
class TasksAcrossReplicasTest {

    static final String CINDER = StatelessTasksTest.CINDER;
    static final String REC_VOL = StatelessTasksTest.REC_VOL;
    static final String TOKEN = "replica-tasks-bearer-secret-0123";

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private String replica(Map<String, String> extra) {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("POST", CINDER + "/volumes", 202, "storage/volume-create-rec-vol.json");
        fake.on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200,
                fake.recorded("storage/volume-create-rec-vol.json")));
        closing.add(fake);
        Map<String, String> env = new HashMap<>(Map.of("MCP_TRANSPORT", "streamable-http", "MCP_TOOL_MODE", "grouped",
                "ALLOW_MODIFY_OPERATIONS", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN));
        env.putAll(extra);
        EmbeddedServer server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    private static Map<String, Object> post(String base, String method, Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("_meta", StatelessMcp.meta(StatelessTasksTest.TASKS));
        Map<String, String> headers = new LinkedHashMap<>(StatelessMcp.headers(method, p));
        if (params.get("taskId") instanceof String id) {
            headers.put("Mcp-Name", id);
        }
        return StatelessMcp.answer(StatelessMcp.post(base, TOKEN, StatelessMcp.body(1, method, p), headers));
    }

    private static String start(String base) {
        Map<String, Object> created = StatelessTasksTest.map(post(base, "tools/call", Map.of("name", "storage_write",
                "arguments", StatelessTasksTest.CREATE)).get("result"));
        assertThat(created).containsEntry("resultType", "task");
        return (String) created.get("taskId");
    }

    @Test
    void a_task_started_on_one_replica_is_polled_and_cancelled_on_the_other() throws Exception {
        RedisProcess redis = RedisProcess.start();
        closing.add(redis);
        Map<String, String> shared = Map.of("MCP_STATE_STORE", redis.url());
        String a = replica(shared);
        String b = replica(shared);
        String id = start(a);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> seen;
        do {
            seen = StatelessTasksTest.map(post(b, "tasks/get", Map.of("taskId", id)).get("result"));
            assertThat(System.nanoTime()).as("replica b shows a's progress").isLessThan(deadline);
        } while (!String.valueOf(seen.get("statusMessage")).contains("creating"));
        assertThat(seen).containsEntry("status", "working");

        assertThat(StatelessTasksTest.map(post(b, "tasks/cancel", Map.of("taskId", id)).get("result")))
                .containsEntry("resultType", "complete");
        do {
            seen = StatelessTasksTest.map(post(b, "tasks/get", Map.of("taskId", id)).get("result"));
            assertThat(System.nanoTime()).as("the cancel taken on b stops the task on a").isLessThan(deadline);
            Thread.sleep(50);
        } while ("working".equals(seen.get("status")));
        assertThat(seen).containsEntry("status", "cancelled");
        assertThat(StatelessTasksTest.map(post(a, "tasks/get", Map.of("taskId", id)).get("result")))
                .containsEntry("status", "cancelled");
    }

    @Test
    void without_a_shared_store_the_other_replica_does_not_know_the_task() {
        String a = replica(Map.of());
        String b = replica(Map.of());
        String id = start(a);

        assertThat(StatelessTasksTest.map(post(b, "tasks/get", Map.of("taskId", id)).get("error")))
                .containsEntry("code", -32602);
        assertThat(StatelessTasksTest.map(post(a, "tasks/cancel", Map.of("taskId", id)).get("result")))
                .containsEntry("resultType", "complete");
    }
}
