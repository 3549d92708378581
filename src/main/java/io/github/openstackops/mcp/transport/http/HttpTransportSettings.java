package io.github.openstackops.mcp.transport.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * The streamable HTTP transport at {@code /mcp}.
 *
 * @param allowedOrigins       browser Origins allowed to call (DNS-rebinding protection; ":*" = any port); requests
 *                             without an Origin header (non-browser clients) are allowed
 * @param alwaysSse            answer every request as text/event-stream (otherwise JSON unless notifications come first)
 * @param sessionIdleTimeout   sessions without traffic and open streams are dropped after this
 * @param keepAliveInterval    MCP ping on open GET streams
 * @param maxSessions          concurrent sessions; initialize answers 503 beyond it
 * @param maxSessionsPerCaller concurrent sessions of one caller; initialize answers 429 beyond it
 * @param maxQueuedMessages    messages buffered per stream for a slow client before the stream is closed
 */
@ConfigurationProperties(HttpTransportSettings.PREFIX)
public record HttpTransportSettings(
        @Nullable List<String> allowedOrigins,
        @Bindable(defaultValue = "false") boolean alwaysSse,
        @Bindable(defaultValue = "30m") Duration sessionIdleTimeout,
        @Bindable(defaultValue = "60s") Duration keepAliveInterval,
        @Bindable(defaultValue = "1000") int maxSessions,
        @Bindable(defaultValue = "50") int maxSessionsPerCaller,
        @Bindable(defaultValue = "1024") int maxQueuedMessages) {

    public static final String PREFIX = "mcp.http";
    /** The browser origins every HTTP surface allows when none are configured: loopback, any port. */
    public static final List<String> LOOPBACK_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*",
            "http://[::1]:*");

    public HttpTransportSettings {
        allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty()
                ? LOOPBACK_ORIGINS
                : allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
