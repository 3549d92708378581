package io.github.openstackops.mcp.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/** {@code WWW-Authenticate: Bearer realm="openstack-ops-mcp"} on every 401, which MCP clients look for. */
@Singleton
public class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {
    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        return "Bearer realm=\"openstack-ops-mcp\"";
    }
}
