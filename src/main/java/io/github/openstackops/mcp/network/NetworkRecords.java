package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Networks and subnets, compactly. */
public final class NetworkRecords {

    private NetworkRecords() {
    }

    @Doc("A network, summarised")
    public record NetworkSummary(
            @Doc("Network id") String id,
            @Doc("Network name (may be empty)") String name,
            @Doc("Neutron status, e.g. ACTIVE, DOWN, BUILD, ERROR") String status,
            @Doc("True for an external network (a floating IP pool / router gateway network)") boolean external,
            @Doc("True when shared with every project") boolean shared,
            @Nullable @Doc("MTU in bytes") Integer mtu,
            @Doc("Its subnets as 'name cidr'") List<String> subnets,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<NetworkSummary> NETWORKS = Page.Kind.of(NetworkSummary.class, "networks", "networks");

    @Doc("A subnet as seen from its network")
    public record SubnetBrief(
            @Doc("Subnet id") String id,
            @Nullable @Doc("Subnet name") String name,
            @Doc("CIDR") String cidr,
            @Doc("4 or 6") int ipVersion,
            @Nullable @Doc("Gateway IP; absent when the subnet has none") String gatewayIp) {
    }

    @Doc("A provider segment of a network (admin only)")
    public record Segment(
            @Nullable @Doc("flat, vlan, vxlan, geneve, gre or local") String networkType,
            @Nullable @Doc("Physical network name") String physicalNetwork,
            @Nullable @Doc("VLAN id or tunnel VNI") Integer segmentationId) {
    }

    @Doc("A network in detail")
    public record NetworkDetail(
            @Doc("Network id") String id,
            @Doc("Network name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Neutron status") String status,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("External network (floating IP pool / router gateway network)") boolean external,
            @Doc("Shared with every project") boolean shared,
            @Nullable @Doc("MTU in bytes") Integer mtu,
            @Nullable @Doc("Whether port security (security groups, anti-spoofing) is on by default") Boolean portSecurityEnabled,
            @Doc("Subnets") List<SubnetBrief> subnets,
            @Nullable @Doc("Provider segments; only admins see them") List<Segment> segments,
            @Doc("Availability zones") List<String> availabilityZones,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated,
            @Nullable @Doc("QoS policy applied to its ports") Ref qosPolicy) {
    }

    @Doc("The result of deleting a network")
    public record NetworkDeleted(
            @Doc("Network id") String id,
            @Doc("Network name") String name,
            @Doc("Subnets deleted with it") List<String> subnetsDeleted,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A subnet, summarised")
    public record SubnetSummary(
            @Doc("Subnet id") String id,
            @Doc("Subnet name (may be empty)") String name,
            @Doc("Network id") String networkId,
            @Nullable @Doc("Network name") String network,
            @Doc("CIDR") String cidr,
            @Doc("4 or 6") int ipVersion,
            @Nullable @Doc("Gateway IP; absent when the subnet has none") String gatewayIp,
            @Doc("Whether DHCP is enabled") boolean enableDhcp,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<SubnetSummary> SUBNETS = Page.Kind.of(SubnetSummary.class, "subnets", "subnets");

    @Doc("A subnet in detail")
    public record SubnetDetail(
            @Doc("Subnet id") String id,
            @Doc("Subnet name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("The network it belongs to") Ref network,
            @Doc("CIDR") String cidr,
            @Doc("4 or 6") int ipVersion,
            @Nullable @Doc("Gateway IP; absent when the subnet has none") String gatewayIp,
            @Doc("Whether DHCP is enabled") boolean enableDhcp,
            @Doc("Address ranges Neutron allocates from, as 'start-end'") List<String> allocationPools,
            @Doc("DNS name servers handed out by DHCP") List<String> dnsNameservers,
            @Doc("Static routes handed out by DHCP, as 'destination via nexthop'") List<String> hostRoutes,
            @Nullable @Doc("IPv6 router advertisement mode") String ipv6RaMode,
            @Nullable @Doc("IPv6 address mode") String ipv6AddressMode,
            @Nullable @Doc("Subnet pool it was allocated from") String subnetpoolId,
            @Doc("Service types (e.g. network:floatingip) the subnet is reserved for; empty = any") List<String> serviceTypes,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("The result of deleting a subnet")
    public record SubnetDeleted(
            @Doc("Subnet id") String id,
            @Doc("Subnet name") String name,
            @Doc("CIDR") String cidr,
            @Doc("What happened, in a sentence") String message) {
    }
}
