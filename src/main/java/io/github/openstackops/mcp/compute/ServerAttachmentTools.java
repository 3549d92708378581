package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.InterfaceChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.MetadataChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.SecurityGroupChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.ServerInterfaces;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.ServerVolumes;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.VolumeChange;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.compute.ServerTools.SERVER;

/** What hangs on a server: volumes, network interfaces, security groups, metadata. */
@Singleton
public class ServerAttachmentTools implements ToolProvider {

    public record ServerArgs(@IdOrName(SERVER) String server) {
    }

    public record VolumeAttachArgs(
            @IdOrName(SERVER) String server,
            @IdOrName("Volume (id or exact name); it must be available") String volume,
            @Param(value = "Device name to ask for, e.g. /dev/vdb (hypervisors may ignore it)", maxLength = 64,
                    pattern = "^/dev/[a-z0-9]+$") String device,
            @JsonProperty("wait") @Wait("Wait until Cinder reports the volume in-use") Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    public record VolumeDetachArgs(
            @IdOrName(SERVER) String server,
            @IdOrName("Attached volume (id or exact name)") String volume,
            @JsonProperty("wait") @Wait("Wait until the volume is detached") Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    public record InterfaceAttachArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Network to create a new port on (id or exact name); give this or port", maxLength = 255)
            String network,
            @Param(value = "Existing unattached port id; give this or network", maxLength = 64) String port,
            @Param(value = "Fixed IP to ask for on the network", maxLength = 64) String fixedIp) {
    }

    public record InterfaceDetachArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Port id of the interface (see server_interface_list)", required = true, minLength = 1,
                    maxLength = 64) String port,
            @JsonProperty("wait") @Wait("Wait until the port is off the server") Boolean waitUntilDone,
            @Timeout(seconds = 120, max = 1800) Integer timeoutSeconds) {
    }

    public record SecurityGroupArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Security group (id, or exact name in the server's project)", required = true,
                    minLength = 1, maxLength = 255) String group) {
    }

    public record MetadataArgs(
            @IdOrName(SERVER) String server,
            @Param("Keys to set (added or overwritten); other keys are kept") Map<String, String> metadata,
            @Param(value = "Keys to delete", maxItems = 128) List<String> deleteKeys) {
    }

    private final ServerAttachmentService attachments;

    public ServerAttachmentTools(ServerAttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("server_volume_list", Toolset.COMPUTE, ServerArgs.class, ServerVolumes.class)
                        .title("Servers: Volume List")
                        .description("The volumes attached to a server: id, name, device, size and Cinder status."
                                + " Nova returns them all at once (a server has a handful).")
                        .handler((ctx, a) -> attachments.volumes(a.server()))
                        .build(),
                ToolDefinition.write("server_volume_attach", Toolset.COMPUTE, VolumeAttachArgs.class,
                                VolumeChange.class)
                        .title("Servers: Volume Attach")
                        .description("Attach an available volume to a server and wait until it is in-use; says the"
                                + " device it got.")
                        .handler((ctx, a) -> attachments.attachVolume(a.server(), a.volume(), a.device(),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_volume_detach", Toolset.COMPUTE, VolumeDetachArgs.class,
                                VolumeChange.class)
                        .title("Servers: Volume Detach")
                        .description("Detach a volume from a server and wait until it is available again; the"
                                + " volume and its data are kept. Unmount it inside the server first. A server's boot"
                                + " volume cannot be detached.")
                        .handler((ctx, a) -> attachments.detachVolume(a.server(), a.volume(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.read("server_interface_list", Toolset.COMPUTE, ServerArgs.class,
                                ServerInterfaces.class)
                        .title("Servers: Interface List")
                        .description("The network interfaces (Neutron ports) of a server: port, network, MAC, state,"
                                + " fixed IPs and the floating IPs mapped to each.")
                        .handler((ctx, a) -> attachments.interfaces(a.server()))
                        .build(),
                ToolDefinition.write("server_interface_attach", Toolset.COMPUTE, InterfaceAttachArgs.class,
                                InterfaceChange.class)
                        .title("Servers: Interface Attach")
                        .description("Attach a network interface to a server: a new port on a network (optionally"
                                + " with a given fixed IP) or an existing unattached port.")
                        .handler((ctx, a) -> attachments.attachInterface(a.server(), a.network(), a.port(),
                                a.fixedIp(), ctx))
                        .build(),
                ToolDefinition.destructive("server_interface_detach", Toolset.COMPUTE, InterfaceDetachArgs.class,
                                InterfaceChange.class)
                        .title("Servers: Interface Detach")
                        .description("Detach a network interface (port) from a server and wait until it is off. A"
                                + " port Nova created for the server is deleted with its IP; a port created"
                                + " beforehand is kept. The preview names the port, its fixed IPs and floating IPs.")
                        .preview((ctx, a) -> attachments.detachInterfacePreview(a.server(), a.port()))
                        .handler((ctx, a) -> attachments.detachInterface(a.server(), a.port(), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("server_security_group_add", Toolset.COMPUTE, SecurityGroupArgs.class,
                                SecurityGroupChange.class)
                        .title("Servers: Security Group Add")
                        .description("Add a security group to every port of a server; returns its groups afterwards."
                                + " Nothing happens when it already has the group.")
                        .handler((ctx, a) -> attachments.securityGroup(a.server(), a.group(), true))
                        .build(),
                ToolDefinition.write("server_security_group_remove", Toolset.COMPUTE, SecurityGroupArgs.class,
                                SecurityGroupChange.class)
                        .title("Servers: Security Group Remove")
                        .description("Remove a security group from every port of a server; returns its groups"
                                + " afterwards. Nothing happens when it does not have the group.")
                        .handler((ctx, a) -> attachments.securityGroup(a.server(), a.group(), false))
                        .build(),
                ToolDefinition.write("server_metadata_set", Toolset.COMPUTE, MetadataArgs.class, MetadataChange.class)
                        .title("Servers: Metadata Set")
                        .description("Set metadata keys on a server (other keys are kept) and/or delete keys;"
                                + " returns all metadata afterwards.")
                        .handler((ctx, a) -> attachments.setMetadata(a.server(), a.metadata(), a.deleteKeys()))
                        .build());
    }
}
