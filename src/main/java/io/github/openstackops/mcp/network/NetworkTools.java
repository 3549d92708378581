package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.network.NetworkRecords.NetworkDeleted;
import io.github.openstackops.mcp.network.NetworkRecords.NetworkDetail;
import io.github.openstackops.mcp.network.NetworkRecords.SubnetDeleted;
import io.github.openstackops.mcp.network.NetworkRecords.SubnetDetail;
import io.github.openstackops.mcp.network.SubnetService.AllocationPool;
import io.github.openstackops.mcp.network.SubnetService.HostRoute;
import jakarta.inject.Singleton;

import java.util.List;

/** Network and subnet tools. */
@Singleton
public class NetworkTools implements ToolProvider {

    static final String NETWORK = "Network id, or its exact name when that name is unique";
    static final String SUBNET = "Subnet id, or its exact name when that name is unique";
    static final String QOS_POLICY = "QoS policy to apply (id or exact name); \"\" detaches the current one";
    static final String PROJECT_FILTER = "Only those of this project id (admins see every project's; others only"
            + " their own and shared ones)";

    @io.github.openstackops.mcp.catalog.schema.Verbatim
    public enum NetworkStatus { ACTIVE, DOWN, BUILD, ERROR }

    public record NetworkListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the network with exactly this name", maxLength = 255) String name,
            @Param("true: only external networks (floating IP pools); false: only internal ones") Boolean external,
            @Param("true: only networks shared with every project; false: only unshared ones") Boolean shared,
            @Param("Only networks with this status") NetworkStatus status,
            @Param(value = PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record NetworkArgs(@IdOrName(NETWORK) String network) {
    }

    public record NetworkCreateArgs(
            @Param(value = "Name of the new network", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "MTU in bytes (default: the cloud's maximum for the network type)", min = 68, max = 65535) Integer mtu,
            @Param("Port security (security groups, anti-spoofing) on new ports; default true; false is refused unless the operator set ALLOW_WORLD_OPEN_INGRESS=true") Boolean portSecurityEnabled,
            @Param("Administratively up; default true") Boolean adminStateUp,
            @Param("Share with every project (admin only)") Boolean shared,
            @Param("Make it an external network, usable as floating IP pool and router gateway (admin only)") Boolean external,
            @Param(value = "Provider network type: flat, vlan, vxlan, geneve, gre, local (admin only)", maxLength = 32) String providerNetworkType,
            @Param(value = "Provider physical network, for flat and vlan (admin only)", maxLength = 64) String providerPhysicalNetwork,
            @Param(value = "VLAN id or tunnel VNI (admin only)", min = 0, max = 16777215) Integer providerSegmentationId) {
    }

    public record NetworkUpdateArgs(
            @IdOrName(NETWORK) String network,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param(value = "New MTU in bytes", min = 68, max = 65535) Integer mtu,
            @Param("Port security default for new ports; false is refused unless the operator set ALLOW_WORLD_OPEN_INGRESS=true") Boolean portSecurityEnabled,
            @Param("false takes the network administratively down") Boolean adminStateUp,
            @Param("Share with every project, or stop sharing (admin only)") Boolean shared,
            @Param("Make external, or internal again (admin only)") Boolean external,
            @Param(value = QOS_POLICY, maxLength = 255) String qosPolicy) {
    }

    public record SubnetListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only subnets of this network (id or exact name)", maxLength = 255) String network,
            @Param(value = "Only IPv4 (4) or IPv6 (6) subnets", min = 4, max = 6) Integer ipVersion,
            @Param(value = "Only the subnet with exactly this name", maxLength = 255) String name,
            @Param(value = "Only the subnet with exactly this CIDR", maxLength = 49) String cidr,
            @Param(value = PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record SubnetArgs(@IdOrName(SUBNET) String subnet) {
    }

    public record SubnetCreateArgs(
            @IdOrName(NETWORK) String network,
            @Param(value = "CIDR, e.g. 10.1.0.0/24 or fd00:1::/64", required = true, minLength = 3, maxLength = 49) String cidr,
            @Param(value = "Name of the new subnet", maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "4 or 6 (default: from the CIDR)", min = 4, max = 6) Integer ipVersion,
            @Param(value = "Gateway IP (default: the first address of the CIDR)", pattern = SubnetService.IP, maxLength = 45) String gatewayIp,
            @Param("true: no gateway at all (an isolated subnet)") Boolean disableGateway,
            @Param("DHCP on the subnet; default true") Boolean enableDhcp,
            @Param(value = "DNS name servers to hand out", maxItems = 10) List<String> dnsNameservers,
            @Param(value = "Address ranges to allocate from (default: the whole CIDR but the gateway)", maxItems = 20) List<AllocationPool> allocationPools,
            @Param(value = "Static routes to hand out", maxItems = 20) List<HostRoute> hostRoutes) {
    }

    public record SubnetUpdateArgs(
            @IdOrName(SUBNET) String subnet,
            @Param(value = "New name", maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param(value = "New gateway IP", pattern = SubnetService.IP, maxLength = 45) String gatewayIp,
            @Param("true: remove the gateway") Boolean disableGateway,
            @Param("Turn DHCP on or off") Boolean enableDhcp,
            @Param(value = "Replaces the DNS name servers (empty list clears them)", maxItems = 10) List<String> dnsNameservers,
            @Param(value = "Replaces the allocation pools", maxItems = 20) List<AllocationPool> allocationPools,
            @Param(value = "Replaces the host routes (empty list clears them)", maxItems = 20) List<HostRoute> hostRoutes) {
    }

    private final NetworkService networks;
    private final SubnetService subnets;

    public NetworkTools(NetworkService networks, SubnetService subnets) {
        this.networks = networks;
        this.subnets = subnets;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("network_list", Toolset.NETWORK, NetworkListArgs.class, NetworkRecords.NETWORKS)
                        .title("Networks: List")
                        .description("List networks visible to the project (its own, shared and external ones; an"
                                + " admin sees every project's), one page at a time, with their subnets. Filter by"
                                + " name, external (floating IP pools), shared, status or project; Neutron filters."
                                + " Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> networks.list(a.limit(), a.marker(), new NetworkService.Filters(a.name(),
                                a.external(), a.shared(), a.status() == null ? null : a.status().name(), a.projectId())))
                        .build(),
                ToolDefinition.read("network_get", Toolset.NETWORK, NetworkArgs.class, NetworkDetail.class)
                        .title("Networks: Get")
                        .description("One network in detail: status, external and shared flags, MTU, port security,"
                                + " its subnets (CIDR, gateway) and, for admins, its provider segments (type,"
                                + " physical network, VLAN/VNI).")
                        .handler((ctx, a) -> networks.get(a.network()))
                        .build(),
                ToolDefinition.write("network_create", Toolset.NETWORK, NetworkCreateArgs.class, NetworkDetail.class)
                        .title("Networks: Create")
                        .description("Create a network in the project. Add a subnet with subnet_create before ports"
                                + " can get addresses. shared, external and provider settings are admin only.")
                        .handler((ctx, a) -> networks.create(new NetworkService.Changes(a.name(), a.description(),
                                a.adminStateUp(), a.mtu(), a.portSecurityEnabled(), a.shared(), a.external(),
                                a.providerNetworkType(), a.providerPhysicalNetwork(), a.providerSegmentationId()), ctx))
                        .build(),
                ToolDefinition.write("network_update", Toolset.NETWORK, NetworkUpdateArgs.class, NetworkDetail.class)
                        .title("Networks: Update")
                        .description("Change a network's name, description, MTU, port security default or admin"
                                + " state (shared and external: admin only). Also applies or detaches a QoS policy."
                                + " Only the given fields change.")
                        .handler((ctx, a) -> networks.update(a.network(), new NetworkService.Changes(a.name(),
                                a.description(), a.adminStateUp(), a.mtu(), a.portSecurityEnabled(), a.shared(),
                                a.external(), null, null, null), a.qosPolicy(), ctx))
                        .build(),
                ToolDefinition.destructive("network_delete", Toolset.NETWORK, NetworkArgs.class, NetworkDeleted.class)
                        .title("Networks: Delete")
                        .description("Delete a network with its subnets. Refused while servers, router interfaces or"
                                + " other ports still use it: the refusal names each one and the tool that detaches"
                                + " it. The preview names the subnets that go.")
                        .preview((ctx, a) -> networks.deletePreview(a.network()))
                        .handler((ctx, a) -> networks.delete(a.network(), ctx))
                        .build(),
                ToolDefinition.read("subnet_list", Toolset.NETWORK, SubnetListArgs.class, NetworkRecords.SUBNETS)
                        .title("Subnets: List")
                        .description("List subnets, one page at a time, optionally of one network, one IP version,"
                                + " or with an exact name or CIDR; Neutron filters. Pass 'next_marker' as 'marker'"
                                + " for the next page.")
                        .handler((ctx, a) -> subnets.list(a.limit(), a.marker(), a.network(), a.ipVersion(), a.name(),
                                a.cidr(), a.projectId()))
                        .build(),
                ToolDefinition.read("subnet_get", Toolset.NETWORK, SubnetArgs.class, SubnetDetail.class)
                        .title("Subnets: Get")
                        .description("One subnet in detail: network, CIDR, gateway, DHCP, allocation pools, DNS"
                                + " servers, host routes and IPv6 modes.")
                        .handler((ctx, a) -> subnets.get(a.subnet()))
                        .build(),
                ToolDefinition.write("subnet_create", Toolset.NETWORK, SubnetCreateArgs.class, SubnetDetail.class)
                        .title("Subnets: Create")
                        .description("Add a subnet (CIDR) to a network, optionally with its gateway, DHCP setting,"
                                + " allocation pools, DNS servers and host routes. Attach it to a router with"
                                + " router_interface_add to reach other networks.")
                        .handler((ctx, a) -> subnets.create(a.network(), a.cidr(), a.ipVersion(),
                                new SubnetService.Changes(a.name(), a.description(), a.gatewayIp(), a.disableGateway(),
                                        a.enableDhcp(), a.dnsNameservers(), a.allocationPools(), a.hostRoutes()), ctx))
                        .build(),
                ToolDefinition.write("subnet_update", Toolset.NETWORK, SubnetUpdateArgs.class, SubnetDetail.class)
                        .title("Subnets: Update")
                        .description("Change a subnet's name, description, gateway, DHCP, DNS servers, allocation"
                                + " pools or host routes. Only the given fields change; lists are replaced whole.")
                        .handler((ctx, a) -> subnets.update(a.subnet(), new SubnetService.Changes(a.name(),
                                a.description(), a.gatewayIp(), a.disableGateway(), a.enableDhcp(), a.dnsNameservers(),
                                a.allocationPools(), a.hostRoutes()), ctx))
                        .build(),
                ToolDefinition.destructive("subnet_delete", Toolset.NETWORK, SubnetArgs.class, SubnetDeleted.class)
                        .title("Subnets: Delete")
                        .description("Delete a subnet. Refused while servers, router interfaces, gateways or floating"
                                + " IPs still hold addresses on it: the refusal names each one and the tool that"
                                + " frees it.")
                        .preview((ctx, a) -> subnets.deletePreview(a.subnet()))
                        .handler((ctx, a) -> subnets.delete(a.subnet(), ctx))
                        .build());
    }
}
