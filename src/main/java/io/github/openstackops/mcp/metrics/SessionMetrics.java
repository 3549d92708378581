package io.github.openstackops.mcp.metrics;

import io.github.openstackops.mcp.transport.http.StreamableHttpTransport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/** {@code mcp_sessions_open}: the MCP sessions the streamable HTTP transport holds now. */
@Context
@Requires(bean = MeterRegistry.class)
@Requires(bean = StreamableHttpTransport.class)
public class SessionMetrics {

    public SessionMetrics(MeterRegistry registry, StreamableHttpTransport transport) {
        Gauge.builder("mcp.sessions.open", transport, StreamableHttpTransport::openSessions)
                .description("Open MCP sessions on the streamable HTTP transport")
                .register(registry);
    }
}
