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
import io.github.openstackops.mcp.storage.StorageRecords.BackupDetail;
import io.github.openstackops.mcp.storage.StorageRecords.BackupRestored;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.github.openstackops.mcp.storage.StorageRecords.Operation;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/** Volume backup tools: list, get, create, restore (into a new volume), delete. Need a cinder-backup service. */
@Singleton
public class VolumeBackupTools implements ToolProvider {

    static final String BACKUP = "Backup id, or its exact name when that name is unique in the project";

    public record ListArgs(
            @Limit("Backups per page") Integer limit,
            @Marker("Id of the last backup of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only backups of this volume (id or exact name; for a deleted volume give its id)", maxLength = 255) String volume,
            @Param(value = "Only backups with exactly this name", maxLength = 255) String name,
            @Param(value = VolumeTools.STATUS, pattern = "^[a-z_-]+$", maxLength = 32, examples = {"available", "creating", "error"}) String status,
            @Param(value = VolumeTools.ALL_PROJECTS, defaultValue = "false") Boolean allProjects) {
    }

    public record GetArgs(@IdOrName(BACKUP) String backup) {
    }

    public record CreateArgs(
            @IdOrName(VolumeTools.VOLUME) String volume,
            @Param(value = "Name of the backup", maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Back up only what changed since the volume's last backup (needs an earlier full backup)", defaultValue = "false") Boolean incremental,
            @Param(value = "Back up a volume that is in use by a server (from a temporary snapshot; may not be"
                    + " consistent unless the guest is quiesced)", defaultValue = "false") Boolean force,
            @JsonProperty("wait") @Wait("Wait until the backup is available, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    public record RestoreArgs(
            @IdOrName(BACKUP) String backup,
            @Param(value = "Name of the new volume the backup is restored into", maxLength = 255) String volumeName,
            @JsonProperty("wait") @Wait("Wait until the new volume is available, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    public record DeleteArgs(
            @IdOrName(BACKUP) String backup,
            @JsonProperty("wait") @Wait("Wait until the backup is gone, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 3600) Integer timeoutSeconds) {
    }

    private final BackupService backups;

    public VolumeBackupTools(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("volume_backup_list", Toolset.STORAGE, ListArgs.class, StorageRecords.BACKUPS)
                        .title("Volume backups: List")
                        .description("List volume backups, newest first, one page at a time; optionally only those of"
                                + " one volume, with a given name, or with a status. Filtering happens in"
                                + " Cinder. Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> backups.list(a.limit(), a.marker(), a.volume(), a.status(), a.name(),
                                a.allProjects()))
                        .build(),
                ToolDefinition.read("volume_backup_get", Toolset.STORAGE, GetArgs.class, BackupDetail.class)
                        .title("Volume backups: Get")
                        .description("One volume backup in detail: status, size, the volume (and snapshot) it was"
                                + " taken of, whether it is incremental or has incremental backups built on it, and"
                                + " the failure reason when it is in error.")
                        .handler((ctx, a) -> backups.get(a.backup()))
                        .build(),
                ToolDefinition.write("volume_backup_create", Toolset.STORAGE, CreateArgs.class, Operation.class)
                        .title("Volume backups: Create")
                        .description("Back up a volume (full, or incremental on top of its last backup) to the"
                                + " cloud's backup store and wait until the backup is available. Needs a cinder-backup"
                                + " service; a volume attached to a server needs force=true.")
                        .handler((ctx, a) -> backups.create(a.volume(), a.name(), a.description(), a.incremental(),
                                a.force(), a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("volume_backup_restore", Toolset.STORAGE, RestoreArgs.class, BackupRestored.class)
                        .title("Volume backups: Restore")
                        .description("Restore a backup into a NEW volume (of the backup's size) and wait until that"
                                + " volume is available. Never overwrites an existing volume; attach the new volume"
                                + " to use the data.")
                        .handler((ctx, a) -> backups.restore(a.backup(), a.volumeName(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("volume_backup_delete", Toolset.STORAGE, DeleteArgs.class, Deleted.class)
                        .title("Volume backups: Delete")
                        .description("Delete a volume backup. Refused when incremental backups build on it. The"
                                + " preview warns when the backed-up volume no longer exists (the backup may be the"
                                + " last copy of its data).")
                        .preview((ctx, a) -> backups.deletePreview(a.backup()))
                        .handler((ctx, a) -> backups.delete(a.backup(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build());
    }
}
