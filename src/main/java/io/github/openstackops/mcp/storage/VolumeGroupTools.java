package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.storage.VolumeGroupRecords.GroupDetail;
import io.github.openstackops.mcp.storage.VolumeGroupRecords.GroupSnapshot;
import io.github.openstackops.mcp.storage.VolumeGroupRecords.VolumeAttachment;
import jakarta.inject.Singleton;

import java.util.List;

/** Volume groups and group snapshots (list, get) and volume attachments (list, get): read-only. */
@Singleton
public class VolumeGroupTools implements ToolProvider {

    static final String GROUP = "Volume group id, or its exact name when unique in the project";
    static final String UUID = "^[0-9a-fA-F-]{32,36}$";

    public record GroupListArgs(
            @Limit("Groups per page") Integer limit,
            @Marker("Id of the last group of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only groups with exactly this name", maxLength = 255) String name) {
    }

    public record GroupArgs(@IdOrName(GROUP) String group) {
    }

    public record SnapshotListArgs(
            @Limit("Group snapshots per page") Integer limit,
            @Marker("Id of the last group snapshot of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only snapshots of this group (id or exact name)", maxLength = 255) String group) {
    }

    public record SnapshotArgs(
            @IdOrName("Group snapshot id, or its exact name when unique in the project") String groupSnapshot) {
    }

    public record AttachmentListArgs(
            @Limit("Attachments per page") Integer limit,
            @Marker("Id of the last attachment of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only attachments of this volume (id or exact name)", maxLength = 255) String volume,
            @Param(value = "Only attachments to this server id", pattern = UUID) String server) {
    }

    public record AttachmentArgs(@Param(value = "Attachment id", required = true, pattern = UUID) String attachment) {
    }

    private final VolumeGroupService groups;

    public VolumeGroupTools(VolumeGroupService groups) {
        this.groups = groups;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("volume_group_list", Toolset.STORAGE, GroupListArgs.class, VolumeGroupRecords.GROUPS)
                        .title("Volume groups: List")
                        .description("Volume groups. Groups hold volumes that are snapshotted (and replicated)"
                                + " together; newest first, paged by Cinder.")
                        .handler((ctx, a) -> groups.groups(a.limit(), a.marker(), a.name()))
                        .build(),
                ToolDefinition.read("volume_group_get", Toolset.STORAGE, GroupArgs.class, GroupDetail.class)
                        .title("Volume groups: Get")
                        .description("One volume group. Its type (id and name), volume types, volumes and source.")
                        .handler((ctx, a) -> groups.group(a.group()))
                        .build(),
                ToolDefinition.read("volume_group_snapshot_list", Toolset.STORAGE, SnapshotListArgs.class,
                                VolumeGroupRecords.GROUP_SNAPSHOTS)
                        .title("Volume group snapshots: List")
                        .description("Group snapshots. Point-in-time snapshots of whole volume groups, newest first,"
                                + " optionally of one group.")
                        .handler((ctx, a) -> groups.groupSnapshots(a.limit(), a.marker(), a.group()))
                        .build(),
                ToolDefinition.read("volume_group_snapshot_get", Toolset.STORAGE, SnapshotArgs.class,
                                GroupSnapshot.class)
                        .title("Volume group snapshots: Get")
                        .description("One group snapshot. Its status, group and group type.")
                        .handler((ctx, a) -> groups.groupSnapshot(a.groupSnapshot()))
                        .build(),
                ToolDefinition.read("volume_attachment_list", Toolset.STORAGE, AttachmentListArgs.class,
                                VolumeGroupRecords.ATTACHMENTS)
                        .title("Volume attachments: List")
                        .description("Volume attachments. Cinder's record of each volume-to-server connection"
                                + " (microversion 3.27), newest first, optionally of one volume or server; connection"
                                + " details are left out.")
                        .handler((ctx, a) -> groups.attachments(a.limit(), a.marker(), a.volume(), a.server()))
                        .build(),
                ToolDefinition.read("volume_attachment_get", Toolset.STORAGE, AttachmentArgs.class,
                                VolumeAttachment.class)
                        .title("Volume attachments: Get")
                        .description("One volume attachment. Volume, server, status, mode and times.")
                        .handler((ctx, a) -> groups.attachment(a.attachment().trim()))
                        .build());
    }
}
