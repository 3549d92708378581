package io.github.openstackops.mcp.metrics;

import io.github.openstackops.mcp.cloud.CloudTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;

import java.time.Duration;

/**
 * The cloud as the server sees it: every request to OpenStack by service type (from the token's catalog: compute,
 * network, identity...; "other" for a URL no catalog entry covers), method and HTTP status ("none" when no answer
 * came), with its latency ({@code openstack_requests_seconds}); Keystone authentications by result and their latency;
 * token lookups served from the cache or needing an authentication.
 */
@Context
@Requires(bean = MeterRegistry.class)
public class CloudMetrics implements CloudTelemetry.Listener {

    private final MeterRegistry registry;

    public CloudMetrics(MeterRegistry registry) {
        this.registry = registry;
        CloudTelemetry.listen(this);
    }

    @PreDestroy
    void close() {
        CloudTelemetry.stopListening(this);
    }

    @Override
    public void request(String service, String method, int status, Duration duration) {
        Timer.builder("openstack.requests")
                .description("HTTP requests to the cloud by service type, method and status, and their latency")
                .tag("service", service).tag("method", method)
                .tag("status", status == 0 ? "none" : Integer.toString(status))
                .serviceLevelObjectives(ToolCallMetrics.BUCKETS)
                .register(registry)
                .record(duration);
    }

    @Override
    public void authentication(boolean succeeded, Duration duration) {
        Timer.builder("openstack.authentications")
                .description("Keystone authentications by result, and how long they took")
                .tag("result", succeeded ? "success" : "failure")
                .register(registry)
                .record(duration);
    }

    @Override
    public void tokenLookup(boolean cached) {
        Counter.builder("openstack.token.lookups")
                .description("Token lookups of tool calls: served from the cache (hit) or by authenticating (miss)")
                .tag("result", cached ? "hit" : "miss")
                .register(registry)
                .increment();
    }
}
