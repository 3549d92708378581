package io.github.openstackops.mcp.catalog;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.state.LocalState;
import io.github.openstackops.mcp.state.SharedState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Confirmation tokens for DESTRUCTIVE tools: an HMAC over the tool, its exact (normalised) arguments, the caller and an
 * expiry, so any replica sharing CONFIRMATION_SECRET accepts it. Single use is kept in the {@link SharedState}: in
 * this process, or across every replica when they share a store (MCP_STATE_STORE). When that store does not answer, a
 * token is refused (fail closed) with a sentence saying to retry.
 */
@Singleton
public class ConfirmationTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final byte[] key;
    private final SafetyPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SharedState used;

    /** What a token looks like (expiry seconds, nonce, signature), wherever it turns up: the audit masks it by shape. */
    public static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9_.-])[0-9]{9,12}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    public record Issued(String token, Instant expiresAt) {
    }

    public ConfirmationTokens(SafetyPolicy policy) {
        this(policy, new LocalState(), Clock.systemUTC());
    }

    @Inject
    public ConfirmationTokens(SafetyPolicy policy, SharedState used) {
        this(policy, used, Clock.systemUTC());
    }

    ConfirmationTokens(SafetyPolicy policy, Clock clock) {
        this(policy, new LocalState(), clock);
    }

    ConfirmationTokens(SafetyPolicy policy, SharedState used, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.used = used;
        if (policy.confirmationSecret() != null && !policy.confirmationSecret().isBlank()) {
            this.key = policy.confirmationSecret().getBytes(StandardCharsets.UTF_8);
            Secrets.register(policy.confirmationSecret());
        } else {
            this.key = new byte[32];
            random.nextBytes(this.key);
        }
    }

    public Issued issue(String tool, Object arguments, Caller caller) {
        Instant expires = clock.instant().plus(policy.confirmationTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String head = expires.getEpochSecond() + "." + B64.encodeToString(nonce);
        return new Issued(head + "." + sign(head, tool, arguments, caller), expires);
    }

    /** Accepts the token for exactly this call, once; otherwise says why not and what to do. */
    public void verify(String token, String tool, Object arguments, Caller caller) {
        String again = " Call " + tool + " again without 'confirm' to get a fresh preview and token.";
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            throw ToolException.refused("The confirmation token is malformed." + again);
        }
        String head = parts[0] + "." + parts[1];
        byte[] expected = sign(head, tool, arguments, caller).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw ToolException.refused("The confirmation token was issued for another tool, other arguments,"
                    + " another caller or another cloud." + again);
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw ToolException.refused("The confirmation token is malformed." + again);
        }
        if (clock.instant().getEpochSecond() > expiry) {
            throw ToolException.refused("The confirmation token has expired." + again);
        }
        boolean first;
        try {
            first = used.claimOnce("confirmation:" + head, policy.confirmationTtl().plusMinutes(1));
        } catch (SharedState.StateUnavailable e) {
            throw ToolException.refused("The confirmation could not be recorded as used: the shared state store did"
                    + " not answer. Nothing was done; try the same call with the same token again shortly.");
        }
        if (!first) {
            throw ToolException.refused("The confirmation token has already been used." + again);
        }
    }

    private String sign(String head, String tool, Object arguments, Caller caller) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            Map<String, Object> normalised = ToolJson.toMap(arguments);
            // a token previewed with one OpenStack identity is not valid for another (the preview showed what it sees),
            // nor in another cloud (several clouds: a preview on staging must not confirm the same call on prod)
            String cloud = ActingIdentity.cloud();
            String message = String.join("\n", head, tool, caller.identityKey()
                    + (cloud == null ? "" : "\ncloud:" + cloud), CANONICAL.writeValueAsString(normalised));
            return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot sign a confirmation token", e);
        }
    }
}
