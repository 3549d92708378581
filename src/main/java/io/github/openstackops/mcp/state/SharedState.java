package io.github.openstackops.mcp.state;

import java.time.Duration;

/**
 * The little state that replicas of one server must agree on: whether a one-time key (a confirmation token) was
 * already used, and how many calls a caller may still make this minute. In this process by default
 * ({@link LocalState}); in Redis when {@code MCP_STATE_STORE} names one ({@link RedisState}), so every replica sees the
 * same answers.
 */
public interface SharedState extends AutoCloseable {

    /**
     * Marks a key used for {@code ttl}.
     *
     * @return true the first time, false if any replica sharing this state claimed it before
     * @throws StateUnavailable when the shared store cannot be reached (the caller decides whether to fail closed)
     */
    boolean claimOnce(String key, Duration ttl);

    /**
     * Takes one call from a token bucket that holds {@code perMinute} calls and refills evenly over a minute.
     *
     * @return 0 when a call was taken, else the milliseconds until one is available
     * @throws StateUnavailable when the shared store cannot be reached
     */
    long take(String bucket, int perMinute);

    /** Where the state lives, for logs and {@code /health}: {@code memory} or the store's address without secrets. */
    String where();

    @Override
    default void close() {
    }

    /** The shared store did not answer. */
    final class StateUnavailable extends RuntimeException {
        public StateUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
