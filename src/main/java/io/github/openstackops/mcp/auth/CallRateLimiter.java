package io.github.openstackops.mcp.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ToolCallAdmission;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * At most N tool calls per minute per caller (MCP_RATE_LIMIT_PER_MINUTE), across every HTTP surface: a token bucket
 * per principal holding N calls and refilled evenly over a minute, so a burst of N is allowed and then one call every
 * 60/N seconds. Over the limit a call is refused before any work with the time to wait (HTTP 429 with Retry-After,
 * an isError result over MCP). The local stdio operator is not limited. Buckets live in this process: behind a load
 * balancer each replica counts on its own.
 */
@Singleton
@Requires(property = CallRateLimiter.PROPERTY)
public class CallRateLimiter implements ToolCallAdmission {

    public static final String PROPERTY = "mcp.rate-limit.per-minute";
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final LongSupplier clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5)).maximumSize(100_000).build();

    @Inject
    public CallRateLimiter(@Value("${" + PROPERTY + "}") int perMinute) {
        this(perMinute, System::nanoTime);
    }

    CallRateLimiter(int perMinute, LongSupplier clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public Optional<Refusal> admit(ToolDefinition<?, ?> tool, ToolContext context) {
        return admit(context.caller(), "tool calls");
    }

    /**
     * Takes one call from the caller's bucket for something other than a tool call (opening an MCP session counts
     * too, so nobody can open sessions as fast as they like).
     *
     * @param what what is being counted, for the message ("tool calls", "requests")
     */
    public Optional<Refusal> admit(Caller caller, String what) {
        if (perMinute <= 0 || caller.method() == Caller.AuthMethod.LOCAL) {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(caller.method() + ":" + caller.principal(), k -> new Bucket(perMinute, clock.getAsLong()));
        long waitNanos = bucket.take(clock.getAsLong());
        if (waitNanos <= 0) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new Refusal("Too many " + what + ": this server allows " + perMinute + " per minute per"
                + " caller. Try again in " + seconds + " s.", Duration.ofSeconds(seconds)));
    }

    /** A token bucket: capacity N, refilled at N per minute. */
    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes one token; 0 when taken, else the nanoseconds until one is available. */
        synchronized long take(long now) {
            double perNano = (double) perMinute / MINUTE;
            tokens = Math.min(perMinute, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
