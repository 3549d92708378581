package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.StatelessMcp;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tasks extension over protocol 2026-07-28 on /mcp: a client that declares it gets a task handle for a long
 * operation, polls tasks/get to the result, cancels; another caller cannot see the task; a client that does not
 * declare it gets the result as before.
 */
class StatelessTasksTest {

    public static final String CINDER = "/volume/v3/8555d241e74c44ad9cc087c1e0ccee5b";
    public static final String REC_VOL = "ed6f9f83-f01e-47cb-bcb2-8f29b4f429b6";
    static final Map<String, Object> TASKS = Map.of("extensions", Map.of("io.modelcontextprotocol/tasks", Map.of()));
    static final Map<String, Object> CREATE = Map.of("operation", "volume_create", "arguments",
            Map.of("name", "rec-vol", "size_gb", 1));

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final AtomicBoolean available = new AtomicBoolean();
    private FakeOpenStack fake;
    private String base;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("POST", CINDER + "/volumes", 202, "storage/volume-create-rec-vol.json")
                .on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200, fake.recorded(available.get()
                        ? "storage/volume-rec-vol-available.json" : "storage/volume-create-rec-vol.json")));
        closing.add(fake);
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.safety.allow-modify", true);
        properties.put("openstack.poll-interval", "50ms");
        properties.put("mcp.catalog.tool-mode", "grouped");
        EmbeddedServer server = TestContexts.http(properties);
        closing.add(server.getApplicationContext());
        base = server.getURL().toString();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private Map<String, Object> post(String bearer, String method, Map<String, Object> params,
                                     Map<String, Object> capabilities) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("_meta", StatelessMcp.meta(capabilities));
        Map<String, String> headers = new LinkedHashMap<>(StatelessMcp.headers(method, p));
        if (params.get("taskId") instanceof String id) {
            headers.put("Mcp-Name", id);
        }
        return StatelessMcp.answer(StatelessMcp.post(base, bearer, StatelessMcp.body(1, method, p), headers));
    }

    private Map<String, Object> task(String method, String id) {
        return post(null, method, Map.of("taskId", id), TASKS);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private Map<String, Object> pollUntilEnded(String id, List<String> messages) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Map<String, Object> got = map(task("tasks/get", id).get("result"));
            if (got.get("statusMessage") instanceof String m) {
                messages.add(m);
            }
            if (!"working".equals(got.get("status"))) {
                return got;
            }
            assertThat(System.nanoTime()).as("task still working after 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void discover_advertises_the_extension() {
        Map<String, Object> discovered = map(post(null, "server/discover", Map.of(), Map.of()).get("result"));

        assertThat(map(map(discovered.get("capabilities")).get("extensions")))
                .containsKey("io.modelcontextprotocol/tasks");
    }

    @Test
    void a_long_operation_answers_with_a_task_polled_to_its_result() throws InterruptedException {
        Map<String, Object> created = map(post(null, "tools/call", Map.of("name", "storage_write", "arguments",
                CREATE), TASKS).get("result"));

        assertThat(created).containsEntry("resultType", "task").containsEntry("status", "working")
                .containsKeys("taskId", "createdAt", "lastUpdatedAt", "ttlMs", "pollIntervalMs")
                .doesNotContainKeys("result", "content");
        String id = (String) created.get("taskId");
        List<String> messages = new ArrayList<>();
        while (messages.stream().noneMatch(m -> m.contains("creating"))) {
            Map<String, Object> got = map(task("tasks/get", id).get("result"));
            assertThat(got).containsEntry("resultType", "complete").containsEntry("status", "working");
            messages.add(String.valueOf(got.get("statusMessage")));
        }
        available.set(true);
        Map<String, Object> done = pollUntilEnded(id, messages);

        assertThat(done).containsEntry("status", "completed").containsEntry("taskId", id);
        Map<String, Object> result = map(done.get("result"));
        assertThat(result).containsEntry("isError", false);
        assertThat(map(result.get("structuredContent"))).containsEntry("status", "available");
        assertThat(fake.count("POST", CINDER + "/volumes")).isEqualTo(1);
    }

    @Test
    void a_cancel_is_acknowledged_and_the_task_ends_cancelled_saying_what_openstack_does() throws InterruptedException {
        String id = (String) map(post(null, "tools/call", Map.of("name", "storage_write", "arguments", CREATE),
                TASKS).get("result")).get("taskId");

        assertThat(map(task("tasks/cancel", id).get("result"))).containsEntry("resultType", "complete");
        Map<String, Object> ended = pollUntilEnded(id, new ArrayList<>());

        assertThat(ended).containsEntry("status", "cancelled").doesNotContainKeys("result", "error");
        assertThat((String) ended.get("statusMessage")).contains("stopped waiting", "cannot stop");
    }

    @Test
    void a_client_without_the_extension_gets_the_result_and_reads_are_never_tasks() {
        available.set(true);
        Map<String, Object> plain = map(post(null, "tools/call", Map.of("name", "storage_write", "arguments",
                CREATE), Map.of()).get("result"));
        assertThat(plain).containsEntry("resultType", "complete").containsEntry("isError", false);
        assertThat(map(plain.get("structuredContent"))).containsEntry("status", "available");

        fake.on("GET", CINDER + "/volumes/detail", 200, "storage/volumes-detail-limit2.json");
        Map<String, Object> read = map(post(null, "tools/call", Map.of("name", "storage_read", "arguments",
                Map.of("operation", "volume_list", "arguments", Map.of("limit", 1))), TASKS).get("result"));
        assertThat(read).containsEntry("resultType", "complete").containsKey("content");
    }

    @Test
    void an_unknown_or_foreign_task_id_is_invalid_params() {
        Map<String, Object> error = map(task("tasks/get", "no-such-task").get("error"));
        assertThat(error).containsEntry("code", -32602);
        assertThat((String) error.get("message")).contains("no task 'no-such-task' of yours");
        assertThat(map(task("tasks/cancel", "no-such-task").get("error"))).containsEntry("code", -32602);
        assertThat(map(post(null, "tasks/get", Map.of(), TASKS).get("error"))).as("no taskId: no Mcp-Name either")
                .containsEntry("code", -32020);
    }
}
