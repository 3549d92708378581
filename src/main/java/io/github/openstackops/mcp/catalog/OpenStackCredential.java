package io.github.openstackops.mcp.catalog;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Keystone application credential an HTTP caller presented ({@code OS_IDENTITY_MODE=caller|both}): the call runs
 * with a token of this credential, so the cloud's own policy decides what it may do. The secret is kept only to
 * authenticate with Keystone; it is never printed ({@link #toString} names the id only), and caches are keyed by
 * {@link #key()}, a SHA-256 of id and secret, never by the secret itself.
 */
public final class OpenStackCredential {

    private final String id;
    private final String secret;
    private final String key;
    @Nullable
    private final Boolean admin;

    private OpenStackCredential(String id, String secret, String key, @Nullable Boolean admin) {
        this.id = id;
        this.secret = secret;
        this.key = key;
        this.admin = admin;
    }

    /** A credential as presented, not yet checked with Keystone. */
    public static OpenStackCredential presented(String id, String secret) {
        return new OpenStackCredential(id, secret, hash(id, secret), null);
    }

    /** The same credential once Keystone accepted it, with whether its token carries the admin role. */
    public OpenStackCredential verified(boolean holdsAdmin) {
        return new OpenStackCredential(id, secret, key, holdsAdmin);
    }

    public String id() {
        return id;
    }

    /** The secret, for the Keystone authentication only. */
    public String secret() {
        return secret;
    }

    /** Identifies the credential in caches and signatures: a hash of id and secret. */
    public String key() {
        return key;
    }

    /** Whether Keystone's token for it carries the admin role; false until it was verified. */
    public boolean admin() {
        return Boolean.TRUE.equals(admin);
    }

    private static String hash(String id, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(id.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenStackCredential c && c.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "application credential " + id;
    }
}
