package io.github.openstackops.mcp.tasks;

import io.github.openstackops.mcp.catalog.CallCancelled;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.state.SharedState;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs long operations as tasks (the MCP Tasks extension). A surface hands it a call it would otherwise run and wait
 * for; the call goes through the same invoker (rate limit, gate, argument check, confirmation, audit), and only when
 * it is about to run a long operation that waits for OpenStack does it become a task: the surface answers with the
 * handle at once, the operation runs on, its progress becomes the task's status message, its result is kept for
 * {@link TaskSettings#retention()}. Anything else (a read, a preview, a refusal, invalid arguments) is answered
 * directly, as without tasks.
 *
 * <p>Status and results live in the {@link SharedState}, so with a shared store any replica answers {@code tasks/get}
 * and takes a cancel (the replica running the task sees it at its next progress point). A task belongs to its
 * caller: another caller gets the same "not found" as for an id that never existed.
 */
@Singleton
public class Tasks {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);
    static final String KEY = "task:";
    static final String CANCEL = "task-cancel:";
    private static final Duration STORE_WRITE_EVERY = Duration.ofSeconds(1);

    private final SharedState state;
    private final TaskSettings settings;
    private final Duration staleAfter;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Running> live = new ConcurrentHashMap<>();

    @Inject
    public Tasks(SharedState state, TaskSettings settings, @Value("${mcp.tool-timeout:10m}") Duration toolTimeout) {
        this(state, settings, toolTimeout, Clock.systemUTC());
    }

    Tasks(SharedState state, TaskSettings settings, Duration toolTimeout, Clock clock) {
        this.state = state;
        this.settings = settings;
        // a running task reports at least every few seconds and cannot outlive the tool timeout: one that has been
        // silent for longer ran on a replica that stopped
        this.staleAfter = toolTimeout.plusMinutes(1);
        this.clock = clock;
    }

    /** How a call a client offered to run as a task was answered. */
    public sealed interface Started {
        /** Not a long operation (or refused, invalid, a preview): the result, as without tasks. */
        record Immediate(ToolOutcome outcome) implements Started {
        }

        /** A task runs the operation. */
        record Created(Task task) implements Started {
        }
    }

    /**
     * Runs a call the client allows to become a task.
     *
     * @param context the surface's context of the request (its caller owns the task)
     * @param submit  how the surface runs a call: with the context given to it, through the one invoker
     * @return completes when the call finished or became a task, whichever comes first; never exceptionally
     */
    public CompletableFuture<Started> call(ToolContext context,
                                           Function<ToolContext, CompletableFuture<ToolOutcome>> submit) {
        Running running = new Running(newId(), owner(context.caller()), context);
        submit.apply(running).whenComplete((outcome, error) -> {
            ToolOutcome result = outcome != null ? outcome : new ToolOutcome.Error(ToolOutcome.Failure.INTERNAL,
                    "The call failed because of an internal error.");
            if (running.task == null) {
                running.answer.complete(new Started.Immediate(result));
            } else {
                finish(running, result);
            }
        });
        return running.answer;
    }

    /** The caller's task, if it exists and is theirs. */
    public Optional<Task> get(Caller caller, String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Task> found = read(id).filter(t -> t.owner().equals(owner(caller)))
                .filter(t -> t.expiresAt().isAfter(now));
        if (found.isPresent() && found.get().status() == TaskStatus.WORKING && !live.containsKey(id)
                && Duration.between(found.get().lastUpdatedAt(), now).compareTo(staleAfter) > 0) {
            Task gone = found.get().with(TaskStatus.FAILED, "The server instance running this task stopped before"
                    + " it finished (no progress for " + staleAfter.toMinutes() + " min): check the resource in"
                    + " OpenStack.", now, settings.retention(), null);
            write(gone);
            return Optional.of(gone);
        }
        return found;
    }

    /**
     * Asks the caller's running task to stop. The replica running it stops at the operation's next progress point
     * (within seconds): where OpenStack can stop the operation the tool asks it to, otherwise only the wait ends.
     *
     * @return the task as it was when the cancel was taken, or empty when the caller has no such task
     */
    public Optional<Task> cancel(Caller caller, String id) {
        Optional<Task> task = get(caller, id);
        if (task.isEmpty() || task.get().status().terminal()) {
            return task;
        }
        Running running = live.get(id);
        if (running != null) {
            running.cancelRequested = true;
        } else {
            state.put(CANCEL + id, "1", settings.retention());
        }
        LOG.info("task {} ({}): cancel requested", id, task.get().tool());
        return task;
    }

    /** Tasks running on this replica (for tests and /health-style reports). */
    public int running() {
        return live.size();
    }

    public TaskSettings settings() {
        return settings;
    }

    private void finish(Running running, ToolOutcome outcome) {
        running.finished = true;
        live.remove(running.id);
        Task before = running.task;
        boolean cancelled = running.cancelRequested && outcome instanceof ToolOutcome.Error;
        String message = switch (outcome) {
            case ToolOutcome.Success s -> before.tool() + " finished.";
            case ToolOutcome.Error e -> e.message();
        };
        // a tool error is a completed call with an error result (isError), as without tasks; "failed" is for calls
        // that ended without any result
        Task done = before.with(cancelled ? TaskStatus.CANCELLED : TaskStatus.COMPLETED, message, clock.instant(),
                settings.retention(), cancelled ? null : outcome);
        try {
            write(done);
            if (running.cancelRequested) {
                state.remove(CANCEL + running.id);
            }
        } catch (RuntimeException e) {
            LOG.warn("task {}: its end could not be stored: {}", running.id, e.toString());
        }
        LOG.info("task {} ({}) {}", running.id, before.tool(), done.status().wire());
    }

    private Optional<Task> read(String id) {
        return state.get(KEY + id, settings.retention()).map(json -> Task.fromJson(ToolJson.readMap(json)));
    }

    private void write(Task task) {
        Duration ttl = Duration.between(clock.instant(), task.expiresAt());
        state.put(KEY + task.id(), ToolJson.write(task.toJson()), ttl.isNegative() || ttl.isZero()
                ? Duration.ofMillis(1) : ttl);
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String owner(Caller caller) {
        return SharedState.hash(caller.identityKey());
    }

    /** The context a task's call runs with: the request's until the task starts, the task's from then on. */
    private final class Running implements ToolContext {
        private final String id;
        private final String owner;
        private final ToolContext request;
        private final CompletableFuture<Started> answer = new CompletableFuture<>();
        private volatile Task task;
        private volatile boolean cancelRequested;
        private volatile boolean finished;
        private String cancellation;
        private boolean stopsInOpenStack;
        private Instant lastWrite = Instant.EPOCH;

        Running(String id, String owner, ToolContext request) {
            this.id = id;
            this.owner = owner;
            this.request = request;
        }

        @Override
        public Caller caller() {
            return request.caller();
        }

        @Override
        public Surface surface() {
            return request.surface();
        }

        @Override
        public Optional<Boolean> askToConfirm(String question) {
            return request.askToConfirm(question);
        }

        @Override
        public void beforeRun(ToolDefinition<?, ?> tool, Record arguments) {
            if (!tool.longRunning() || !tool.waits(arguments)) {
                return;
            }
            Instant now = clock.instant();
            Task created = new Task(id, owner, tool.name(), TaskStatus.WORKING, "Started " + tool.name() + ".", now,
                    now, now.plus(settings.retention()), settings.pollInterval(), null);
            synchronized (live) {
                long mine = live.values().stream().filter(r -> r.owner.equals(owner)).count();
                if (mine >= settings.maxPerCaller()) {
                    throw ToolException.refused("You have " + mine + " tasks running, the most one caller may have"
                            + " (MCP_TASKS_MAX_PER_CALLER): wait for one to finish or cancel one, then call again.");
                }
                if (live.size() >= settings.max()) {
                    throw ToolException.refused("This server runs " + live.size() + " tasks, the most it takes"
                            + " (MCP_TASKS_MAX): try again when some have finished.");
                }
                live.put(id, this);
            }
            try {
                write(created);
            } catch (RuntimeException e) {
                live.remove(id);
                throw new ToolException(ToolException.Kind.UNAVAILABLE, "The task could not be stored (the shared"
                        + " state store did not answer), so nothing was started: call again, or without a task.");
            }
            this.cancellation = tool.cancellation();
            this.stopsInOpenStack = tool.stopsInOpenStack();
            this.task = created;
            this.lastWrite = now;
            LOG.info("task {} ({}) started", id, tool.name());
            answer.complete(new Started.Created(created));
        }

        @Override
        public void progress(double done, Double total, String message) {
            if (task == null) {
                request.progress(done, total, message);
                return;
            }
            checkCancelled();
            update(message != null ? message : total == null ? String.valueOf((long) done)
                    : (long) done + " of " + total.longValue());
        }

        @Override
        public void info(String message) {
            if (task == null) {
                request.info(message);
                return;
            }
            LOG.info("task {}: {}", id, message);
            if (!finished) {
                update(message);
            }
        }

        private void checkCancelled() {
            if (finished) {
                // the call outlived the tool timeout and the task has ended: the handler still waiting stops here
                throw new CallCancelled("Stopped: the task already ended (the call ran longer than the server"
                        + " allows).");
            }
            if (!cancelRequested && state.sharedAcrossProcesses()) {
                cancelRequested = state.get(CANCEL + id, settings.retention()).isPresent();
            }
            if (cancelRequested) {
                throw new CallCancelled(stopsInOpenStack ? "Cancelled." : "Cancelled: stopped waiting. "
                        + cancellation);
            }
        }

        private synchronized void update(String message) {
            Instant now = clock.instant();
            boolean changed = !message.equals(task.statusMessage());
            task = task.with(TaskStatus.WORKING, message, now, settings.retention(), null);
            if (changed || Duration.between(lastWrite, now).compareTo(STORE_WRITE_EVERY) >= 0) {
                try {
                    write(task);
                    lastWrite = now;
                } catch (RuntimeException e) {
                    LOG.warn("task {}: progress could not be stored: {}", id, e.toString());
                }
            }
        }
    }
}
