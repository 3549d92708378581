package io.github.openstackops.mcp.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JWT bearer tokens, beside the static secret: whichever validator recognises a token authenticates the request.
 * Exists only when a signature source is configured (Micronaut's own JWT validation stays disabled, so an unsigned
 * token can never be accepted by it). Verification with a JWKS may fetch keys over the network, so it runs off the
 * event loop.
 */
@Singleton
@Requires(condition = JwtConfigured.class)
public class JwtTokenValidator<T> implements TokenValidator<T> {

    public static final String METHOD_JWT = "jwt";
    /** Authentication attribute holding the token's scopes. */
    public static final String SCOPES = "scopes";

    private static final Logger LOG = LoggerFactory.getLogger(JwtTokenValidator.class);

    private final JwtVerifier verifier;
    private final boolean remoteKeys;

    public JwtTokenValidator(JwtSettings settings) {
        this.verifier = new JwtVerifier(settings);
        this.remoteKeys = settings.jwksUrl() != null;
    }

    @Override
    public int getOrder() {
        return 10; // after the static secret, which is a cheap exact comparison
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable T request) {
        if (token == null || !looksLikeJwt(token)) {
            return Mono.empty();
        }
        Mono<Authentication> verified = Mono.fromCallable(() -> authenticate(token));
        return remoteKeys ? verified.subscribeOn(Schedulers.boundedElastic()) : verified;
    }

    @Nullable
    private Authentication authenticate(String token) {
        try {
            JWTClaimsSet claims = verifier.verify(token);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put(StaticTokenValidator.METHOD, METHOD_JWT);
            attributes.put(SCOPES, List.copyOf(JwtVerifier.scopes(claims)));
            if (claims.getIssuer() != null) {
                attributes.put("iss", claims.getIssuer());
            }
            return Authentication.build(claims.getSubject(), List.of(), attributes);
        } catch (JwtVerifier.RejectedToken e) {
            LOG.debug("JWT rejected: {}", e.getMessage());
            return null; // Mono.fromCallable turns null into empty: not authenticated
        }
    }

    private static boolean looksLikeJwt(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                dots++;
            }
        }
        return dots == 2 || dots == 4;
    }
}
