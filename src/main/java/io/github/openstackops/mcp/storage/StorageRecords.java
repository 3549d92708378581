package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** The compact shapes volumes, snapshots, backups and Cinder's admin views are returned in. */
public final class StorageRecords {

    private StorageRecords() {
    }

    @Doc("A server a volume is attached to")
    public record Attachment(
            @Doc("Server id") String serverId,
            @Nullable @Doc("Server name (absent when it could not be looked up)") String serverName,
            @Nullable @Doc("Device inside the server, e.g. /dev/vdb") String device,
            @Nullable @Doc("When it was attached") String attachedAt,
            @Nullable @Doc("Cinder attachment id") String attachmentId) {
    }

    @Doc("A volume, summarised")
    public record VolumeSummary(
            @Doc("Volume id") String id,
            @Nullable @Doc("Volume name") String name,
            @Doc("Cinder status, e.g. available, in-use, creating, extending, error") String status,
            @Doc("Size in GiB") int sizeGb,
            @Nullable @Doc("Volume type name") String volumeType,
            @Doc("Whether servers can boot from it") boolean bootable,
            @Doc("Whether it is encrypted") boolean encrypted,
            @Doc("Servers it is attached to") List<Attachment> attachedTo,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time, ISO-8601") String created) {
    }

    public static final Page.Kind<VolumeSummary> VOLUMES = Page.Kind.of(VolumeSummary.class, "volumes", "volumes")
            .about("One page of volumes, newest first");

