package io.github.openstackops.mcp.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The call budget (MCP_MAX_CONCURRENT_CALLS): a call holds one permit while it works. A call that waits for a person
 * (an elicitation) is not working: it gives its permit back while the question is open and takes one again after the
 * answer, so a client that never answers cannot starve everybody else's calls. Each caller may keep only a few
 * questions open at once (MCP_MAX_PENDING_ELICITATIONS); beyond that the question is not asked and the call falls back
 * to a confirmation token.
 */
final class CallPermits {

    /** How long a call waits for a free permit before it is refused as busy. */
    static final long WAIT_SECONDS = 30;

    private final Semaphore permits;
    private final int maxPendingPerCaller;
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    CallPermits(int maxConcurrentCalls, int maxPendingPerCaller) {
        this.permits = new Semaphore(maxConcurrentCalls, true);
        this.maxPendingPerCaller = maxPendingPerCaller;
    }

    /** A permit for one call, or empty when none came free in time. */
    Optional<Permit> acquire() throws InterruptedException {
        if (permits.tryAcquire() || permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
            return Optional.of(new Permit());
        }
        return Optional.empty();
    }

    /** One call's permit; released once, whatever happens. */
    final class Permit implements AutoCloseable {
        private boolean held = true;

        /**
         * Asks a person through {@code ask} without holding the permit meanwhile; empty without asking when this
         * caller already has its maximum of open questions.
         */
        Optional<Boolean> whileAsking(Caller caller, Supplier<Optional<Boolean>> ask) {
            String key = caller.method() + ":" + caller.principal();
            AtomicInteger open = pending.computeIfAbsent(key, k -> new AtomicInteger());
            if (open.incrementAndGet() > maxPendingPerCaller) {
                release(key, open);
                return Optional.empty();
            }
            close();
            try {
                return ask.get();
            } finally {
                release(key, open);
                permits.acquireUninterruptibly();
                held = true;
            }
        }

        private void release(String key, AtomicInteger open) {
            if (open.decrementAndGet() <= 0) {
                pending.remove(key, open);
            }
        }

        @Override
        public void close() {
            if (held) {
                held = false;
                permits.release();
            }
        }
    }
}
