package io.github.openstackops.mcp.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.openstackops.mcp.catalog.Secrets;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a JWT with nimbus-jose-jwt: the signature (HS256 with the configured secret; RS/PS/ES algorithms against
 * the JWKS), then {@code exp} and {@code nbf} (with the configured clock skew), {@code iss} and {@code aud} when
 * configured, and a {@code sub}. Unsigned ({@code alg: none}) and encrypted tokens are always rejected: there is no
 * code path that accepts them, whatever is configured.
 */
public final class JwtVerifier {

    /** Asymmetric algorithms accepted from the JWKS. */
    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /** Subjects that name the other kinds of caller; a token claiming one is refused. */
    static final Set<String> RESERVED_SUBJECTS = Set.of("stdio", "static-token", "anonymous");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtVerifier(JwtSettings settings) {
        if (!settings.configured()) {
            throw new ConfigurationException("JWT validation needs MCP_JWT_SECRET or MCP_JWT_JWKS_URL");
        }
        JWSKeySelector<SecurityContext> secretKeys = null;
        if (settings.secret() != null) {
            byte[] key = settings.secret().getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new ConfigurationException("MCP_JWT_SECRET must be at least 32 bytes (256 bits) long for HS256;"
                        + " generate one with: openssl rand -hex 32");
            }
            Secrets.register(settings.secret());
            secretKeys = new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(key));
        }
        JWSKeySelector<SecurityContext> jwksKeys = null;
        if (settings.jwksUrl() != null) {
            jwksKeys = new JWSVerificationKeySelector<>(ASYMMETRIC, jwks(settings));
        }
        JWSKeySelector<SecurityContext> hmac = secretKeys;
        JWSKeySelector<SecurityContext> asymmetric = jwksKeys;
        processor.setJWSKeySelector((header, context) -> {
            if (JWSAlgorithm.HS256.equals(header.getAlgorithm()) && hmac != null) {
                return hmac.selectJWSKeys(header, context);
            }
            if (ASYMMETRIC.contains(header.getAlgorithm()) && asymmetric != null) {
                return asymmetric.selectJWSKeys(header, context);
            }
            return List.<Key>of(); // nimbus then rejects: "another algorithm expected, or no matching key(s) found"
        });
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        Set<String> required = new HashSet<>(Set.of("sub", "exp"));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (settings.issuer() != null) {
            exact.issuer(settings.issuer());
            required.add("iss");
        }
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                settings.audience().isEmpty() ? null : new HashSet<>(settings.audience()), exact.build(), required, null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    private static JWKSource<SecurityContext> jwks(JwtSettings settings) {
        URL url;
        try {
            URI uri = URI.create(settings.jwksUrl());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            url = uri.toURL();
        } catch (Exception e) {
            throw new ConfigurationException("MCP_JWT_JWKS_URL=" + settings.jwksUrl() + " is not an http(s) URL");
        }
        long ttl = settings.jwksCacheTtl().toMillis();
        return JWKSourceBuilder.<SecurityContext>create(url, new DefaultResourceRetriever(3000, 3000, 512 * 1024))
                .cache(ttl, 15_000)
                .rateLimited(10_000)
                .build();
    }

    /** The claims of a valid token. */
    public JWTClaimsSet verify(String token) throws RejectedToken {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJOSEException e) {
            throw new RejectedToken(e.getMessage());
        } catch (java.text.ParseException e) {
            throw new RejectedToken("not a JWT");
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new RejectedToken("cannot verify: " + e.getMessage());
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new RejectedToken("no subject");
        }
        if (RESERVED_SUBJECTS.contains(subject)) {
            throw new RejectedToken("reserved subject '" + subject + "'");
        }
        return claims;
    }

    /** The scopes a token grants: claim {@code scope} (space-separated) and claim {@code scp} (array or string). */
    public static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> scopes = new java.util.LinkedHashSet<>();
        addScopes(scopes, claims.getClaim("scope"));
        addScopes(scopes, claims.getClaim("scp"));
        return scopes;
    }

    private static void addScopes(Set<String> into, @Nullable Object claim) {
        if (claim instanceof String text) {
            for (String s : text.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    into.add(s);
                }
            }
        } else if (claim instanceof java.util.Collection<?> list) {
            list.forEach(item -> addScopes(into, item));
        }
    }

    /** A token that is not accepted, and why (for the debug log; never sent to the client). */
    public static final class RejectedToken extends Exception {
        public RejectedToken(String reason) {
            super(reason, null, false, false);
        }
    }
}
