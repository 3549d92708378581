package io.github.openstackops.mcp.transport;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.StatelessMcp;
import io.github.openstackops.mcp.support.StdioPipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.openstackops.mcp.transport.StatelessTasksTest.CINDER;
import static io.github.openstackops.mcp.transport.StatelessTasksTest.REC_VOL;
import static io.github.openstackops.mcp.transport.StatelessTasksTest.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The Tasks extension over stdio (protocol 2026-07-28 without initialize): the same handle, polling and result. */
class StdioTasksTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    private FakeOpenStack fake;
    private StdioPipe pipe;

    @AfterEach
    void close() throws Exception {
        pipe.close();
        fake.close();
    }

    private Map<String, Object> result(int id, String method, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("_meta", StatelessMcp.meta(StatelessTasksTest.TASKS));
        String line = pipe.send(StatelessMcp.body(id, method, p)).next(WAIT);
        assertThat(line).as("an answer on stdout").isNotNull();
        Map<String, Object> answer = HttpSurfaces.read(line, new TypeReference<>() { });
        assertThat(answer).as(answer.toString()).containsKey("result");
        return map(answer.get("result"));
    }

    @Test
    void a_long_operation_answers_with_a_task_polled_to_its_result() throws InterruptedException {
        AtomicBoolean available = new AtomicBoolean();
        fake = FakeOpenStack.start()
                .on("POST", CINDER + "/volumes", 202, "storage/volume-create-rec-vol.json");
        fake.on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200, fake.recorded(available.get()
                ? "storage/volume-rec-vol-available.json" : "storage/volume-create-rec-vol.json")));
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.safety.allow-modify", true);
        properties.put("mcp.catalog.tool-mode", "grouped");
        pipe = new StdioPipe(properties);

        Map<String, Object> created = result(1, "tools/call", Map.of("name", "storage_write", "arguments",
                StatelessTasksTest.CREATE));
        assertThat(created).containsEntry("resultType", "task").containsEntry("status", "working");
        String id = (String) created.get("taskId");
        available.set(true);
        Map<String, Object> task;
        int request = 2;
        do {
            Thread.sleep(50);
            task = result(request++, "tasks/get", Map.of("taskId", id));
            assertThat(request).as("completed within 200 polls").isLessThan(200);
        } while ("working".equals(task.get("status")));

        assertThat(task).containsEntry("status", "completed");
        assertThat(map(map(task.get("result")).get("structuredContent"))).containsEntry("status", "available");
    }
}