    @Doc("A volume in detail")
    public record VolumeDetail(
            @Doc("Volume id") String id,
            @Nullable @Doc("Volume name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Cinder status") String status,
            @Doc("Size in GiB") int sizeGb,
            @Nullable @Doc("Volume type name") String volumeType,
            @Doc("Whether servers can boot from it") boolean bootable,
            @Doc("Whether it is encrypted") boolean encrypted,
            @Doc("Whether it can be attached to several servers at once") boolean multiattach,
            @Doc("Whether it is attached read-only") boolean readOnly,
            @Doc("Servers it is attached to") List<Attachment> attachments,
            @Nullable @Doc("Image it was created from (id and name)") Ref sourceImage,
            @Nullable @Doc("Snapshot it was created from") String sourceSnapshotId,
            @Nullable @Doc("Volume it was cloned from") String sourceVolumeId,
            @Doc("User metadata") Map<String, String> metadata,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Backend host, e.g. controller@lvm#pool (admin only)") String host,
            @Nullable @Doc("Migration status, when migrating") String migrationStatus,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creating user id") String userId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("The result of a volume operation")
    public record VolumeOperation(
            @Doc("Volume id") String id,
            @Nullable @Doc("Volume name") String name,
            @Doc("Status when the call returned") String status,
            @Doc("Size in GiB") int sizeGb,
            @Nullable @Doc("Volume type name") String volumeType,
            @Doc("Whether servers can boot from it") boolean bootable,
            @Doc("Whether it is attached read-only") boolean readOnly,
            @Doc("Whether the operation finished (false when still in progress or when the call did not wait)") boolean done,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of a deletion")
    public record Deleted(
            @Doc("Id of what was deleted") String id,
            @Nullable @Doc("Its name") String name,
            @Doc("True when it is gone; false when deletion was accepted and still in progress") boolean gone,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A volume snapshot, summarised")
    public record SnapshotSummary(
            @Doc("Snapshot id") String id,
            @Nullable @Doc("Snapshot name") String name,
            @Doc("Status, e.g. available, creating, error") String status,
            @Doc("Size in GiB") int sizeGb,
            @Doc("Id of the volume it was taken of") String volumeId,
            @Nullable @Doc("Progress, e.g. 100%") String progress,
            @Nullable @Doc("Creation time") String created) {
    }

    public static final Page.Kind<SnapshotSummary> SNAPSHOTS = Page.Kind.of(SnapshotSummary.class, "snapshots", "snapshots")
            .about("One page of volume snapshots, newest first");

    @Doc("A volume snapshot in detail")
    public record SnapshotDetail(
            @Doc("Snapshot id") String id,
            @Nullable @Doc("Snapshot name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Status") String status,
            @Doc("Size in GiB") int sizeGb,
            @Doc("The volume it was taken of") Ref volume,
            @Nullable @Doc("Progress, e.g. 100%") String progress,
            @Doc("User metadata") Map<String, String> metadata,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("The result of a snapshot or backup operation")
    public record Operation(
            @Doc("Id of the snapshot or backup") String id,
            @Nullable @Doc("Its name") String name,
            @Doc("Status when the call returned") String status,
            @Doc("Id of its volume") String volumeId,
            @Doc("Whether it finished (false when still in progress or when the call did not wait)") boolean done,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A volume backup, summarised")
    public record BackupSummary(
            @Doc("Backup id") String id,
            @Nullable @Doc("Backup name") String name,
            @Doc("Status, e.g. available, creating, restoring, error") String status,
            @Doc("Size of the backed-up volume in GiB") int sizeGb,
            @Doc("Id of the volume it was taken of (the volume may be gone)") String volumeId,
            @Doc("Whether it is incremental (builds on an earlier backup)") boolean incremental,
            @Nullable @Doc("Creation time") String created) {
    }

    public static final Page.Kind<BackupSummary> BACKUPS = Page.Kind.of(BackupSummary.class, "backups", "backups")
            .about("One page of volume backups, newest first");

    @Doc("A volume backup in detail")
    public record BackupDetail(
            @Doc("Backup id") String id,
            @Nullable @Doc("Backup name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Status") String status,
            @Doc("Size of the backed-up volume in GiB") int sizeGb,
            @Doc("Id of the volume it was taken of (the volume may be gone)") String volumeId,
            @Nullable @Doc("Snapshot it was taken from, if any") String snapshotId,
            @Doc("Whether it is incremental") boolean incremental,
            @Doc("Whether incremental backups build on it (it cannot be deleted before them)") boolean hasDependentBackups,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Storage container of the backup") String container,
            @Nullable @Doc("Why it failed, when in error") String failReason,
            @Nullable @Doc("Point in time of the data") String dataTimestamp,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("The result of restoring a backup")
    public record BackupRestored(
            @Doc("Backup id") String backupId,
            @Doc("Id of the volume the backup was restored into") String volumeId,
            @Nullable @Doc("Name of that volume") String volumeName,
            @Doc("Status of that volume when the call returned") String volumeStatus,
            @Doc("Whether the restore finished") boolean done,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A volume type")
    public record VolumeType(
            @Doc("Type id") String id,
            @Doc("Type name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Whether every project may use it") boolean isPublic,
            @Doc("Extra specs visible to this user (all of them for admins), e.g. volume_backend_name") Map<String, String> extraSpecs) {
    }

    public static final Page.Kind<VolumeType> VOLUME_TYPES = Page.Kind.of(VolumeType.class, "types", "types")
            .about("One page of volume types");

    @Doc("Use of one block-storage quota")
    public record QuotaItem(
            @Doc("Resource, e.g. volumes, gigabytes, snapshots, backups, or volumes_<type> per volume type") String resource,
            @Doc("Limit (-1: unlimited)") int limit,
            @Doc("In use") int inUse,
            @Doc("Reserved by operations in progress") int reserved) {
    }

    @Doc("A project's block-storage quotas and their use")
    public record VolumeQuota(
            @Doc("Project id") String projectId,
            @Doc("Quotas; per-volume-type entries only when limited or in use") List<QuotaItem> quotas) {
    }

    @Doc("A Cinder service (scheduler, volume backend, backup)")
    public record VolumeServiceEntry(
            @Doc("Binary, e.g. cinder-volume") String binary,
            @Doc("Host, e.g. controller@lvm for a volume backend") String host,
            @Nullable @Doc("Availability zone") String zone,
            @Doc("enabled or disabled (by an operator)") String status,
            @Doc("up or down (heartbeat)") String state,
            @Nullable @Doc("Backend state reported by a volume service: up or down") String backendState,
            @Nullable @Doc("Why it was disabled") String disabledReason,
            @Nullable @Doc("Last heartbeat") String updated) {
    }

    @Doc("Cinder's services")
    public record VolumeServiceList(
            @Doc("Services") List<VolumeServiceEntry> services,
            @Doc("Number of services") int count,
            @Doc("Number of services that are down") int down) {
    }

    @Doc("A storage pool of a volume backend, with its capacity")
    public record Pool(
            @Doc("Pool name, host@backend#pool") String name,
            @Nullable @Doc("Backend name (volume_backend_name)") String backend,
            @Nullable @Doc("Storage protocol, e.g. iSCSI, ceph") String protocol,
            @Nullable @Doc("Vendor") String vendor,
            @Nullable @Doc("Total capacity in GiB (absent when the backend reports 'infinite' or 'unknown')") Double totalGb,
            @Nullable @Doc("Free capacity in GiB (absent when 'infinite' or 'unknown')") Double freeGb,
            @Nullable @Doc("Capacity allocated to volumes, GiB") Double allocatedGb,
            @Nullable @Doc("Capacity provisioned (thin), GiB") Double provisionedGb,
            @Nullable @Doc("Reserved capacity, percent") Double reservedPercentage,
            @Nullable @Doc("Thin-provisioning over-subscription ratio") String maxOverSubscriptionRatio,
            @Nullable @Doc("Whether the backend thin-provisions") Boolean thinProvisioning,
            @Nullable @Doc("What the backend reports instead of numbers, e.g. 'reported as total_capacity_gb = infinite'") String capacityNote,
            @Nullable @Doc("When the backend last reported") String reported) {
    }

    @Doc("Storage pools of all volume backends")
    public record PoolList(
            @Doc("Pools (Cinder does not page this list; at most 200 are shown)") List<Pool> pools,
            @Doc("Number of pools shown") int count,
            @Doc("True when the backends report more pools than shown") boolean truncated) {
    }
}
