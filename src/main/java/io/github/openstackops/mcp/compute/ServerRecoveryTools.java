package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerBackedUp;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerMoved;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

import static io.github.openstackops.mcp.compute.ServerTools.SERVER;
import static io.github.openstackops.mcp.compute.ServerTools.WAIT;

/** Keeping servers through failures: backups with rotation, and evacuation from a compute host that is down. */
@Singleton
public class ServerRecoveryTools implements ToolProvider {

    public record BackupArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Name of the new backup image", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Backup type the rotation counts within, e.g. daily or weekly", required = true,
                    minLength = 1, maxLength = 64, pattern = "^[A-Za-z0-9_.-]+$") String backupType,
            @Param(value = "How many backups of this type to keep, the new one included; older ones are deleted",
                    required = true, min = 1, max = 100) Integer rotation,
            @JsonProperty("wait") @Wait("Wait until the image is active and the rotation done, reporting progress")
            Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    public record EvacuateArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Target compute host; the scheduler picks one when omitted", maxLength = 255) String host,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    private final ServerBackupService backups;
    private final ServerEvacuationService evacuation;

    public ServerRecoveryTools(ServerBackupService backups, ServerEvacuationService evacuation) {
        this.backups = backups;
        this.evacuation = evacuation;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.destructive("server_backup", Toolset.COMPUTE, BackupArgs.class, ServerBackedUp.class)
                        .title("Servers: Backup")
                        .description("Back up a server to an image, deleting old backups by rotation. The image is"
                                + " tagged with the backup type; once it is uploaded Nova deletes the oldest backups of"
                                + " this server and type beyond 'rotation'. The preview names the images that would"
                                + " be deleted. Waits until the image is active and the rotation done.")
                        .preview((ctx, a) -> backups.preview(a.server(), a.name(), a.backupType(), a.rotation()))
                        .handler((ctx, a) -> backups.backup(a.server(), a.name(), a.backupType(), a.rotation(),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("server_evacuate", Toolset.COMPUTE, EvacuateArgs.class, ServerMoved.class)
                        .adminOnly()
                        .title("Servers: Evacuate")
                        .description("Rebuild a server of a down compute host on another host. Admin only, and only"
                                + " when Nova reports that host's nova-compute down or forced down (else use"
                                + " server_live_migrate). An image-booted server's local disks start anew from the"
                                + " image unless storage is shared; volumes, IPs and metadata are kept. The preview"
                                + " names the host and what is lost. Waits until it runs on the new host.")
                        .preview((ctx, a) -> evacuation.preview(a.server(), a.host()))
                        .handler((ctx, a) -> evacuation.evacuate(a.server(), a.host(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build());
    }
}
