package io.github.openstackops.mcp.metrics;

import io.github.openstackops.mcp.cloud.CloudTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Service;
import org.openstack4j.model.identity.v3.Token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    /** Endpoint URLs of the last catalog, longest first, with their service type. */
    private volatile List<Map.Entry<String, String>> endpoints = List.of();

    public CloudMetrics(MeterRegistry registry) {
        this.registry = registry;
        CloudTelemetry.listen(this);
    }

    @PreDestroy
    void close() {
        CloudTelemetry.stopListening(this);
    }

    @Override
    public void request(String url, String method, int status, Duration duration) {
        Timer.builder("openstack.requests")
                .description("HTTP requests to the cloud by service type, method and status, and their latency")
                .tag("service", service(url)).tag("method", method)
                .tag("status", status == 0 ? "none" : Integer.toString(status))
                .serviceLevelObjectives(ToolCallMetrics.BUCKETS)
                .register(registry)
                .record(duration);
    }

    @Override
    public void authentication(Token token, Duration duration) {
        if (token != null && token.getCatalog() != null) {
            learn(token.getCatalog());
        }
        Timer.builder("openstack.authentications")
                .description("Keystone authentications by result, and how long they took")
                .tag("result", token != null ? "success" : "failure")
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

    String service(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> endpoint : endpoints) {
            String base = endpoint.getKey();
            if (lower.startsWith(base) && (lower.length() == base.length() || "/?".indexOf(lower.charAt(base.length())) >= 0)) {
                return endpoint.getValue();
            }
        }
        return lower.contains("/auth/tokens") ? "identity" : "other";
    }

    private void learn(List<? extends Service> catalog) {
        List<Map.Entry<String, String>> learned = new ArrayList<>();
        for (Service service : catalog) {
            if (service.getEndpoints() == null || service.getType() == null) {
                continue;
            }
            for (Endpoint endpoint : service.getEndpoints()) {
                if (endpoint.getUrl() != null) {
                    String base = endpoint.getUrl().toString().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
                    learned.add(Map.entry(base, service.getType().toLowerCase(Locale.ROOT)));
                }
            }
        }
        learned.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        endpoints = List.copyOf(learned);
    }
}
