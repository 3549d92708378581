package io.github.openstackops.mcp.metrics;

import io.github.openstackops.mcp.transport.McpServerFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code GET /metrics}: the Prometheus text exposition, on the server's own port and behind the same bearer
 * authentication as the other endpoints (give Prometheus the token: {@code authorization: {credentials: ...}}).
 */
@Controller("/metrics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
@Requires(bean = PrometheusMeterRegistry.class)
public class MetricsController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = CONTENT_TYPE)
    public String scrape() {
        return registry.scrape();
    }
}
