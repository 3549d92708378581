package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.compute.ServerRecords.AttachedVolume;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** What is attached to a server (volumes, network interfaces, security groups, metadata), and changes to it. */
public final class ServerAttachmentRecords {

    private ServerAttachmentRecords() {
    }

    @Doc("The volumes attached to a server")
    public record ServerVolumes(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("Attached volumes") List<AttachedVolume> volumes,
            @Doc("Number of attached volumes") int count) {
    }

    @Doc("A volume attached to or detached from a server")
    public record VolumeChange(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("attach or detach") String action,
            @Doc("Volume id") String volumeId,
            @Nullable @Doc("Volume name") String volumeName,
            @Nullable @Doc("Device inside the server") String device,
            @Nullable @Doc("Cinder status when the call returned: in-use once attached, available once detached")
            String volumeStatus,
            @Doc("Whether the volume reached that status") boolean reachedTarget,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A network interface (Neutron port) of a server")
    public record Interface(
            @Doc("Port id") String portId,
            @Nullable @Doc("Network id") String networkId,
            @Nullable @Doc("Network name") String networkName,
            @Nullable @Doc("MAC address") String macAddress,
            @Nullable @Doc("Port status, e.g. ACTIVE, DOWN") String portState,
            @Doc("Fixed IP addresses") List<String> fixedIps,
            @Doc("Floating IP addresses mapped to this port") List<String> floatingIps) {
    }

    @Doc("The network interfaces of a server")
    public record ServerInterfaces(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("Interfaces") List<Interface> interfaces,
            @Doc("Number of interfaces") int count) {
    }

    @Doc("A network interface attached to or detached from a server")
    public record InterfaceChange(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("attach or detach") String action,
            @Doc("Port id") String portId,
            @Nullable @Doc("Network id") String networkId,
            @Doc("Fixed IP addresses of the port") List<String> fixedIps,
            @Nullable @Doc("MAC address") String macAddress,
            @Doc("Whether the change is complete (detach: the port is no longer on the server)") boolean reachedTarget,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A security group added to or removed from a server")
    public record SecurityGroupChange(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("add or remove") String action,
            @Doc("The security group's name") String group,
            @Doc("The server's security groups afterwards") List<String> securityGroups,
            @Doc("Whether anything changed") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("Metadata of a server after a change")
    public record MetadataChange(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("All metadata afterwards") Map<String, String> metadata,
            @Doc("Keys that were set") List<String> setKeys,
            @Doc("Keys that were deleted") List<String> deletedKeys,
            @Doc("What happened, in a sentence") String message) {
    }
}
