package io.github.openstackops.mcp.metrics;

import io.github.openstackops.mcp.catalog.SafetyClass;
import io.github.openstackops.mcp.catalog.ToolCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * Every tool call on every surface, as the invoker reports it: how many, how they ended and how long they took
 * ({@code mcp_tool_calls_seconds{tool,surface,outcome}}, a histogram), and the safety events on their own: gate
 * refusals, rate-limit rejections, and the steps of the two-step confirmation of DESTRUCTIVE tools. Labels are the
 * catalog's tool names, the surfaces and the outcomes: bounded sets; arguments and callers are never labels.
 */
@Singleton
@Requires(bean = MeterRegistry.class)
public class ToolCallMetrics implements ToolCallObserver {

    /** Latency buckets from a cached read to a long server build. */
    static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(300), Duration.ofSeconds(600)};

    private final MeterRegistry registry;

    public ToolCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onCall(Event event) {
        String tool = event.tool().name();
        String surface = event.surface().name().toLowerCase(Locale.ROOT);
        Timer.builder("mcp.tool.calls")
                .description("Tool calls by tool, surface and outcome, and how long they took")
                .tag("tool", tool).tag("surface", surface)
                .tag("outcome", event.outcome().name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(event.duration());
        switch (event.outcome()) {
            case REFUSED_BY_GATE -> Counter.builder("mcp.gate.refusals")
                    .description("Calls the gate refused (tool disabled, read-only server, caller may not modify)")
                    .tag("tool", tool).tag("surface", surface).register(registry).increment();
            case RATE_LIMITED -> Counter.builder("mcp.rate.limited")
                    .description("Calls refused by the per-caller rate limit")
                    .tag("tool", tool).tag("surface", surface).register(registry).increment();
            case PREVIEWED -> confirmation(tool, "preview");
            case CANCELLED -> confirmation(tool, "cancelled");
            case EXECUTED -> {
                if (event.tool().safety() == SafetyClass.DESTRUCTIVE) {
                    confirmation(tool, "executed");
                }
            }
            default -> {
            }
        }
    }

    private void confirmation(String tool, String step) {
        Counter.builder("mcp.confirmations")
                .description("Two-step confirmations of DESTRUCTIVE tools: previews issued, executions, cancellations")
                .tag("tool", tool).tag("step", step).register(registry).increment();
    }
}
