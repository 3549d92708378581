package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.StatelessMcp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.RUN;
import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static io.github.openstackops.mcp.support.Jwts.claims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tasks extension against the testbed, over protocol 2026-07-28 on HTTP in the default grouped mode: a client that
 * declares it gets a task for a volume create, polls tasks/get to completion seeing Cinder's progress, and finds the
 * volume the result names with the openstack CLI; a stack create is cancelled and Heat really stops it
 * (CREATE_FAILED); another caller sees neither task. Resources are ops-live-task-*-RUN and deleted afterwards.
 */
class TasksLiveIT {

    static final Map<String, Object> TASKS = Map.of("extensions", Map.of("io.modelcontextprotocol/tasks", Map.of()));
    static final String VOLUME = "ops-live-task-vol-" + RUN;
    static final String STACK = "ops-live-task-stack-" + RUN;
    static final String SLOW_TEMPLATE = """
            heat_template_version: 2018-08-31
            resources:
              slow:
                type: OS::Heat::TestResource
                properties:
                  value: slow
                  action_wait_secs:
                    create: 300
            """;

    private static ServerProcess server;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("MCP_TOOL_MODE", "grouped");
        env.put("ALLOW_MODIFY_OPERATIONS", "true");
        env.put("MCP_JWT_SECRET", Jwts.SECRET);
        env.put("MCP_JWT_ISSUER", Jwts.ISSUER);
        env.put("MCP_JWT_AUDIENCE", Jwts.AUDIENCE);
        server = ServerProcess.http(env);
        alice = Jwts.hs256(claims("live-task-alice", "openid openstack:write").build());
        bob = Jwts.hs256(claims("live-task-bob", "openid openstack:write").build());
    }

    @AfterAll
    static void stop() {
        if (openstackStatus("stack", "show", STACK) == 0) {
            openstackStatus("stack", "delete", "--yes", "--wait", STACK);
        }
        if (openstackStatus("volume", "show", VOLUME) == 0) {
            openstackStatus("volume", "delete", VOLUME);
        }
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, Object> post(String bearer, String method, Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("_meta", StatelessMcp.meta(TASKS));
        Map<String, String> headers = new LinkedHashMap<>(StatelessMcp.headers(method, p));
        if (params.get("taskId") instanceof String id) {
            headers.put("Mcp-Name", id);
        }
        return StatelessMcp.answer(StatelessMcp.post(server.baseUrl(), bearer, StatelessMcp.body(1, method, p),
                headers));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> result(Map<String, Object> answer) {
        assertThat(answer).as("answer without error: %s", answer).containsKey("result");
        return map(answer.get("result"));
    }

    private static Map<String, Object> get(String bearer, String id) {
        return post(bearer, "tasks/get", Map.of("taskId", id));
    }

    /** Polls at the interval the server asks for until the task leaves 'working'; collects the status messages. */
    private static Map<String, Object> poll(String id, List<String> messages, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Map<String, Object> task = result(get(alice, id));
            if (task.get("statusMessage") instanceof String m && (messages.isEmpty() || !messages.getLast().equals(m))) {
                messages.add(m);
            }
            if (!"working".equals(task.get("status")) || System.nanoTime() > deadline) {
                return task;
            }
            Thread.sleep(((Number) task.get("pollIntervalMs")).longValue());
        }
    }

    @Test
    void discover_advertises_the_tasks_extension() {
        Map<String, Object> discovered = result(post(alice, "server/discover", Map.of()));

        assertThat(map(map(discovered.get("capabilities")).get("extensions")))
                .containsKey("io.modelcontextprotocol/tasks");
    }

    @Test
    void a_volume_create_runs_as_a_task_polled_to_completion() throws Exception {
        Map<String, Object> created = result(post(alice, "tools/call", Map.of("name", "storage_write", "arguments",
                Map.of("operation", "volume_create", "arguments", Map.of("name", VOLUME, "size_gb", 1)))));

        assertThat(created).containsEntry("resultType", "task").containsEntry("status", "working");
        String id = (String) created.get("taskId");
        assertThat(map(post(bob, "tasks/get", Map.of("taskId", id)).get("error"))).as("another caller")
                .containsEntry("code", -32602);
        assertThat(map(post(bob, "tasks/cancel", Map.of("taskId", id)).get("error"))).containsEntry("code", -32602);

        List<String> messages = new ArrayList<>();
        Map<String, Object> done = poll(id, messages, Duration.ofMinutes(3));

        assertThat(done).containsEntry("status", "completed");
        Map<String, Object> toolResult = map(done.get("result"));
        assertThat(toolResult).containsEntry("isError", false);
        Map<String, Object> volume = map(toolResult.get("structuredContent"));
        assertThat(volume).containsEntry("name", VOLUME).containsEntry("status", "available");
        assertThat(messages).as("status messages while it ran").isNotEmpty();
        JsonNode shown = json(openstack("volume", "show", VOLUME, "-f", "json"));
        assertThat(shown.path("id").asText()).isEqualTo(volume.get("id"));
        assertThat(shown.path("status").asText()).isEqualTo("available");
        assertThat(shown.path("size").asInt()).isEqualTo(1);
        // the result stays: polling again answers the same
        assertThat(result(get(alice, id))).containsEntry("status", "completed").containsKey("result");
    }

    @Test
    void a_cancelled_stack_create_is_stopped_by_heat() throws Exception {
        Map<String, Object> created = result(post(alice, "tools/call", Map.of("name", "orchestration_write",
                "arguments", Map.of("operation", "stack_create", "arguments", Map.of("name", STACK, "template",
                        SLOW_TEMPLATE)))));
        assertThat(created).containsEntry("resultType", "task");
        String id = (String) created.get("taskId");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!String.valueOf(result(get(alice, id)).get("statusMessage")).contains("CREATE_IN_PROGRESS")) {
            assertThat(System.nanoTime()).as("the create shows as in progress").isLessThan(deadline);
            Thread.sleep(500);
        }

        assertThat(result(post(alice, "tasks/cancel", Map.of("taskId", id)))).containsEntry("resultType", "complete");
        Map<String, Object> ended = poll(id, new ArrayList<>(), Duration.ofMinutes(1));

        assertThat(ended).containsEntry("status", "cancelled");
        assertThat((String) ended.get("statusMessage")).contains("cancel_without_rollback", STACK);
        String status = "";
        long settle = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < settle) {
            status = json(openstack("stack", "show", STACK, "-f", "json")).path("stack_status").asText();
            if (!status.endsWith("IN_PROGRESS")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(status).as("Heat stopped the create long before the resource's 300 s").isEqualTo("CREATE_FAILED");
    }
}
