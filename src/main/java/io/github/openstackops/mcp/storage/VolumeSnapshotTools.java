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
import io.github.openstackops.mcp.storage.StorageRecords.Operation;
import io.github.openstackops.mcp.storage.StorageRecords.SnapshotDetail;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/** Volume snapshot tools: list, get, create, delete. */
@Singleton
public class VolumeSnapshotTools implements ToolProvider {

    static final String SNAPSHOT = "Snapshot id, or its exact name when that name is unique in the project";

    public record ListArgs(
            @Limit("Snapshots per page") Integer limit,
            @Marker("Id of the last snapshot of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only snapshots of this volume (id or exact name)", maxLength = 255) String volume,
            @Param(value = "Only snapshots with exactly this name", maxLength = 255) String name,
            @Param(value = VolumeTools.STATUS, pattern = "^[a-z_-]+$", maxLength = 32, examples = {"available", "error"}) String status,
            @Param(value = VolumeTools.ALL_PROJECTS, defaultValue = "false") Boolean allProjects) {
    }

    public record GetArgs(@IdOrName(SNAPSHOT) String snapshot) {
    }

    public record CreateArgs(
            @IdOrName(VolumeTools.VOLUME) String volume,
            @Param(value = "Name of the snapshot", maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Snapshot a volume that is in use by a server (may not be consistent unless the guest"
                    + " is quiesced)", defaultValue = "false") Boolean force,
            @JsonProperty("wait") @Wait("Wait until the snapshot is available, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 3600) Integer timeoutSeconds) {
    }

    public record DeleteArgs(
            @IdOrName(SNAPSHOT) String snapshot,
            @JsonProperty("wait") @Wait("Wait until the snapshot is gone, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 3600) Integer timeoutSeconds) {
    }

    private final SnapshotService snapshots;

    public VolumeSnapshotTools(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("volume_snapshot_list", Toolset.STORAGE, ListArgs.class, StorageRecords.SNAPSHOTS)
                        .title("Volume snapshots: List")
                        .description("List volume snapshots, newest first, one page at a time; optionally only those"
                                + " of one volume, with a given name, or with a status. Filtering happens in"
                                + " Cinder. Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> snapshots.list(a.limit(), a.marker(), a.volume(), a.status(), a.name(),
                                a.allProjects()))
                        .build(),
                ToolDefinition.read("volume_snapshot_get", Toolset.STORAGE, GetArgs.class, SnapshotDetail.class)
                        .title("Volume snapshots: Get")
                        .description("One volume snapshot in detail: status, progress, size, the volume it was taken"
                                + " of (id and name), metadata and times.")
                        .handler((ctx, a) -> snapshots.get(a.snapshot()))
                        .build(),
                ToolDefinition.write("volume_snapshot_create", Toolset.STORAGE, CreateArgs.class, Operation.class)
                        .title("Volume snapshots: Create")
                        .description("Take a snapshot of a volume and wait until it is available. A volume attached"
                                + " to a server needs force=true (the snapshot may then miss writes in flight).")
                        .handler((ctx, a) -> snapshots.create(a.volume(), a.name(), a.description(), a.force(),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("volume_snapshot_delete", Toolset.STORAGE, DeleteArgs.class, Deleted.class)
                        .title("Volume snapshots: Delete")
                        .description("Delete a volume snapshot; its volume is kept. The preview names the snapshot,"
                                + " its volume and the point in time that is lost.")
                        .preview((ctx, a) -> snapshots.deletePreview(a.snapshot()))
                        .handler((ctx, a) -> snapshots.delete(a.snapshot(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build());
    }
}
