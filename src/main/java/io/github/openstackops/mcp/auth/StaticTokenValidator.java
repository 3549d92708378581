package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.catalog.Secrets;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * The shared bearer secret (REMOTE_SECRET_KEY), compared in constant time. Runs beside the JWT validator when that is
 * configured: whichever recognises a token authenticates the request.
 */
@Singleton
@Requires(property = AuthSettings.PREFIX + ".static-token")
public class StaticTokenValidator<T> implements TokenValidator<T> {

    /** Authentication attribute telling how a caller was authenticated. */
    public static final String METHOD = "auth_method";

    private final byte[] expected;

    public StaticTokenValidator(AuthSettings settings) {
        String token = settings.staticToken();
        this.expected = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        Secrets.register(token);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable T request) {
        if (expected != null && token != null
                && MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
            return Mono.just(Authentication.build("static-token", List.of(), Map.of(METHOD, "static-token")));
        }
        return Mono.empty();
    }
}
