package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.auth.OriginRule;
import io.github.openstackops.mcp.transport.http.HttpTransportSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Browser access to the OpenAPI tool server and the REST contract (CORS_ALLOWED_ORIGINS): Origins allowed to call them
 * from a browser, such as an Open WebUI whose tool servers are called from the user's browser. {@code :*} as the port
 * allows any port, {@code *} any origin. Unset: loopback origins only.
 */
@ConfigurationProperties(CorsSettings.PREFIX)
public record CorsSettings(@Nullable List<String> allowedOrigins) {

    public static final String PREFIX = "mcp.cors";

    public CorsSettings {
        allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty()
                ? HttpTransportSettings.LOOPBACK_ORIGINS
                : allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.replaceAll("/+$", ""))
                        .toList();
    }

    /** Whether a browser at this Origin may call ({@link OriginRule}: exact, the same rule as /mcp). */
    public boolean allows(String origin) {
        return new OriginRule(allowedOrigins).allows(origin);
    }
}
