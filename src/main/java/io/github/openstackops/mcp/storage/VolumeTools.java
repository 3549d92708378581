package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.github.openstackops.mcp.storage.StorageRecords.PoolList;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeDetail;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeOperation;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeQuota;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeServiceList;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Volume tools: list, get, create, extend, update, retype, delete; volume types, quotas, services, pools. */
@Singleton
public class VolumeTools implements ToolProvider {

    static final String VOLUME = "Volume id, or its exact name when that name is unique in the project";
    static final String STATUS = "Only those with this Cinder status, e.g. available, in-use, error";
    static final String ALL_PROJECTS = "Admin only: list every project's, not just the current project's";

    public record ListArgs(
            @Limit("Volumes per page") Integer limit,
            @Marker("Id of the last volume of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only volumes with exactly this name", maxLength = 255) String name,
            @Param(value = STATUS, pattern = "^[a-z_-]+$", maxLength = 32, examples = {"available", "in-use", "error"}) String status,
            @Param(value = ALL_PROJECTS, defaultValue = "false") Boolean allProjects) {
    }

    public record GetArgs(@IdOrName(VOLUME) String volume) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new volume", maxLength = 255) String name,
            @Param(value = "Size in GiB; may be omitted when cloning a snapshot or a volume (their size is used)", min = 1, max = 65536) Integer sizeGb,
            @Param(value = "Volume type (name or id); the cloud's default type when omitted", maxLength = 255) String volumeType,
            @Param(value = "Availability zone", maxLength = 255) String availabilityZone,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Create from this image (id or exact name): the volume becomes bootable", maxLength = 255) String image,
            @Param(value = "Create from this volume snapshot (id or exact name)", maxLength = 255) String snapshot,
            @Param(value = "Clone this volume (id or exact name)", maxLength = 255) String sourceVolume,
            @Param("Metadata key/values to set on the volume") Map<String, String> metadata,
            @JsonProperty("wait") @Wait("Wait until the volume is available, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 3600) Integer timeoutSeconds) {
    }

