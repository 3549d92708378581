package io.github.openstackops.mcp.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/** {@link SharedState} kept in this process: right for one server; replicas then each keep their own. */
public final class LocalState implements SharedState {

    private static final double MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final LongSupplier nanos;
    private final Cache<String, Long> claimed = Caffeine.newBuilder()
            .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, Long>() {
                @Override
                public long expireAfterCreate(String key, Long ttlNanos, long currentTime) {
                    return ttlNanos;
                }

                @Override
                public long expireAfterUpdate(String key, Long ttlNanos, long currentTime, long currentDuration) {
                    return currentDuration;
                }

                @Override
                public long expireAfterRead(String key, Long ttlNanos, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            }).maximumSize(100_000).build();
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5)).maximumSize(100_000).build();

    public LocalState() {
        this(System::nanoTime);
    }

    public LocalState(LongSupplier nanos) {
        this.nanos = nanos;
    }

    @Override
    public boolean claimOnce(String key, Duration ttl) {
        return claimed.asMap().putIfAbsent(key, ttl.toNanos()) == null;
    }

    @Override
    public long take(String bucket, int perMinute) {
        return buckets.get(bucket + "/" + perMinute, k -> new Bucket(perMinute, nanos.getAsLong()))
                .take(nanos.getAsLong());
    }

    @Override
    public String where() {
        return "memory";
    }

    /** A token bucket: capacity N, refilled at N per minute. */
    private static final class Bucket {
        private final int capacity;
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized long take(long now) {
            double perNano = capacity / MINUTE_NANOS;
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            return Math.max(1, (waitNanos + 999_999L) / 1_000_000L);
        }
    }
}
