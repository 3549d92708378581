package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;


/** The compact shapes key pairs are returned in. Private keys appear once, in the result of keypair_create. */
public final class KeypairRecords {

    private KeypairRecords() {
    }

    @Doc("An SSH (or x509) key pair of the user")
    public record Keypair(
            @Doc("Key pair name") String name,
            @Doc("ssh or x509") String type,
            @Doc("Fingerprint of the public key") String fingerprint,
            @Doc("The public key, shortened") String publicKey) {
    }

    public static final Page.Kind<Keypair> KEYPAIRS = Page.Kind.of(Keypair.class, "keypairs", "key pairs");

    @Doc("A key pair in detail")
    public record KeypairDetail(
            @Doc("Key pair name") String name,
            @Doc("ssh or x509") String type,
            @Doc("Fingerprint of the public key") String fingerprint,
            @Doc("The public key, shortened") String publicKey,
            @Nullable @Doc("Owning user id") String userId,
            @Nullable @Doc("Creation time") String created) {
    }

    @Doc("The key pair that was created or imported")
    public record KeypairCreated(
            @Doc("Key pair name") String name,
            @Doc("ssh or x509") String type,
            @Doc("Fingerprint of the public key") String fingerprint,
            @Doc("The public key, shortened") String publicKey,
            @Nullable @Doc("The generated private key. Shown only this once: OpenStack does not keep it. Absent for"
                    + " imported keys.") String privateKey,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a key pair")
    public record KeypairDeleted(
            @Doc("Key pair name") String name,
            @Doc("Fingerprint of the deleted public key") String fingerprint,
            @Doc("What happened, in a sentence") String message) {
    }
}
