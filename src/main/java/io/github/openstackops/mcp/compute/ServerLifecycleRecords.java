package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.compute.ServerRecords.Address;
import io.github.openstackops.mcp.compute.ServerRecords.Fault;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Results of creating, rebuilding, snapshotting, backing up, resizing and moving servers. */
public final class ServerLifecycleRecords {

    private ServerLifecycleRecords() {
    }

    @Doc("A server that was created")
    public record ServerCreated(
            @Doc("Server id") String id,
            @Doc("Server name") String name,
            @Doc("Status when the call returned: ACTIVE when it is up, ERROR when the build failed, BUILD while it"
                    + " is still building") String status,
            @Doc("Whether it reached ACTIVE") boolean reachedTarget,
            @Nullable @Doc("Flavor name") String flavor,
            @Nullable @Doc("Image it was booted from") Ref image,
            @Nullable @Doc("Volume it boots from") Ref bootVolume,
            @Nullable @Doc("Server group it joined") Ref serverGroup,
            @Doc("IP addresses (known once the server is ACTIVE)") List<Address> addresses,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Why the build failed, when it did") Fault fault,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A server that was resized or moved to another host")
    public record ServerMoved(
            @Doc("Server id") String id,
            @Doc("Server name") String name,
            @Doc("The action, e.g. resize, migrate, live migrate") String action,
            @Doc("Status before the action") String previousStatus,
            @Doc("Status when the call returned, e.g. VERIFY_RESIZE") String status,
            @Doc("Whether the action reached its target state") boolean reachedTarget,
            @Nullable @Doc("Flavor before") String flavorBefore,
            @Nullable @Doc("Flavor now") String flavorAfter,
            @Nullable @Doc("Compute host before (visible to admins only)") String hostBefore,
            @Nullable @Doc("Compute host now (visible to admins only)") String hostAfter,
            @Doc("What happened and what to do next, in a sentence") String message) {
    }

    @Doc("A snapshot image of a server")
    public record ServerImageCreated(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("New image id") String imageId,
            @Doc("New image name") String imageName,
            @Nullable @Doc("Glance status of the image, e.g. active, saving, queued") String imageStatus,
            @Nullable @Doc("Image size in bytes, once uploaded") Long sizeBytes,
            @Doc("Whether the image is active (usable)") boolean reachedTarget,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A server that was rebuilt from an image")
    public record ServerRebuilt(
            @Doc("Server id") String id,
            @Doc("Server name") String name,
            @Nullable @Doc("Image before") Ref imageBefore,
            @Doc("Image now") Ref imageAfter,
            @Doc("Status when the call returned") String status,
            @Doc("Whether the rebuild finished") boolean reachedTarget,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A backup image of a server, and the older backups its rotation deleted")
    public record ServerBackedUp(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("The new backup image") Ref image,
            @Nullable @Doc("Glance status of the image, e.g. active, saving, queued") String imageStatus,
            @Doc("Whether the image is active (usable)") boolean reachedTarget,
            @Doc("Older backups of the same type the rotation deleted") List<Ref> deleted,
            @Doc("What happened, in a sentence") String message) {
    }
}
