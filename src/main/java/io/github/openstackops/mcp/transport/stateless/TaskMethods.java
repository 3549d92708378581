package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.tasks.Task;
import io.github.openstackops.mcp.tasks.TaskWire;
import io.github.openstackops.mcp.tasks.Tasks;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The methods of the Tasks extension ({@code io.modelcontextprotocol/tasks}): {@code tasks/get} (the task, with its
 * result once completed), {@code tasks/cancel} and {@code tasks/update} (acknowledged; our tasks never wait for
 * input). A task id the caller has no task under (never existed, expired, someone else's) is invalid params.
 */
final class TaskMethods {

    private TaskMethods() {
    }

    /** The answer for the caller's task named in the params, or the JSON-RPC error when there is none. */
    static CompletableFuture<StatelessReply> withTask(StatelessRequest request,
                                                      java.util.function.BiFunction<StatelessRequest, String,
                                                              Optional<Task>> find,
                                                      Function<Task, StatelessReply> answer) {
        Object id = request.params().get("taskId");
        if (!(id instanceof String taskId) || taskId.isBlank()) {
            return CompletableFuture.completedFuture(StatelessReply.error(TaskWire.INVALID_PARAMS,
                    "Invalid params for " + request.method() + ": taskId (a string) is required."));
        }
        return CompletableFuture.completedFuture(find.apply(request, taskId).map(answer)
                .orElseGet(() -> StatelessReply.error(TaskWire.INVALID_PARAMS, TaskWire.notFound(taskId))));
    }

    @Singleton
    static final class Get implements StatelessMethod.Named {
        private final Tasks tasks;

        Get(Tasks tasks) {
            this.tasks = tasks;
        }

        @Override
        public String method() {
            return TaskWire.GET;
        }

        @Override
        public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
            return withTask(request, (r, id) -> tasks.get(r.caller(), id),
                    task -> StatelessReply.result(TaskWire.detailed(task)));
        }
    }

    @Singleton
    static final class Cancel implements StatelessMethod.Named {
        private final Tasks tasks;

        Cancel(Tasks tasks) {
            this.tasks = tasks;
        }

        @Override
        public String method() {
            return TaskWire.CANCEL;
        }

        @Override
        public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
            return withTask(request, (r, id) -> tasks.cancel(r.caller(), id),
                    task -> StatelessReply.result(TaskWire.acknowledged()));
        }
    }

    @Singleton
    static final class Update implements StatelessMethod.Named {
        private final Tasks tasks;

        Update(Tasks tasks) {
            this.tasks = tasks;
        }

        @Override
        public String method() {
            return TaskWire.UPDATE;
        }

        @Override
        public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
            // no task of ours asks for input: responses to keys that are not outstanding are ignored, as the
            // extension says
            return withTask(request, (r, id) -> tasks.get(r.caller(), id),
                    task -> StatelessReply.result(TaskWire.acknowledged()));
        }
    }
}
