package io.github.openstackops.mcp.state;

import java.time.Duration;

/**
 * The little state that replicas of one server must agree on: whether a one-time key (a confirmation token) was
 * already used, how many calls a caller may still make this minute, and small records such as who opened an MCP
 * session. In this process by default
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

    /** Keeps a value for {@code ttl} (replacing any). */
    void put(String key, String value, Duration ttl);

    /** The value, if present, whose lifetime then starts again at {@code ttl}. */
    java.util.Optional<String> get(String key, Duration ttl);

    void remove(String key);

    /** Whether other processes see this state (a store), or only this one. */
    default boolean sharedAcrossProcesses() {
        return false;
    }

    /** Where the state lives, for logs and {@code /health}: {@code memory} or the store's address without secrets. */
    String where();

    @Override
    default void close() {
    }

    /** A key part that names someone without storing who: the first 128 bits of SHA-256, in hex. */
    static String hash(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared store did not answer. */
    final class StateUnavailable extends RuntimeException {
        public StateUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
