package io.github.openstackops.mcp.auth;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.Jwts;
import io.github.openstackops.mcp.support.McpClients;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.support.Jwts.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bearer authentication of every HTTP surface, attack by attack, against an in-process server: only a token that is
 * the static secret or a JWT with a valid signature, issuer, audience, subject and lifetime gets in.
 */
class JwtAuthenticationTest {

    static final String STATIC = "static-bearer-secret-for-unit-tests-77";
    /** One endpoint of each surface (none of them needs the cloud). */
    static final List<String> PROTECTED = List.of("/openapi/openapi.json", "/tools", "/mcp");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private String start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("MCP_TRANSPORT", "streamable-http");
        EmbeddedServer server = HttpSurfaces.start(null, all);
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    private String hs256Server() {
        return start(Map.of("REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", STATIC, "MCP_JWT_SECRET", Jwts.SECRET,
                "MCP_JWT_ISSUER", Jwts.ISSUER, "MCP_JWT_AUDIENCE", Jwts.AUDIENCE));
    }

    private static Response get(String base, String path, String bearer) {
        return HttpSurfaces.send(HttpSurfaces.request(base + path, bearer)
                .header("Accept", "application/json, text/event-stream").GET());
    }

    /** Every surface refuses this token with 401 and a Bearer challenge. */
    private static void refusedEverywhere(String base, String token) {
        for (String path : PROTECTED) {
            Response r = get(base, path, token);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).as(path).startsWith("Bearer realm=\"openstack-ops-mcp\"");
            assertThat(r.body()).as(path).doesNotContain("server_list");
        }
    }

    private static void acceptedEverywhere(String base, String token) {
        assertThat(get(base, "/openapi/openapi.json", token).status()).isEqualTo(200);
        assertThat(get(base, "/tools", token).status()).isEqualTo(200);
        McpSyncClient client = McpClients.http(base, token);
        try {
            assertThat(client.listTools().tools()).isNotEmpty();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void a_valid_hs256_token_and_the_static_secret_open_every_surface() {
        String base = hs256Server();

        acceptedEverywhere(base, Jwts.hs256(claims("alice", null).build()));
        acceptedEverywhere(base, STATIC);
        assertThat(get(base, "/health", null).status()).isEqualTo(200);
    }

    @Test
    void a_missing_token_is_refused_with_a_challenge_but_health_stays_open() {
        String base = hs256Server();

        refusedEverywhere(base, null);
        assertThat(get(base, "/openapi/openapi.json", null).header("WWW-Authenticate")).doesNotContain("invalid_token");
        assertThat(get(base, "/health", null).status()).isEqualTo(200);
    }

    @Test
    void a_wrong_secret_or_garbage_is_refused_as_an_invalid_token() {
        String base = hs256Server();

        refusedEverywhere(base, STATIC + "x");
        refusedEverywhere(base, "not.a.jwt");
        assertThat(get(base, "/tools", "garbage").header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void an_expired_token_is_refused() {
        String base = hs256Server();
        Instant past = Instant.now().minus(Duration.ofHours(1));

        refusedEverywhere(base, Jwts.hs256(claims("alice", null).issueTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past)).build()));
    }

    @Test
    void a_token_without_an_expiry_is_refused() {
        String base = hs256Server();

        refusedEverywhere(base, Jwts.hs256(claims("alice", null).expirationTime(null).build()));
    }

    @Test
    void a_token_that_is_not_yet_valid_is_refused() {
        String base = hs256Server();

        refusedEverywhere(base, Jwts.hs256(claims("alice", null)
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build()));
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        String base = hs256Server();

        refusedEverywhere(base, Jwts.hs256(claims("alice", null).build(), "another-secret-of-at-least-32-bytes!!!!"));
    }

    @Test
    void a_token_whose_claims_were_changed_after_signing_is_refused() {
        String base = hs256Server();
        String[] signed = Jwts.hs256(claims("alice", null).build()).split("\\.");
        String[] forged = Jwts.unsigned(claims("root", "openstack:write").build()).split("\\.");

        refusedEverywhere(base, signed[0] + "." + forged[1] + "." + signed[2]);
    }

    @Test
    void an_unsigned_alg_none_token_is_refused() {
        String base = hs256Server();

        refusedEverywhere(base, Jwts.unsigned(claims("alice", "openstack:write").build()));
        refusedEverywhere(base, Jwts.unsigned(claims("alice", "openstack:write").build()) + "c2ln");
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        String base = hs256Server();

        refusedEverywhere(base, Jwts.hs256(claims("alice", null).issuer("https://evil.example.com").build()));
        refusedEverywhere(base, Jwts.hs256(claims("alice", null).issuer(null).build()));
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String base = hs256Server();

        refusedEverywhere(base, Jwts.hs256(claims("alice", null).audience("some-other-api").build()));
        refusedEverywhere(base, Jwts.hs256(claims("alice", null).audience((String) null).build()));
    }

    @Test
    void a_token_without_a_subject_or_posing_as_another_kind_of_caller_is_refused() {
        String base = hs256Server();

        refusedEverywhere(base, Jwts.hs256(claims(null, null).build()));
        refusedEverywhere(base, Jwts.hs256(claims("static-token", "openstack:write").build()));
        refusedEverywhere(base, Jwts.hs256(claims("stdio", "openstack:write").build()));
    }

    @Test
    void a_token_in_the_query_string_is_ignored() {
        String base = hs256Server();
        String jwt = URLEncoder.encode(Jwts.hs256(claims("alice", null).build()), StandardCharsets.UTF_8);

        for (String query : List.of("?access_token=" + jwt, "?token=" + jwt, "?access_token=" + STATIC,
                "?authorization=Bearer%20" + STATIC)) {
            for (String path : PROTECTED) {
                assertThat(get(base, path + query, null).status()).as(path + query).isEqualTo(401);
            }
        }
    }

    @Test
    void rs256_and_es256_tokens_are_verified_against_the_jwks_and_foreign_keys_are_refused() {
        RSAKey rsa = Jwts.rsaKey("rsa-1");
        ECKey ec = Jwts.ecKey("ec-1");
        Jwts.JwksServer jwks = new Jwts.JwksServer(List.of(rsa, ec));
        closing.add(jwks);
        String base = start(Map.of("MCP_JWT_JWKS_URL", jwks.url(), "MCP_JWT_ISSUER", Jwts.ISSUER,
                "MCP_JWT_AUDIENCE", Jwts.AUDIENCE));
        JWTClaimsSet alice = claims("alice", null).build();

        acceptedEverywhere(base, Jwts.rs256(alice, rsa));
        acceptedEverywhere(base, Jwts.es256(alice, ec));
        refusedEverywhere(base, Jwts.rs256(alice, Jwts.rsaKey("rsa-1"))); // same key id, another key
        refusedEverywhere(base, Jwts.rs256(alice, Jwts.rsaKey("rsa-unknown")));
        refusedEverywhere(base, Jwts.es256(alice, Jwts.ecKey("ec-1")));
        // algorithm confusion: an HMAC "signed" with the public RSA key must not pass as RS256
        refusedEverywhere(base, Jwts.hs256(alice, new String(rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)));
        refusedEverywhere(base, Jwts.rs256(claims("alice", null).expirationTime(Date.from(Instant.now()
                .minus(Duration.ofHours(1)))).build(), rsa));
        refusedEverywhere(base, Jwts.unsigned(alice));
    }

    @Test
    void an_unsigned_token_is_refused_in_every_configuration() {
        RSAKey rsa = Jwts.rsaKey("rsa-1");
        Jwts.JwksServer jwks = new Jwts.JwksServer(List.of(rsa));
        closing.add(jwks);
        String none = Jwts.unsigned(claims("alice", "openstack:write").build());
        String noneWithoutClaimsChecks = Jwts.unsigned(new JWTClaimsSet.Builder().subject("alice")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("scope", "openstack:write").build());
        List<Map<String, String>> configurations = List.of(
                Map.of("REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", STATIC),
                Map.of("MCP_JWT_SECRET", Jwts.SECRET),
                Map.of("MCP_JWT_JWKS_URL", jwks.url(), "MCP_JWT_AUDIENCE", Jwts.AUDIENCE),
                Map.of("REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", STATIC, "MCP_JWT_SECRET", Jwts.SECRET,
                        "MCP_JWT_JWKS_URL", jwks.url(), "MCP_JWT_ISSUER", Jwts.ISSUER, "MCP_JWT_AUDIENCE", Jwts.AUDIENCE));

        for (Map<String, String> configuration : configurations) {
            String base = start(configuration);
            refusedEverywhere(base, none);
            refusedEverywhere(base, noneWithoutClaimsChecks);
        }
    }

    @Test
    void a_jwt_source_alone_turns_authentication_on() {
        String base = start(Map.of("MCP_JWT_SECRET", Jwts.SECRET, "REMOTE_AUTH_ENABLE", "false"));

        refusedEverywhere(base, null);
        refusedEverywhere(base, STATIC);
        acceptedEverywhere(base, Jwts.hs256(claims("alice", null).build()));
    }

    @Test
    void micronauts_own_jwt_validation_stays_off_so_it_cannot_accept_unsigned_tokens() {
        EmbeddedServer server = HttpSurfaces.start(null, Map.of("MCP_TRANSPORT", "streamable-http",
                "MCP_JWT_SECRET", Jwts.SECRET));
        closing.add(server.getApplicationContext());

        assertThat(server.getApplicationContext().getProperty("micronaut.security.token.jwt.enabled", Boolean.class))
                .contains(false);
        assertThat(server.getApplicationContext().getBeansOfType(
                io.micronaut.security.token.validator.TokenValidator.class))
                .extracting(v -> v.getClass().getPackageName())
                .allMatch(p -> p.startsWith("io.github.openstackops"));
    }

    @Test
    void misconfigurations_stop_the_start_with_a_sentence() {
        assertThatThrownBy(() -> start(Map.of("REMOTE_AUTH_ENABLE", "true")))
                .rootCause().isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("REMOTE_SECRET_KEY").hasMessageContaining("MCP_JWT_SECRET");
        assertThatThrownBy(() -> start(Map.of("MCP_JWT_SECRET", "too-short")))
                .rootCause().hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> start(Map.of("MCP_JWT_ISSUER", Jwts.ISSUER)))
                .rootCause().hasMessageContaining("MCP_JWT_JWKS_URL");
        assertThatThrownBy(() -> start(Map.of("MCP_JWT_JWKS_URL", "file:///etc/passwd")))
                .rootCause().hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> start(Map.of("MCP_JWT_JWKS_URL", "https://idp.example.com/certs")))
                .rootCause().isInstanceOf(ConfigurationException.class).hasMessageContaining("MCP_JWT_AUDIENCE");
    }
}