    public record ExtendArgs(
            @IdOrName(VOLUME) String volume,
            @Param(value = "New size in GiB, larger than the current size", required = true, min = 1, max = 65536) Integer newSizeGb,
            @JsonProperty("wait") @Wait("Wait until the volume has the new size, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 3600) Integer timeoutSeconds) {
    }

    public record UpdateArgs(
            @IdOrName(VOLUME) String volume,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New description (empty string clears it)", maxLength = 255) String description,
            @Param("Mark the volume bootable (true) or not (false)") Boolean bootable,
            @Param("Make the volume read-only (true) or read-write (false); only while it is available (detached)") Boolean readOnly) {
    }

    public record RetypeArgs(
            @IdOrName(VOLUME) String volume,
            @IdOrName("The new volume type (name or id)") String volumeType,
            @Param(value = "Allow Cinder to migrate the data to another backend when the new type needs one"
                    + " (slow, copies the whole volume); false keeps it where it is or fails", defaultValue = "false") Boolean allowMigration,
            @JsonProperty("wait") @Wait("Wait until the retype finished, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    public record DeleteArgs(
            @IdOrName(VOLUME) String volume,
            @JsonProperty("wait") @Wait("Wait until the volume is gone, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 3600) Integer timeoutSeconds) {
    }

    public record TypeListArgs(
            @Limit("Types per page") Integer limit,
            @Marker("Id of the last type of the previous page (its 'next_marker')") String marker) {
    }

    public record QuotaArgs(
            @Param(value = "Project id (admin only); the current project when omitted", maxLength = 64,
                    pattern = "^[0-9a-fA-F-]+$") String project) {
    }

    public record ServiceListArgs(
            @Param(value = "Only services on this host, e.g. controller@lvm", maxLength = 255) String host,
            @Param(value = "Only this binary", maxLength = 64, examples = {"cinder-volume", "cinder-scheduler", "cinder-backup"}) String binary) {
    }

    public record PoolListArgs(
            @Param(value = "Only pools of this backend (volume_backend_name)", maxLength = 255) String backend) {
    }

    private final VolumeService volumes;
    private final VolumeChanges changes;
    private final BlockStorageService storage;

    public VolumeTools(VolumeService volumes, VolumeChanges changes, BlockStorageService storage) {
        this.volumes = volumes;
        this.changes = changes;
        this.storage = storage;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("volume_list", Toolset.STORAGE, ListArgs.class, StorageRecords.VOLUMES)
                        .title("Volumes: List")
                        .description("List block-storage volumes (Cinder), newest first, one page at a time, with"
                                + " size, type, status and the servers each is attached to. Optionally only those"
                                + " with a given name or status (e.g. available, in-use, error);"
                                + " filtering happens in Cinder. Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> volumes.list(a.limit(), a.marker(), a.name(), a.status(),
                                a.allProjects()))
                        .build(),
                ToolDefinition.read("volume_get", Toolset.STORAGE, GetArgs.class, VolumeDetail.class)
                        .title("Volumes: Get")
                        .description("One volume in detail: status, size, type, bootable, encrypted, read-only,"
                                + " attachments (server names and devices), the image, snapshot or volume it was"
                                + " created from, and metadata.")
                        .handler((ctx, a) -> volumes.get(a.volume()))
                        .build(),
                ToolDefinition.write("volume_create", Toolset.STORAGE, CreateArgs.class, VolumeOperation.class)
                        .title("Volumes: Create")
                        .description("Create a volume: empty (give size_gb), from an image (bootable), from a"
                                + " snapshot, or as a clone of another volume, with an optional type and availability"
                                + " zone; waits until it is available and reports progress. Fails with Cinder's"
                                + " reason when the volume ends in error (e.g. no backend can hold it).")
                        .handler((ctx, a) -> volumes.create(a.name(), a.sizeGb(), a.volumeType(),
                                a.availabilityZone(), a.description(),
                                new VolumeService.Source(a.image(), a.snapshot(), a.sourceVolume()),
                                a.metadata() == null ? Map.of() : a.metadata(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("volume_extend", Toolset.STORAGE, ExtendArgs.class, VolumeOperation.class)
                        .title("Volumes: Extend")
                        .description("Grow a volume to a larger size (Cinder cannot shrink volumes) and wait until it"
                                + " has the new size. Works on available and, where the backend supports it, in-use"
                                + " volumes; the file system inside still has to be grown by the guest.")
                        .handler((ctx, a) -> changes.extend(a.volume(), a.newSizeGb(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("volume_update", Toolset.STORAGE, UpdateArgs.class, VolumeOperation.class)
                        .title("Volumes: Update")
                        .description("Change a volume's name or description, mark it bootable or not, or make it"
                                + " read-only or read-write (the read-only flag changes only while the volume is"
                                + " detached). Give only what should change.")
                        .handler((ctx, a) -> changes.update(a.volume(), a.name(), a.description(), a.bootable(),
                                a.readOnly()))
                        .build(),
                ToolDefinition.write("volume_retype", Toolset.STORAGE, RetypeArgs.class, VolumeOperation.class)
                        .title("Volumes: Retype")
                        .description("Change a volume's type (e.g. to another performance tier) and wait until Cinder"
                                + " finished. Without allow_migration the data stays on its backend and the retype"
                                + " fails when the new type needs another one.")
                        .handler((ctx, a) -> changes.retype(a.volume(), a.volumeType(), a.allowMigration(),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("volume_delete", Toolset.STORAGE, DeleteArgs.class, Deleted.class)
                        .title("Volumes: Delete")
                        .description("Delete a volume and all its data. Refused while the volume is attached to a"
                                + " server or has snapshots (the refusal says which and what to do first). The"
                                + " preview names the volume and says whether backups of it remain.")
                        .preview((ctx, a) -> volumes.deletePreview(a.volume()))
                        .handler((ctx, a) -> volumes.delete(a.volume(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.read("volume_type_list", Toolset.STORAGE, TypeListArgs.class, StorageRecords.VOLUME_TYPES)
                        .title("Volume types: List")
                        .description("List the volume types a volume can be created with or retyped to, with their"
                                + " descriptions and the extra specs this user may see (admins see all, e.g."
                                + " volume_backend_name).")
                        .handler((ctx, a) -> storage.types(a.limit(), a.marker()))
                        .build(),
                ToolDefinition.read("volume_quota_get", Toolset.STORAGE, QuotaArgs.class, VolumeQuota.class)
                        .title("Volume quotas: Get")
                        .description("Block-storage quotas of the current project (admins: of any project) with their"
                                + " use: volumes, gigabytes, snapshots, backups, and per-volume-type limits that are"
                                + " set or in use. Use it to see why a volume create fails with 'quota exceeded'.")
                        .handler((ctx, a) -> storage.quota(a.project()))
                        .build(),
                ToolDefinition.read("volume_service_list", Toolset.STORAGE, ServiceListArgs.class, VolumeServiceList.class)
                        .adminOnly()
                        .title("Volume services: List")
                        .description("Admin only. Cinder's services (scheduler, each volume backend, backup) with"
                                + " whether they are enabled and up, and why one was disabled. Use it when volumes"
                                + " are stuck in creating or error.")
                        .handler((ctx, a) -> storage.services(a.host(), a.binary()))
                        .build(),
                ToolDefinition.read("volume_pool_list", Toolset.STORAGE, PoolListArgs.class, PoolList.class)
                        .adminOnly()
                        .title("Volume pools: List")
                        .description("Admin only. Capacity of every storage pool of the volume backends (Cinder"
                                + " scheduler statistics): total, free, allocated and provisioned GiB, protocol and"
                                + " thin provisioning. Cinder does not page this list; at most 200 pools are shown.")
                        .handler((ctx, a) -> storage.pools(a.backend()))
                        .build());
    }
}
