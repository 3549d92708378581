package io.github.openstackops.mcp.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/** {@link SharedState} kept in this process: right for one server; replicas then each keep their own. */
public final class LocalState implements SharedState {

    private static final double MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final LongSupplier nanos;
    private final Cache<String, Timed> values = Caffeine.newBuilder()
            .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, Timed>() {
                @Override
                public long expireAfterCreate(String key, Timed value, long currentTime) {
                    return value.ttlNanos;
                }

                @Override
                public long expireAfterUpdate(String key, Timed value, long currentTime, long currentDuration) {
                    return value.ttlNanos;
                }

                @Override
                public long expireAfterRead(String key, Timed value, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            }).maximumSize(100_000).build();

    /** A value and the lifetime it was given. */
    private record Timed(String value, long ttlNanos) {
    }
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
        return values.asMap().putIfAbsent("once:" + key, new Timed("", ttl.toNanos())) == null;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        values.put("value:" + key, new Timed(value, ttl.toNanos()));
    }

    @Override
    public java.util.Optional<String> get(String key, Duration ttl) {
        Timed timed = values.asMap().computeIfPresent("value:" + key, (k, v) -> new Timed(v.value, ttl.toNanos()));
        return java.util.Optional.ofNullable(timed).map(Timed::value);
    }

    @Override
    public void remove(String key) {
        values.invalidate("value:" + key);
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
