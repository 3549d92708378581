package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Migrations as Nova records them: cold migrations, resizes, live migrations and evacuations. */
public final class MigrationRecords {

    private MigrationRecords() {
    }

    @Doc("A migration of a server between compute hosts (or a resize)")
    public record Migration(
            @Doc("Migration id (a number)") long id,
            @Nullable @Doc("Migration uuid") String uuid,
            @Doc("Id of the server that moved") String serverId,
            @Nullable @Doc("migration (cold), resize, live-migration or evacuation") String type,
            @Nullable @Doc("e.g. queued, preparing, running, post-migrating, finished, confirmed, reverted,"
                    + " completed, error, failed, cancelled") String status,
            @Nullable @Doc("Source compute host") String sourceHost,
            @Nullable @Doc("Destination compute host") String destHost,
            @Nullable @Doc("Owning project id of the server") String projectId,
            @Nullable @Doc("Start time, ISO-8601") String created,
            @Nullable @Doc("Last change, ISO-8601") String updated) {
    }

    @Doc("One page of migrations, newest first")
    public record MigrationPage(
            @Doc("Migrations on this page") List<Migration> migrations,
            @Doc("Number of migrations on this page") int count,
            @Nullable @Doc("Pass as 'marker' for the next page; absent on the last page") String nextMarker) {
    }

    @Doc("One migration; with the transfer progress while a live migration runs")
    public record MigrationDetail(
            @Doc("The migration") Migration migration,
            @Doc("Whether it is still in progress") boolean inProgress,
            @Nullable @Doc("Live migration in progress: guest memory in bytes") Long memoryTotalBytes,
            @Nullable @Doc("Live migration in progress: memory copied so far, bytes") Long memoryProcessedBytes,
            @Nullable @Doc("Live migration in progress: memory still to copy, bytes") Long memoryRemainingBytes,
            @Nullable @Doc("Live (block) migration in progress: disk in bytes") Long diskTotalBytes,
            @Nullable @Doc("Live (block) migration in progress: disk copied so far, bytes") Long diskProcessedBytes,
            @Nullable @Doc("Live (block) migration in progress: disk still to copy, bytes") Long diskRemainingBytes) {
    }

    @Doc("What became of a live migration that was aborted or force-completed")
    public record MigrationControlled(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("Migration id (a number)") long migrationId,
            @Doc("abort or force-complete") String action,
            @Nullable @Doc("Migration status before the request") String statusBefore,
            @Nullable @Doc("Migration status now, e.g. cancelled or completed; running when not waited for")
            String status,
            @Doc("Whether the migration has ended") boolean ended,
            @Nullable @Doc("Source compute host of the migration") String sourceHost,
            @Nullable @Doc("Destination compute host of the migration") String destHost,
            @Nullable @Doc("Compute host the server runs on now") String host,
            @Doc("What happened, in a sentence") String message) {
    }
}
