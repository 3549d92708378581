package io.github.openstackops.mcp.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Authentication of the HTTP surfaces. Environment: REMOTE_AUTH_ENABLE, REMOTE_SECRET_KEY (the reference server's
 * names). stdio needs none: whoever holds the pipe is the operator.
 *
 * @param enabled     every HTTP endpoint but /health requires a bearer token
 * @param staticToken the shared secret accepted as a bearer token (compared in constant time)
 */
@ConfigurationProperties(AuthSettings.PREFIX)
public record AuthSettings(
        @Bindable(defaultValue = "false") boolean enabled,
        @Nullable String staticToken) {

    public static final String PREFIX = "mcp.auth";

    @Override
    public String toString() {
        return "AuthSettings[enabled=" + enabled + ", staticToken=" + (staticToken == null ? "unset" : "***") + "]";
    }
}
