package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ToolCallAdmission;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.state.SharedState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * At most N tool calls per minute per caller (MCP_RATE_LIMIT_PER_MINUTE), across every HTTP surface: a token bucket
 * per principal holding N calls and refilled evenly over a minute, so a burst of N is allowed and then one call every
 * 60/N seconds. Over the limit a call is refused before any work with the time to wait (HTTP 429 with Retry-After,
 * an isError result over MCP). The local stdio operator is not limited. Buckets live in the {@link SharedState}: in
 * this process, or in the store replicas share (MCP_STATE_STORE), keyed by a hash of the caller, so the limit holds
 * across replicas. When that store does not answer, calls are let through (fail open) and that is logged: a rate limit
 * protects capacity; the gate and the confirmations, which protect the cloud, do not depend on it.
 */
@Singleton
@Requires(property = CallRateLimiter.PROPERTY)
public class CallRateLimiter implements ToolCallAdmission {

    public static final String PROPERTY = "mcp.rate-limit.per-minute";
    private static final Logger LOG = LoggerFactory.getLogger(CallRateLimiter.class);

    private final int perMinute;
    private final SharedState buckets;

    @Inject
    public CallRateLimiter(@Value("${" + PROPERTY + "}") int perMinute, SharedState buckets) {
        this.perMinute = perMinute;
        this.buckets = buckets;
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
        long waitMillis;
        try {
            waitMillis = buckets.take("calls:" + SharedState.hash(caller.method() + ":" + caller.principal()), perMinute);
        } catch (SharedState.StateUnavailable e) {
            LOG.warn("rate limit not applied: {}", e.getMessage());
            return Optional.empty();
        }
        if (waitMillis <= 0) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (waitMillis + 999L) / 1000L);
        return Optional.of(new Refusal("Too many " + what + ": this server allows " + perMinute + " per minute per"
                + " caller. Try again in " + seconds + " s.", Duration.ofSeconds(seconds)));
    }
}
