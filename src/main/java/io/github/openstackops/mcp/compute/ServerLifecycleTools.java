package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerCreated;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerImageCreated;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerMoved;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerRebuilt;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.compute.ServerTools.SERVER;
import static io.github.openstackops.mcp.compute.ServerTools.WAIT;

/** Long server operations: create, rebuild, snapshot, resize (confirm/revert), cold and live migration. */
@Singleton
public class ServerLifecycleTools implements ToolProvider {

    public record CreateArgs(
            @Param(value = "Name of the new server", required = true, minLength = 1, maxLength = 255) String name,
            @IdOrName("Flavor (id or exact name), e.g. m1.small") String flavor,
            @Param(value = "Image to boot from (id or exact name); with volume_size, boot from a new volume of it"
                    + " instead", maxLength = 255) String image,
            @Param(value = "Existing bootable volume to boot from (id or exact name)", maxLength = 255)
            String bootVolume,
            @Param(value = "Volume snapshot (id or exact name) to boot from a new volume made of it", maxLength = 255)
            String bootSnapshot,
            @Param(value = "Size in GB of the new boot volume (with image or boot_snapshot)", min = 1, max = 16384)
            Integer volumeSize,
            @Param(value = "Delete the boot volume with the server (default: keep it)") Boolean deleteVolumeOnTermination,
            @Param(value = "Server group (id or exact name) to join; its policy (e.g. anti-affinity) places the server",
                    maxLength = 255) String serverGroup,
            @Param(value = "Servers (ids or exact names) to share a compute host with", maxItems = 16)
            List<String> sameHostAs,
            @Param(value = "Servers (ids or exact names) to keep off the compute host of", maxItems = 16)
            List<String> differentHostFrom,
            @Param(value = "Networks to connect (ids or exact names); one port is created on each", maxItems = 16)
            List<String> networks,
            @Param(value = "Existing ports to attach (ids)", maxItems = 16) List<String> ports,
            @Param(value = "SSH key pair name", maxLength = 255) String keyName,
            @Param(value = "Security group names (the project's 'default' when omitted)", maxItems = 16)
            List<String> securityGroups,
            @Param(value = "Availability zone", maxLength = 255) String availabilityZone,
            @Param(value = "User data (e.g. a cloud-init script), plain text; it is base64-encoded for Nova",
                    maxLength = 49152) String userData,
            @Param("Metadata key/values") Map<String, String> metadata,
            @JsonProperty("wait") @Wait("Wait until the server is ACTIVE (or ERROR), reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record ResizeArgs(
            @IdOrName(SERVER) String server,
            @IdOrName("New flavor (id or exact name)") String flavor,
            @JsonProperty("wait") @Wait("Wait until the server is in VERIFY_RESIZE, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record FinishArgs(
            @IdOrName(SERVER) String server,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record MigrateArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Target compute host; the scheduler picks one when omitted", maxLength = 255) String host,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    public record ImageArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Name of the new image", required = true, minLength = 1, maxLength = 255) String name,
            @Param("Metadata (image properties) for the new image") Map<String, String> metadata,
            @JsonProperty("wait") @Wait("Wait until the image is active, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    public record RebuildArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Image to rebuild from (id or exact name); the server's current image when omitted",
                    maxLength = 255) String image,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    private final ServerLifecycleService lifecycle;
    private final ServerCreateService create;

    public ServerLifecycleTools(ServerLifecycleService lifecycle, ServerCreateService create) {
        this.lifecycle = lifecycle;
        this.create = create;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.write("server_create", Toolset.COMPUTE, CreateArgs.class, ServerCreated.class)
                        .title("Servers: Create")
                        .description("Create (boot) a server from an image, from a new volume of an image or"
                                + " volume snapshot (volume_size), or from an existing bootable volume; with a flavor,"
                                + " networks or ports, key pair, security groups, availability zone, user data and"
                                + " metadata; placed by scheduler hints: a server group (see server_group_create),"
                                + " servers to share or avoid a host with (honoured where the cloud enables Nova's"
                                + " SameHostFilter/DifferentHostFilter). Waits until it is ACTIVE (or ERROR, with the"
                                + " reason). Without networks Nova picks the project's only network (and refuses"
                                + " when there are several). The admin password Nova generates is never returned.")
                        .handler((ctx, a) -> create.create(new ServerCreateService.CreateRequest(a.name(),
                                a.flavor(), new ServerCreateService.Boot(a.image(), a.bootVolume(), a.bootSnapshot(),
                                a.volumeSize(), a.deleteVolumeOnTermination()),
                                new ServerCreateService.Placement(a.serverGroup(), a.sameHostAs(),
                                        a.differentHostFrom()), a.networks(), a.ports(), a.keyName(),
                                a.securityGroups(), a.availabilityZone(), a.userData(), a.metadata()),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_resize", Toolset.COMPUTE, ResizeArgs.class, ServerMoved.class)
                        .title("Servers: Resize")
                        .description("Resize a server to another flavor (it is shut down and moved, possibly to"
                                + " another host) and wait until it is in VERIFY_RESIZE. Then check it and finish with"
                                + " server_resize_confirm (keep) or server_resize_revert (go back).")
                        .handler((ctx, a) -> lifecycle.resize(a.server(), a.flavor(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_resize_confirm", Toolset.COMPUTE, FinishArgs.class, ServerMoved.class)
                        .title("Servers: Resize Confirm")
                        .description("Confirm a resize or cold migration of a server in VERIFY_RESIZE: the new"
                                + " flavor and host are kept and the old copy is removed (no revert afterwards)."
                                + " Waits until it is ACTIVE (or SHUTOFF when it was stopped).")
                        .handler((ctx, a) -> lifecycle.finishResize(a.server(), true, a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_resize_revert", Toolset.COMPUTE, FinishArgs.class, ServerMoved.class)
                        .title("Servers: Resize Revert")
                        .description("Revert a resize or cold migration of a server in VERIFY_RESIZE: it goes back"
                                + " to its previous flavor and host. Waits until it is ACTIVE (or SHUTOFF).")
                        .handler((ctx, a) -> lifecycle.finishResize(a.server(), false, a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_migrate", Toolset.COMPUTE, MigrateArgs.class, ServerMoved.class)
                        .adminOnly()
                        .title("Servers: Migrate")
                        .description("Admin only. Cold-migrate a server to another compute host (it is shut down,"
                                + " moved and started again, keeping its flavor) and wait until it is in"
                                + " VERIFY_RESIZE; then server_resize_confirm keeps the move, server_resize_revert"
                                + " undoes it. Use server_live_migrate to move it without downtime.")
                        .handler((ctx, a) -> lifecycle.migrate(a.server(), a.host(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_live_migrate", Toolset.COMPUTE, MigrateArgs.class, ServerMoved.class)
                        .adminOnly()
                        .title("Servers: Live Migrate")
                        .description("Admin only. Live-migrate a running (or paused) server to another compute host"
                                + " without stopping it (block migration when there is no shared storage), and wait"
                                + " until it runs on the new host. Says so when Nova gave up and it stayed put.")
                        .handler((ctx, a) -> lifecycle.liveMigrate(a.server(), a.host(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_image_create", Toolset.COMPUTE, ImageArgs.class, ServerImageCreated.class)
                        .title("Servers: Image Create")
                        .description("Snapshot a server into a new image (Glance) and wait until the image is active."
                                + " The server keeps running; for a consistent snapshot stop it first.")
                        .handler((ctx, a) -> lifecycle.createImage(a.server(), a.name(), a.metadata(),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.destructive("server_rebuild", Toolset.COMPUTE, RebuildArgs.class, ServerRebuilt.class)
                        .title("Servers: Rebuild")
                        .description("Rebuild a server from an image (its current one by default): its root disk is"
                                + " erased and written anew, keeping id, name, flavor, IPs, metadata and attached"
                                + " volumes. The preview names the image now and after and what is lost. Servers"
                                + " that boot from a volume are refused.")
                        .preview((ctx, a) -> lifecycle.rebuildPreview(a.server(), a.image()))
                        .handler((ctx, a) -> lifecycle.rebuild(a.server(), a.image(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build());
    }
}
