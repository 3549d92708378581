package io.github.openstackops.mcp.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * JWT bearer tokens. Validation is OFF unless a signature source is configured: an HMAC secret (HS256) or a JWKS URL
 * (RS256/ES256 and their siblings). Environment: MCP_JWT_SECRET, MCP_JWT_JWKS_URL, MCP_JWT_ISSUER, MCP_JWT_AUDIENCE,
 * MCP_WRITE_SCOPES. Configuring either source turns HTTP authentication on.
 *
 * @param secret       HS256 key (at least 32 bytes)
 * @param jwksUrl      where the identity provider publishes its public keys
 * @param issuer       the {@code iss} every token must carry (also announced as the authorization server in the OAuth
 *                     protected resource metadata)
 * @param audience     accepted {@code aud} values; a token must name one of them
 * @param writeScopes  scopes (claim {@code scope}, space-separated, or {@code scp}) that allow WRITE and DESTRUCTIVE
 *                     tools; without one a JWT caller sees and calls read tools only
 * @param clockSkew    tolerance for {@code exp} and {@code nbf}
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again (an unknown key id refetches sooner)
 */
@ConfigurationProperties(JwtSettings.PREFIX)
public record JwtSettings(
        @Nullable String secret,
        @Nullable String jwksUrl,
        @Nullable String issuer,
        @Nullable List<String> audience,
        @Nullable List<String> writeScopes,
        @Bindable(defaultValue = "60s") Duration clockSkew,
        @Bindable(defaultValue = "5m") Duration jwksCacheTtl) {

    public static final String PREFIX = "mcp.auth.jwt";
    public static final String DEFAULT_WRITE_SCOPE = "openstack:write";

    public JwtSettings {
        secret = secret == null || secret.isEmpty() ? null : secret;
        jwksUrl = blankToNull(jwksUrl);
        issuer = blankToNull(issuer);
        audience = clean(audience);
        writeScopes = clean(writeScopes);
        if (writeScopes.isEmpty()) {
            writeScopes = List.of(DEFAULT_WRITE_SCOPE);
        }
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
    }

    /** JWTs are accepted at all: a secret or a JWKS URL is configured. */
    public boolean configured() {
        return secret != null || jwksUrl != null;
    }

    /** Whether the properties (as a launcher builds them) configure JWT validation. */
    public static boolean configuredIn(java.util.Map<String, Object> properties) {
        return present(properties.get(PREFIX + ".secret")) || present(properties.get(PREFIX + ".jwks-url"));
    }

    private static boolean present(Object value) {
        return value != null && !String.valueOf(value).isBlank();
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> clean(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=" + (secret == null ? "unset" : "***") + ", jwksUrl=" + jwksUrl + ", issuer=" + issuer
                + ", audience=" + audience + ", writeScopes=" + writeScopes + "]";
    }
}
