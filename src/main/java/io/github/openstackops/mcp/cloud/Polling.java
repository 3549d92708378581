package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a long operation to reach a terminal state, reporting progress to the caller on every change, and says
 * honestly where it stopped: reached, failed, gone, or still going when the time ran out.
 */
public final class Polling {

    /** Progress is sent at least this often during a wait. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private Polling() {
    }

    /** How a wait ended. */
    public enum End { REACHED, FAILED, GONE, TIMED_OUT }

    public record Outcome<T>(@Nullable T last, End end, Duration waited) {
        public boolean reached() {
            return end == End.REACHED;
        }
    }

    /**
     * Polls {@code read} (null means the resource is gone) every {@code interval} until {@code done} or
     * {@code failed} holds, the resource is gone, or {@code timeout} passes.
     */
    public static <T> Outcome<T> until(Supplier<T> read, Predicate<T> done, Predicate<T> failed,
                                       Function<T, String> describe, Duration timeout, Duration interval,
                                       ToolContext context) {
        return until(read, done, failed, describe, timeout, interval, HEARTBEAT, context);
    }

    /**
     * Same; progress goes to the client whenever the description changes and at least every {@code heartbeat} while
     * it does not (a server can sit in BUILD for minutes: the client still sees the wait go on).
     */
    static <T> Outcome<T> until(Supplier<T> read, Predicate<T> done, Predicate<T> failed,
                                Function<T, String> describe, Duration timeout, Duration interval, Duration heartbeat,
                                ToolContext context) {
        long start = System.nanoTime();
        Duration lastReport = null;
        String lastDescription = null;
        T last = null;
        while (true) {
            last = read.get();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (last == null) {
                return new Outcome<>(null, End.GONE, waited);
            }
            if (done.test(last)) {
                return new Outcome<>(last, End.REACHED, waited);
            }
            if (failed.test(last)) {
                return new Outcome<>(last, End.FAILED, waited);
            }
            String description = describe.apply(last);
            if (!Objects.equals(description, lastDescription) || waited.minus(lastReport).compareTo(heartbeat) >= 0) {
                context.progress(waited.toMillis() / 1000.0, (double) timeout.toSeconds(), description);
                lastDescription = description;
                lastReport = waited;
            }
            if (waited.compareTo(timeout) >= 0) {
                return new Outcome<>(last, End.TIMED_OUT, waited);
            }
            sleep(interval);
        }
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Stopped waiting: the call was cancelled.");
        }
    }
}
