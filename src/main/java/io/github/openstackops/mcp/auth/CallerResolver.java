package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.catalog.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** Turns the authentication of an HTTP request into the {@link Caller} the catalog and the gate understand. */
@Singleton
public class CallerResolver {

    public Caller resolve(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Caller.ANONYMOUS;
        }
        if ("static-token".equals(authentication.getAttributes().get(StaticTokenValidator.METHOD))) {
            return Caller.STATIC_TOKEN;
        }
        // any other validator must be explicit about write access; by default a caller may only read
        return new Caller(authentication.getName(), Caller.AuthMethod.JWT, false);
    }
}
