package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.catalog.ActingIdentity;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs independent reads against the cloud at the same time, one virtual thread each, and reports every one's value
 * or the reason it failed, so that one service being down does not hide the others. Every task must do its cloud work
 * through {@code CloudSession.call} / {@code CloudApi} on its own thread (openstack4j keeps its session in a
 * ThreadLocal: a client is never shared between threads). Each task acts with the OpenStack identity and in the cloud
 * of the call that started it ({@link ActingIdentity#carried}), never silently with the server's own. Tasks still
 * running at the deadline are cancelled and reported as not answering in time.
 */
final class Parallel {

    private static final Logger LOG = LoggerFactory.getLogger(Parallel.class);
    private static final ExecutorService EXECUTOR = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cluster-", 0).factory());

    /** A task's value, or why there is none. */
    record Outcome<T>(@Nullable T value, @Nullable ToolException failure) {
        boolean ok() {
            return failure == null;
        }

        boolean forbidden() {
            return failure != null && failure.kind() == ToolException.Kind.FORBIDDEN;
        }
    }

    private Parallel() {
    }

    /**
     * Runs the tasks (at most {@code concurrency} at a time) and waits for all of them, at most until
     * {@code deadline}; the outcomes keep the tasks' order.
     */
    static <T> Map<String, Outcome<T>> run(Map<String, Supplier<T>> tasks, Duration deadline, int concurrency,
                                           OpenStackFaults faults) {
        Semaphore permits = new Semaphore(Math.max(1, concurrency));
        Map<String, Future<T>> futures = new LinkedHashMap<>();
        tasks.forEach((name, task) -> futures.put(name, EXECUTOR.submit(ActingIdentity.carried((Callable<T>) () -> {
            permits.acquire();
            try {
                return task.get();
            } finally {
                permits.release();
            }
        }))));
        long end = System.nanoTime() + deadline.toNanos();
        Map<String, Outcome<T>> outcomes = new LinkedHashMap<>();
        futures.forEach((name, future) -> {
            try {
                long left = Math.max(0, end - System.nanoTime());
                outcomes.put(name, new Outcome<>(future.get(left, TimeUnit.NANOSECONDS), null));
            } catch (TimeoutException e) {
                future.cancel(true);
                outcomes.put(name, new Outcome<>(null, new ToolException(ToolException.Kind.UNAVAILABLE,
                        "It did not answer within " + deadline.toSeconds() + " s.")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                outcomes.put(name, new Outcome<>(null, new ToolException(ToolException.Kind.CLOUD_ERROR,
                        "The call was cancelled.")));
            } catch (ExecutionException e) {
                outcomes.put(name, new Outcome<>(null, reason(name, e.getCause(), faults)));
            }
        });
        return outcomes;
    }

    private static ToolException reason(String task, Throwable failure, OpenStackFaults faults) {
        return faults.translate(failure).orElseGet(() -> {
            LOG.error("{} failed unexpectedly", task, failure);
            return new ToolException(ToolException.Kind.CLOUD_ERROR, "It failed with an internal error ("
                    + failure.getClass().getSimpleName() + "; details in the server log).");
        });
    }
}
