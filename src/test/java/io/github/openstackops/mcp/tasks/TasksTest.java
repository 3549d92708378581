package io.github.openstackops.mcp.tasks;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.state.LocalState;
import io.github.openstackops.mcp.state.SharedState;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class TasksTest {

    static final String CINDER = "/volume/v3/8555d241e74c44ad9cc087c1e0ccee5b";
    static final String REC_VOL = "ed6f9f83-f01e-47cb-bcb2-8f29b4f429b6";
    static final Caller ALICE = new Caller("alice", Caller.AuthMethod.JWT, true);
    static final Caller BOB = new Caller("bob", Caller.AuthMethod.JWT, true);
    static final Map<String, Object> CREATE = Map.of("name", "rec-vol", "size_gb", 1);

    private FakeOpenStack fake;
    private ToolHarness tools;
    private final AtomicBoolean available = new AtomicBoolean();
    private final AtomicBoolean gone = new AtomicBoolean();
    private final List<String> progressSeenByTheRequest = new ArrayList<>();

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("POST", CINDER + "/volumes", 202, "storage/volume-create-rec-vol.json")
                .on("GET", CINDER + "/volumes/" + REC_VOL, r -> gone.get()
                        ? Reply.json(404, fake.recorded("storage/volume-404.json"))
                        : Reply.json(200, fake.recorded(available.get()
                        ? "storage/volume-rec-vol-available.json" : "storage/volume-create-rec-vol.json")))
                .on("GET", CINDER + "/snapshots", 200, "storage/snapshots-none.json")
                .on("GET", CINDER + "/backups", r -> Reply.json(200, "{\"backups\": []}"))
                .on("GET", CINDER + "/volumes/detail", 200, "storage/volumes-detail-limit2.json");
        tools = ToolHarness.on(fake).allowModify().property("openstack.poll-interval", "50ms").start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    private Tasks tasks(SharedState state, TaskSettings settings, Clock clock) {
        return new Tasks(state, settings, Duration.ofMinutes(10), clock);
    }

    private Tasks.Started call(Tasks tasks, Caller caller, String tool, Map<String, Object> arguments) {
        return tasks.call(context(caller), ctx -> tools.invoker().submit(tool, arguments, ctx)).join();
    }

    private ToolContext context(Caller caller) {
        return new ToolContext() {
            @Override
            public Caller caller() {
                return caller;
            }

            @Override
            public Surface surface() {
                return Surface.MCP_HTTP;
            }

            @Override
            public void progress(double done, Double total, String message) {
                progressSeenByTheRequest.add(message);
            }

            @Override
            public void info(String message) {
            }
        };
    }

    private static TaskSettings settings(int perCaller, int max) {
        return new TaskSettings(perCaller, max, Duration.ofHours(1), Duration.ofSeconds(2));
    }

    private static Task created(Tasks.Started started) {
        assertThat(started).isInstanceOf(Tasks.Started.Created.class);
        return ((Tasks.Started.Created) started).task();
    }

    private static Task settled(Tasks tasks, Caller caller, String id) {
        AtomicReference<Task> last = new AtomicReference<>();
        eventually(() -> {
            last.set(tasks.get(caller, id).orElseThrow());
            return last.get().status().terminal();
        });
        return last.get();
    }

    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_long_operation_becomes_a_task_whose_status_carries_the_progress_and_whose_result_is_kept() {
        Tasks tasks = tasks(new LocalState(), settings(8, 64), Clock.systemUTC());

        Task task = created(call(tasks, ALICE, "volume_create", CREATE));

        assertThat(task.status()).isEqualTo(TaskStatus.WORKING);
        assertThat(task.tool()).isEqualTo("volume_create");
        assertThat(task.id()).hasSizeGreaterThanOrEqualTo(22);
        eventually(() -> tasks.get(ALICE, task.id()).orElseThrow().statusMessage()
                .contains("creating"));
        available.set(true);
        Task done = settled(tasks, ALICE, task.id());

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.outcome()).isInstanceOfSatisfying(ToolOutcome.Success.class, s -> assertThat(s.structured())
                .containsEntry("status", "available").containsEntry("done", true));
        Map<String, Object> wire = TaskWire.detailed(done);
        assertThat(wire).containsEntry("resultType", "complete").containsEntry("status", "completed")
                .containsEntry("taskId", task.id()).containsKeys("createdAt", "lastUpdatedAt", "ttlMs", "pollIntervalMs");
        assertThat((Map<String, Object>) wire.get("result")).containsEntry("isError", false)
                .containsKey("structuredContent");
        assertThat(fake.count("POST", CINDER + "/volumes")).isEqualTo(1);
        assertThat(progressSeenByTheRequest).as("after the handle, progress goes to the task, not the request")
                .isEmpty();
        assertThat(tasks.running()).isZero();
    }

    @Test
    void the_long_operations_are_task_capable_and_say_what_a_cancel_does() {
        io.github.openstackops.mcp.catalog.ToolCatalog catalog = tools.context()
                .getBean(io.github.openstackops.mcp.catalog.ToolCatalog.class);
        for (String name : List.of("server_create", "server_rebuild", "server_resize", "server_migrate",
                "server_live_migrate", "volume_create", "volume_backup_create", "volume_backup_restore",
                "image_create", "stack_create", "stack_update", "stack_delete", "loadbalancer_create",
                "loadbalancer_update", "loadbalancer_delete")) {
            assertThat(catalog.find(name)).as(name).get().satisfies(t -> {
                assertThat(t.longRunning()).as(name + " is task-capable").isTrue();
                assertThat(t.cancellation()).as(name).isNotBlank();
            });
        }
        assertThat(catalog.find("volume_list").orElseThrow().longRunning()).isFalse();
        assertThat(catalog.find("stack_create").orElseThrow().stopsInOpenStack()).isTrue();
        assertThat(catalog.find("image_create").orElseThrow().stopsInOpenStack()).isTrue();
        assertThat(catalog.find("volume_create").orElseThrow().stopsInOpenStack()).isFalse();
    }

    @Test
    void reads_previews_refusals_and_calls_that_do_not_wait_are_answered_directly() {
        Tasks tasks = tasks(new LocalState(), settings(8, 64), Clock.systemUTC());

        assertThat(call(tasks, ALICE, "volume_list", Map.of("limit", 1)))
                .isInstanceOfSatisfying(Tasks.Started.Immediate.class, i -> assertThat(i.outcome())
                        .isInstanceOf(ToolOutcome.Success.class));
        assertThat(call(tasks, ALICE, "volume_create", Map.of("name", "rec-vol", "size_gb", 1, "wait", false)))
                .isInstanceOf(Tasks.Started.Immediate.class);
        assertThat(call(tasks, ALICE, "volume_create", Map.of("name", "x", "size_gb", 1, "colour", "red")))
                .isInstanceOfSatisfying(Tasks.Started.Immediate.class, i -> assertThat(i.outcome())
                        .isInstanceOfSatisfying(ToolOutcome.Error.class, e -> assertThat(e.message())
                                .contains("colour")));
        // a destructive operation still previews first: no task, no deletion, until confirmed
        available.set(true);
        Tasks.Started preview = call(tasks, ALICE, "volume_delete", Map.of("volume", REC_VOL));
        assertThat(preview).isInstanceOfSatisfying(Tasks.Started.Immediate.class, i -> assertThat(i.outcome())
                .isInstanceOfSatisfying(ToolOutcome.Success.class, s -> assertThat(s.structured())
                        .containsEntry("status", "preview")));
        assertThat(fake.count("DELETE", ".*")).isZero();
        assertThat(tasks.running()).isZero();
    }

    @Test
    void a_confirmed_destructive_long_operation_becomes_a_task() {
        Tasks tasks = tasks(new LocalState(), settings(8, 64), Clock.systemUTC());
        available.set(true);
        fake.on("DELETE", CINDER + "/volumes/" + REC_VOL, r -> {
            gone.set(true);
            return new Reply(202, "", Map.of());
        });
        ToolOutcome.Success preview = (ToolOutcome.Success) ((Tasks.Started.Immediate) call(tasks, ALICE,
                "volume_delete", Map.of("volume", REC_VOL))).outcome();

        Task task = created(call(tasks, ALICE, "volume_delete", Map.of("volume", REC_VOL, "confirm",
                preview.structured().get("confirm"))));

        assertThat(task.tool()).isEqualTo("volume_delete");
        Task done = settled(tasks, ALICE, task.id());
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.outcome()).isInstanceOfSatisfying(ToolOutcome.Success.class, s -> assertThat(s.structured())
                .containsEntry("status", "executed"));
        assertThat(fake.count("DELETE", CINDER + "/volumes/" + REC_VOL)).isEqualTo(1);
    }

    @Test
    void another_caller_can_neither_read_nor_cancel_a_task() {
        Tasks tasks = tasks(new LocalState(), settings(8, 64), Clock.systemUTC());
        Task task = created(call(tasks, ALICE, "volume_create", CREATE));

        assertThat(tasks.get(BOB, task.id())).isEmpty();
        assertThat(tasks.cancel(BOB, task.id())).isEmpty();
        assertThat(tasks.get(new Caller("alice", Caller.AuthMethod.STATIC_TOKEN, true), task.id()))
                .as("the same name authenticated another way is someone else").isEmpty();
        assertThat(tasks.get(ALICE, "no-such-task")).isEmpty();
        assertThat(tasks.get(ALICE, task.id())).get().extracting(Task::status).isEqualTo(TaskStatus.WORKING);

        available.set(true);
        assertThat(settled(tasks, ALICE, task.id()).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void a_cancel_stops_the_wait_and_says_that_openstack_goes_on() {
        Tasks tasks = tasks(new LocalState(), settings(8, 64), Clock.systemUTC());
        Task task = created(call(tasks, ALICE, "volume_create", CREATE));

        assertThat(tasks.cancel(ALICE, task.id())).isPresent();
        Task done = settled(tasks, ALICE, task.id());

        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(done.statusMessage()).contains("stopped waiting", "OpenStack cannot stop this operation");
        assertThat(done.outcome()).isNull();
        assertThat(TaskWire.detailed(done)).doesNotContainKeys("result", "error");
        assertThat(tasks.cancel(ALICE, task.id())).as("cancelling an ended task changes nothing").get()
                .extracting(Task::status).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void the_caps_refuse_a_task_before_anything_reaches_the_cloud() {
        Tasks tasks = tasks(new LocalState(), settings(1, 2), Clock.systemUTC());
        Task first = created(call(tasks, ALICE, "volume_create", CREATE));

        Tasks.Started second = call(tasks, ALICE, "volume_create", CREATE);

        assertThat(second).isInstanceOfSatisfying(Tasks.Started.Immediate.class, i -> assertThat(i.outcome())
                .isInstanceOfSatisfying(ToolOutcome.Error.class, e -> assertThat(e.message())
                        .contains("1 tasks running", "MCP_TASKS_MAX_PER_CALLER")));
        created(call(tasks, BOB, "volume_create", CREATE));
        assertThat(call(tasks, new Caller("carol", Caller.AuthMethod.JWT, true), "volume_create", CREATE))
                .isInstanceOfSatisfying(Tasks.Started.Immediate.class, i -> assertThat(((ToolOutcome.Error)
                        i.outcome()).message()).contains("MCP_TASKS_MAX"));
        eventually(() -> fake.count("POST", CINDER + "/volumes") == 2);

        available.set(true);
        settled(tasks, ALICE, first.id());
        assertThat(call(tasks, ALICE, "volume_create", CREATE)).isInstanceOf(Tasks.Started.Created.class);
    }

    @Test
    void results_are_forgotten_after_the_retention() {
        MutableClock clock = new MutableClock();
        Tasks tasks = tasks(new LocalState(), new TaskSettings(8, 64, Duration.ofMinutes(30), Duration.ofSeconds(2)),
                clock);
        available.set(true);
        Task task = created(call(tasks, ALICE, "volume_create", CREATE));
        Task done = settled(tasks, ALICE, task.id());
        assertThat(done.ttl()).isEqualTo(Duration.between(done.createdAt(), done.lastUpdatedAt())
                .plusMinutes(30));

        clock.advance(Duration.ofMinutes(29));
        assertThat(tasks.get(ALICE, task.id())).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(tasks.get(ALICE, task.id())).isEmpty();
    }

    @Test
    void another_replica_sharing_the_store_answers_for_the_task_and_takes_its_cancel() {
        SharedState store = new Shared(new LocalState());
        Tasks running = tasks(store, settings(8, 64), Clock.systemUTC());
        Tasks other = tasks(store, settings(8, 64), Clock.systemUTC());
        Task task = created(call(running, ALICE, "volume_create", CREATE));

        assertThat(other.get(ALICE, task.id())).get().extracting(Task::status).isEqualTo(TaskStatus.WORKING);
        assertThat(other.get(BOB, task.id())).isEmpty();
        assertThat(other.cancel(ALICE, task.id())).isPresent();

        Task done = settled(other, ALICE, task.id());
        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(store.get(Tasks.CANCEL + task.id(), Duration.ofMinutes(1))).as("the cancel flag is cleared")
                .isEmpty();
    }

    @Test
    void a_working_task_whose_replica_stopped_is_reported_failed() {
        SharedState store = new LocalState();
        MutableClock clock = new MutableClock();
        Tasks before = tasks(store, settings(8, 64), clock);
        Task task = created(call(before, ALICE, "volume_create", CREATE));
        Tasks after = tasks(store, settings(8, 64), clock);

        clock.advance(Duration.ofMinutes(5));
        assertThat(after.get(ALICE, task.id())).get().extracting(Task::status).isEqualTo(TaskStatus.WORKING);
        clock.advance(Duration.ofMinutes(7));
        Optional<Task> stale = after.get(ALICE, task.id());
        assertThat(stale).get().extracting(Task::status).isEqualTo(TaskStatus.FAILED);
        assertThat(TaskWire.detailed(stale.get())).containsKey("error");
        before.cancel(ALICE, task.id());
    }

    /** A store other processes see (a LocalState standing in for Redis). */
    private record Shared(LocalState state) implements SharedState {
        @Override
        public boolean claimOnce(String key, Duration ttl) {
            return state.claimOnce(key, ttl);
        }

        @Override
        public long take(String bucket, int perMinute) {
            return state.take(bucket, perMinute);
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            state.put(key, value, ttl);
        }

        @Override
        public Optional<String> get(String key, Duration ttl) {
            return state.get(key, ttl);
        }

        @Override
        public void remove(String key) {
            state.remove(key);
        }

        @Override
        public boolean sharedAcrossProcesses() {
            return true;
        }

        @Override
        public String where() {
            return "shared";
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
