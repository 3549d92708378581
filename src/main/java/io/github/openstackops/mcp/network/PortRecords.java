package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Ports, compactly. */
public final class PortRecords {

    private PortRecords() {
    }

    @Doc("A port, summarised")
    public record PortSummary(
            @Doc("Port id") String id,
            @Doc("Port name (often empty)") String name,
            @Doc("Network id") String networkId,
            @Nullable @Doc("Network name") String network,
            @Doc("ACTIVE, DOWN, BUILD or ERROR") String status,
            @Doc("MAC address") String macAddress,
            @Doc("Fixed IP addresses") List<String> fixedIps,
            @Nullable @Doc("What uses it: compute:<zone> (a server), network:router_interface, network:dhcp, ...") String deviceOwner,
            @Nullable @Doc("Id of the server, router or other device using it") String deviceId,
            @Nullable @Doc("Name of the server using it, for compute ports") String server,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<PortSummary> PORTS = Page.Kind.of(PortSummary.class, "ports", "ports");

    @Doc("A fixed IP of a port")
    public record FixedIp(
            @Doc("IP address") String ipAddress,
            @Doc("Subnet id") String subnetId,
            @Nullable @Doc("Subnet name") String subnet) {
    }

    @Doc("A port in detail")
    public record PortDetail(
            @Doc("Port id") String id,
            @Doc("Port name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Its network") Ref network,
            @Doc("ACTIVE, DOWN, BUILD or ERROR") String status,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("MAC address") String macAddress,
            @Doc("Fixed IPs with their subnets") List<FixedIp> fixedIps,
            @Nullable @Doc("What uses it, e.g. compute:nova, network:router_interface") String deviceOwner,
            @Nullable @Doc("Id of the device using it") String deviceId,
            @Nullable @Doc("The server using it, for compute ports") Ref server,
            @Doc("Security groups applied to it") List<Ref> securityGroups,
            @Nullable @Doc("Port security (security groups and anti-spoofing) on") Boolean portSecurityEnabled,
            @Doc("Extra addresses allowed through anti-spoofing, as 'ip' or 'ip mac'") List<String> allowedAddressPairs,
            @Nullable @Doc("QoS policy applied to the port itself") Ref qosPolicy,
            @Doc("Floating IPs associated with it") List<String> floatingIps,
            @Nullable @Doc("Host it is bound to (admin only)") String bindingHost,
            @Nullable @Doc("Binding VIF type, e.g. ovs; binding_failed means it could not be plugged (admin only)") String bindingVifType,
            @Nullable @Doc("VNIC type, e.g. normal, direct") String vnicType,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("An address (or prefix) a port may send from besides its own")
    public record AddressPair(
            @Param(value = "IP address or CIDR, e.g. a VIP 10.0.0.250 or 10.0.0.0/28", required = true, minLength = 2,
                    maxLength = 49) String ipAddress,
            @Param(value = "MAC address (default: the port's)", maxLength = 17) String macAddress) {
    }

    @Doc("A fixed IP to give a port")
    public record FixedIpRequest(
            @Param(value = "Subnet (id or exact name); alone: the next free address of it", maxLength = 255) String subnet,
            @Param(value = "The address (keeps it when the port already has it)", pattern = SubnetService.IP, maxLength = 45) String ipAddress) {
    }

    @Doc("The result of deleting a port")
    public record PortDeleted(
            @Doc("Port id") String id,
            @Doc("Port name") String name,
            @Doc("Its addresses, released") List<String> fixedIps,
            @Doc("What happened, in a sentence") String message) {
    }
}
