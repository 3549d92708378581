package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.KeypairRecords.KeypairCreated;
import io.github.openstackops.mcp.compute.KeypairRecords.KeypairDeleted;
import io.github.openstackops.mcp.compute.KeypairRecords.KeypairDetail;
import io.github.openstackops.mcp.compute.KeypairService.KeyType;
import jakarta.inject.Singleton;

import java.util.List;

/** Key pair tools: list, get, create (generated), import, delete. */
@Singleton
public class KeypairTools implements ToolProvider {

    static final String NAME_PATTERN = "^[A-Za-z0-9 ._@-]+$";

    public record ListArgs(
            @Limit("Key pairs per page") Integer limit,
            @Marker("Name of the last key pair of the previous page (its 'next_marker')") String marker) {
    }

    public record GetArgs(@Param(value = "Key pair name", required = true, minLength = 1, maxLength = 255) String keypair) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new key pair (letters, digits, space, '.', '_', '@', '-')", required = true,
                    minLength = 1, maxLength = 255, pattern = NAME_PATTERN) String name,
            @Param(value = "ssh (default) or x509", defaultValue = "\"ssh\"") KeyType type) {
    }

    public record ImportArgs(
            @Param(value = "Name of the new key pair (letters, digits, space, '.', '_', '@', '-')", required = true,
                    minLength = 1, maxLength = 255, pattern = NAME_PATTERN) String name,
            @Param(value = "The public key, e.g. the contents of ~/.ssh/id_ed25519.pub (never a private key)",
                    required = true, minLength = 20, maxLength = 16384) String publicKey,
            @Param("ssh or x509; guessed from the key when absent") KeyType type) {
    }

    public record DeleteArgs(@Param(value = "Key pair name", required = true, minLength = 1, maxLength = 255) String keypair) {
    }

    private final KeypairService keypairs;

    public KeypairTools(KeypairService keypairs) {
        this.keypairs = keypairs;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("keypair_list", Toolset.COMPUTE, ListArgs.class, KeypairRecords.KEYPAIRS)
                        .title("Keypairs: List")
                        .description("List the user's SSH key pairs (name, type, fingerprint, shortened public key),"
                                + " one page at a time. Private keys are never shown. Pass 'next_marker' as"
                                + " 'marker' for the next page.")
                        .handler((ctx, a) -> keypairs.list(a.limit(), a.marker()))
                        .build(),
                ToolDefinition.read("keypair_get", Toolset.COMPUTE, GetArgs.class, KeypairDetail.class)
                        .title("Keypairs: Get")
                        .description("One key pair by name: type, fingerprint, shortened public key, creation time.")
                        .handler((ctx, a) -> keypairs.get(a.keypair()))
                        .build(),
                ToolDefinition.write("keypair_create", Toolset.COMPUTE, CreateArgs.class, KeypairCreated.class)
                        .title("Keypairs: Create")
                        .description("Generate a new key pair in Nova. The result carries the private key exactly"
                                + " once (OpenStack keeps no copy): hand it to the user to save. To register an"
                                + " existing key, use keypair_import instead.")
                        .handler((ctx, a) -> keypairs.create(a.name(), a.type()))
                        .build(),
                ToolDefinition.write("keypair_import", Toolset.COMPUTE, ImportArgs.class, KeypairCreated.class)
                        .title("Keypairs: Import")
                        .description("Register an existing public key as a key pair, so that new servers can be"
                                + " created with it.")
                        .handler((ctx, a) -> keypairs.importKey(a.name(), a.publicKey(), a.type()))
                        .build(),
                ToolDefinition.destructive("keypair_delete", Toolset.COMPUTE, DeleteArgs.class, KeypairDeleted.class)
                        .title("Keypairs: Delete")
                        .description("Delete a key pair. The preview names it and its fingerprint; servers already"
                                + " created with it are not affected.")
                        .preview((ctx, a) -> keypairs.deletePreview(a.keypair()))
                        .handler((ctx, a) -> keypairs.delete(a.keypair()))
                        .build());
    }
}
