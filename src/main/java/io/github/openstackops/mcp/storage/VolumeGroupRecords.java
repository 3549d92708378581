package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Volume groups, their snapshots, and volume attachments as Cinder records them. */
public final class VolumeGroupRecords {

    private VolumeGroupRecords() {
    }

    @Doc("A volume group, summarised")
    public record GroupSummary(
            @Doc("Group id") String id,
            @Nullable @Doc("Group name") String name,
            @Doc("Status, e.g. available, creating, error") String status,
            @Doc("Id of its group type") String groupTypeId,
            @Doc("Ids of the volume types its volumes may have") List<String> volumeTypeIds,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Creation time") String created) {
    }

    public static final Page.Kind<GroupSummary> GROUPS = Page.Kind.of(GroupSummary.class, "groups", "volume groups")
            .about("One page of volume groups, newest first");

    @Doc("A volume group in detail")
    public record GroupDetail(
            @Doc("Group id") String id,
            @Nullable @Doc("Group name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Status") String status,
            @Doc("Its group type (id and name)") Ref groupType,
            @Doc("Ids of the volume types its volumes may have") List<String> volumeTypeIds,
            @Doc("Ids of its volumes") List<String> volumeIds,
            @Nullable @Doc("Replication status, e.g. disabled, enabled") String replicationStatus,
            @Nullable @Doc("Group snapshot it was created from") String sourceGroupSnapshotId,
            @Nullable @Doc("Group it was cloned from") String sourceGroupId,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Creation time") String created) {
    }

    @Doc("A snapshot of a whole volume group, taken at one point in time")
    public record GroupSnapshot(
            @Doc("Group snapshot id") String id,
            @Nullable @Doc("Name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Status, e.g. available, creating, error") String status,
            @Doc("Id of the group it was taken of") String groupId,
            @Nullable @Doc("Id of that group's type") String groupTypeId,
            @Nullable @Doc("Creation time") String created) {
    }

    public static final Page.Kind<GroupSnapshot> GROUP_SNAPSHOTS = Page.Kind.of(GroupSnapshot.class,
            "group_snapshots", "group snapshots").about("One page of group snapshots, newest first");

    @Doc("A volume attachment: a volume connected to a server (connection details are left out)")
    public record VolumeAttachment(
            @Doc("Attachment id") String id,
            @Doc("Id of the volume") String volumeId,
            @Nullable @Doc("Id of the server") String serverId,
            @Doc("Status, e.g. attached, attaching, reserved, detached, error_attaching") String status,
            @Nullable @Doc("rw or ro") String attachMode,
            @Nullable @Doc("When it was attached") String attachedAt,
            @Nullable @Doc("When it was detached") String detachedAt) {
    }

    public static final Page.Kind<VolumeAttachment> ATTACHMENTS = Page.Kind.of(VolumeAttachment.class, "attachments",
            "volume attachments").about("One page of volume attachments, newest first");
}
