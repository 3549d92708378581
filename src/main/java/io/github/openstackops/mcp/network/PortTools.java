package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.network.NetworkTools.NetworkStatus;
import io.github.openstackops.mcp.network.PortRecords.PortDeleted;
import io.github.openstackops.mcp.network.PortRecords.PortDetail;
import jakarta.inject.Singleton;

import java.util.List;

/** Port tools. */
@Singleton
public class PortTools implements ToolProvider {

    static final String PORT = "Port id, or its exact name when that name is unique";

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only ports on this network (id or exact name)", maxLength = 255) String network,
            @Param(value = "Only ports of this device: a server (id or exact name), or any device id such as a"
                    + " router's", maxLength = 255) String device,
            @Param(value = "Only the port holding this fixed IP address", pattern = SubnetService.IP, maxLength = 45) String fixedIp,
            @Param(value = "Only ports with an address on this subnet (id or exact name)", maxLength = 255) String subnet,
            @Param("Only ports with this status") NetworkStatus status,
            @Param(value = "Only ports with this device owner, e.g. compute:nova, network:router_interface,"
                    + " network:dhcp, network:floatingip", maxLength = 64) String deviceOwner,
            @Param(value = "Only the port with exactly this name", maxLength = 255) String name,
            @Param(value = NetworkTools.PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record PortArgs(@IdOrName(PORT) String port) {
    }

    public record CreateArgs(
            @IdOrName(NetworkTools.NETWORK) String network,
            @Param(value = "Name of the new port", maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Subnet to take the address from (id or exact name; default: any subnet of the network)", maxLength = 255) String subnet,
            @Param(value = "Fixed IP address to request (default: the next free one)", pattern = SubnetService.IP, maxLength = 45) String ipAddress,
            @Param(value = "Security groups (ids or exact names; default: the project's default group)", maxItems = 20) List<String> securityGroups,
            @Param("Port security (security groups, anti-spoofing); false also removes the security groups, and is refused unless the operator set ALLOW_WORLD_OPEN_INGRESS=true") Boolean portSecurityEnabled,
            @Param("Administratively up; default true") Boolean adminStateUp) {
    }

    public record UpdateArgs(
            @IdOrName(PORT) String port,
            @Param(value = "New name", maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param(value = "Replaces the security groups (ids or exact names; empty list removes all)", maxItems = 20) List<String> securityGroups,
            @Param("Turn port security on or off; off also removes the security groups, and is refused unless the operator set ALLOW_WORLD_OPEN_INGRESS=true") Boolean portSecurityEnabled,
            @Param("false takes the port administratively down") Boolean adminStateUp,
            @Param(value = "Replaces the extra addresses it may send from (e.g. a VIP); empty list clears them. A /0"
                    + " prefix is refused unless the operator set ALLOW_WORLD_OPEN_INGRESS=true", maxItems = 20)
            List<PortRecords.AddressPair> allowedAddressPairs,
            @Param(value = "Replaces its fixed IPs: list every address it should keep", maxItems = 20)
            List<PortRecords.FixedIpRequest> fixedIps,
            @Param(value = NetworkTools.QOS_POLICY, maxLength = 255) String qosPolicy) {
    }

    private final PortService ports;

    public PortTools(PortService ports) {
        this.ports = ports;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("port_list", Toolset.NETWORK, ListArgs.class, PortRecords.PORTS)
                        .title("Ports: List")
                        .description("List ports, one page at a time, with their addresses and the server (by"
                                + " name) or device using each. Filter by network, device (server name or id),"
                                + " fixed IP, subnet, status, device owner, name or project; Neutron filters. Pass"
                                + " 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> ports.list(a.limit(), a.marker(), new PortService.Filters(a.network(),
                                a.device(), a.fixedIp(), a.subnet(), a.status() == null ? null : a.status().name(),
                                a.deviceOwner(), a.name(), a.projectId())))
                        .build(),
                ToolDefinition.read("port_get", Toolset.NETWORK, PortArgs.class, PortDetail.class)
                        .title("Ports: Get")
                        .description("One port in detail: network, fixed IPs with subnets, MAC, status, the device"
                                + " or server using it, security groups, port security, allowed address pairs,"
                                + " floating IPs and (admin) its binding host and VIF type.")
                        .handler((ctx, a) -> ports.get(a.port()))
                        .build(),
                ToolDefinition.write("port_create", Toolset.NETWORK, CreateArgs.class, PortDetail.class)
                        .title("Ports: Create")
                        .description("Create a port on a network, optionally on a given subnet or with a given fixed"
                                + " IP and security groups, e.g. to reserve an address or attach to a server later.")
                        .handler((ctx, a) -> ports.create(a.network(), a.subnet(), a.ipAddress(),
                                new PortService.Changes(a.name(), a.description(), a.securityGroups(),
                                        a.portSecurityEnabled(), a.adminStateUp()), ctx))
                        .build(),
                ToolDefinition.write("port_update", Toolset.NETWORK, UpdateArgs.class, PortDetail.class)
                        .title("Ports: Update")
                        .description("Change a port's name, description, security groups (replaced whole), port"
                                + " security or admin state. Also its allowed address pairs and fixed IPs (replaced"
                                + " whole) and QoS policy. Only the given fields change.")
                        .handler((ctx, a) -> ports.update(a.port(), new PortService.Changes(a.name(), a.description(),
                                a.securityGroups(), a.portSecurityEnabled(), a.adminStateUp()),
                                new PortService.Replacements(a.allowedAddressPairs(), a.fixedIps(), a.qosPolicy()),
                                ctx))
                        .build(),
                ToolDefinition.destructive("port_delete", Toolset.NETWORK, PortArgs.class, PortDeleted.class)
                        .title("Ports: Delete")
                        .description("Delete a port. The preview names its addresses, the floating IPs that are"
                                + " disassociated and the server that loses the interface. Ports Neutron manages"
                                + " (router interfaces and gateways, floating IPs) are refused with the tool to use"
                                + " instead.")
                        .preview((ctx, a) -> ports.deletePreview(a.port()))
                        .handler((ctx, a) -> ports.delete(a.port(), ctx))
                        .build());
    }
}
