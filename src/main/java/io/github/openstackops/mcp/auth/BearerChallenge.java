package io.github.openstackops.mcp.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * {@code WWW-Authenticate} on every 401 (RFC 6750), which MCP clients look for: {@code Bearer realm="openstack-ops-mcp"},
 * plus {@code error="invalid_token"} when a token was presented and refused, plus {@code resource_metadata="..."}
 * (RFC 9728) pointing at the OAuth protected resource metadata when an issuer is configured.
 */
@Singleton
public class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    @Nullable
    private final ProtectedResourceMetadata metadata;

    public BearerChallenge(@Nullable ProtectedResourceMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"openstack-ops-mcp\"");
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            challenge.append(", error=\"invalid_token\"");
        }
        if (metadata != null) {
            challenge.append(", resource_metadata=\"").append(metadata.url(request)).append('"');
        }
        return challenge.toString();
    }
}
