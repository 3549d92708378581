package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.transport.McpServerFactory;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the authentication settings of the HTTP server when it starts, so that a misconfiguration stops the start with
 * a sentence instead of serving an endpoint that rejects (or, worse, accepts) everyone, and says in the log what is
 * accepted.
 */
@Context
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class AuthStartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AuthStartupCheck.class);

    public AuthStartupCheck(AuthSettings auth, JwtSettings jwt,
                            @Value("${micronaut.security.enabled:false}") boolean securityEnabled,
                            @Nullable JwtTokenValidator<?> jwtValidator,
                            @Nullable ProtectedResourceMetadata metadata) {
        boolean staticToken = auth.staticToken() != null && !auth.staticToken().isBlank();
        if ((jwt.issuer() != null || !jwt.audience().isEmpty()) && !jwt.configured()) {
            throw new ConfigurationException("MCP_JWT_ISSUER and MCP_JWT_AUDIENCE need a way to verify tokens: set"
                    + " MCP_JWT_SECRET (HS256) or MCP_JWT_JWKS_URL.");
        }
        if (jwt.jwksUrl() != null && jwt.audience().isEmpty()) {
            throw new ConfigurationException("MCP_JWT_JWKS_URL needs MCP_JWT_AUDIENCE: an identity provider signs tokens"
                    + " for every client it serves, so name the audience its tokens for this server carry (e.g."
                    + " openstack-ops-mcp); tokens issued for anything else are then refused.");
        }
        if (auth.enabled() && !staticToken && !jwt.configured()) {
            throw new ConfigurationException("REMOTE_AUTH_ENABLE=true but there is nothing to check tokens against: set"
                    + " REMOTE_SECRET_KEY (a shared secret, e.g. openssl rand -hex 32), or MCP_JWT_SECRET /"
                    + " MCP_JWT_JWKS_URL for JWTs.");
        }
        boolean required = auth.enabled() || jwt.configured();
        if (required && !securityEnabled) {
            throw new ConfigurationException("Authentication is configured but micronaut.security.enabled is false:"
                    + " the endpoints would be open. Configure the server through its environment variables.");
        }
        if (!required) {
            LOG.warn("HTTP authentication is OFF: anyone who can reach this port can use every tool the server offers."
                    + " Set REMOTE_AUTH_ENABLE=true with REMOTE_SECRET_KEY, or MCP_JWT_SECRET / MCP_JWT_JWKS_URL.");
            if (staticToken) {
                LOG.warn("REMOTE_SECRET_KEY is set but REMOTE_AUTH_ENABLE is not true: the secret is not required.");
            }
            return;
        }
        List<String> accepted = new ArrayList<>();
        if (staticToken) {
            accepted.add("the static bearer secret (REMOTE_SECRET_KEY)");
        }
        if (jwtValidator != null) {
            accepted.add("JWTs (" + (jwt.secret() != null ? "HS256" : "") + (jwt.secret() != null && jwt.jwksUrl() != null
                    ? ", " : "") + (jwt.jwksUrl() != null ? "keys from " + jwt.jwksUrl() : "")
                    + (jwt.issuer() != null ? "; issuer " + jwt.issuer() : "")
                    + (jwt.audience().isEmpty() ? "" : "; audience " + jwt.audience())
                    + "; write scopes " + jwt.writeScopes() + ")");
        }
        LOG.info("HTTP authentication: every endpoint but /health requires a bearer token; accepted: {}{}",
                String.join(" and ", accepted),
                metadata != null ? "; OAuth protected resource metadata at " + ProtectedResourceMetadata.PATH : "");
    }
}
