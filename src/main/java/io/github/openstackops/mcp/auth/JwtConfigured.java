package io.github.openstackops.mcp.auth;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True when a JWT signature source (MCP_JWT_SECRET or MCP_JWT_JWKS_URL) is configured. */
public final class JwtConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        return context.getProperty(JwtSettings.PREFIX + ".secret", String.class).filter(s -> !s.isEmpty()).isPresent()
                || context.getProperty(JwtSettings.PREFIX + ".jwks-url", String.class).filter(s -> !s.isBlank()).isPresent();
    }
}
