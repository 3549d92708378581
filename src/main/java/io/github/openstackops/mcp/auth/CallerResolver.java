package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.catalog.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/**
 * Turns the authentication of an HTTP request into the {@link Caller} the catalog and the gate understand. The static
 * secret is the operator's own key (may modify, when the server allows it); a JWT caller may modify only when its token
 * carries one of the write scopes (MCP_WRITE_SCOPES). When the caller presented a Keystone application credential
 * that Keystone accepted ({@link CallerIdentityFilter}), the caller carries it and its calls act with it.
 */
@Singleton
public class CallerResolver {

    private final List<String> writeScopes;

    public CallerResolver(JwtSettings jwt) {
        this.writeScopes = jwt.writeScopes();
    }

    /**
     * The caller of an HTTP request, from the authentication the security filter attached to it (none while
     * authentication is off). Read from the request rather than bound as a controller argument: Micronaut cannot bind
     * {@link Authentication} while security is disabled (500).
     */
    public Caller resolve(HttpRequest<?> request) {
        Caller caller = resolve(request.getUserPrincipal(Authentication.class).orElse(null));
        // the OpenStack identity the caller presented, once Keystone accepted it (OS_IDENTITY_MODE=caller|both)
        return CallerIdentityFilter.of(request).map(caller::withCredential).orElse(caller);
    }

    public Caller resolve(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Caller.ANONYMOUS;
        }
        Object method = authentication.getAttributes().get(StaticTokenValidator.METHOD);
        if ("static-token".equals(method)) {
            return Caller.STATIC_TOKEN;
        }
        boolean mayModify = JwtTokenValidator.METHOD_JWT.equals(method)
                && authentication.getAttributes().get(JwtTokenValidator.SCOPES) instanceof Collection<?> scopes
                && scopes.stream().anyMatch(writeScopes::contains);
        // any other validator must be explicit about write access; by default a caller may only read
        return new Caller(authentication.getName(), Caller.AuthMethod.JWT, mayModify);
    }
}
