package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** IP availability, agents, quotas and the topology of a project, compactly. */
public final class NetworkOverviewRecords {

    private NetworkOverviewRecords() {
    }

    @Doc("Address usage of a subnet")
    public record SubnetAvailability(
            @Doc("Subnet id") String subnetId,
            @Nullable @Doc("Subnet name") String name,
            @Doc("CIDR") String cidr,
            @Doc("4 or 6") int ipVersion,
            @Doc("Addresses Neutron can allocate (saturated at 9.2e18 for huge IPv6 subnets)") long totalIps,
            @Doc("Addresses in use") long usedIps,
            @Doc("Addresses still free") long freeIps) {
    }

    @Doc("Address usage of a network and its subnets")
    public record NetworkAvailability(
            @Doc("Network id") String networkId,
            @Nullable @Doc("Network name") String network,
            @Nullable @Doc("Owning project id") String projectId,
            @Doc("Addresses Neutron can allocate") long totalIps,
            @Doc("Addresses in use") long usedIps,
            @Doc("Addresses still free") long freeIps,
            @Doc("Per subnet") List<SubnetAvailability> subnets) {
    }

    @Doc("One page of network IP availability")
    public record IpAvailabilityPage(
            @Doc("Networks on this page") List<NetworkAvailability> networks,
            @Doc("Number of networks on this page") int count,
            @Nullable @Doc("Pass as 'marker' to get the next page; absent on the last page") String nextMarker,
            @Nullable @Doc("Why the list may be empty") String note) {
    }

    @Doc("A Neutron agent")
    public record Agent(
            @Doc("Agent id") String id,
            @Doc("Agent type, e.g. 'Open vSwitch agent', 'L3 agent', 'DHCP agent'") String agentType,
            @Nullable @Doc("Binary, e.g. neutron-openvswitch-agent") String binary,
            @Doc("Host it runs on") String host,
            @Doc("Whether its last heartbeat is recent") boolean alive,
            @Doc("Administratively up") boolean adminStateUp,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Last heartbeat time") String lastHeartbeat) {
    }

    @Doc("One page of Neutron agents")
    public record AgentPage(
            @Doc("Agents on this page") List<Agent> agents,
            @Doc("Number of agents on this page") int count,
            @Doc("Agents on this page that are not alive") int down,
            @Nullable @Doc("Pass as 'marker' to get the next page; absent on the last page") String nextMarker,
            @Nullable @Doc("Why the list may be empty") String note) {
    }

    @Doc("Usage of one network quota")
    public record QuotaUsage(
            @Doc("Resource, e.g. network, subnet, port, router, floatingip, security_group, security_group_rule") String resource,
            @Doc("Limit; -1 means unlimited") int limit,
            @Doc("In use") int used,
            @Doc("Reserved by operations in progress") int reserved,
            @Nullable @Doc("Still available; absent when unlimited") Integer available) {
    }

    @Doc("The network quotas of a project and their usage")
    public record NetworkQuota(
            @Doc("Project id") String projectId,
            @Doc("Each quota") List<QuotaUsage> quotas,
            @Doc("Quotas at 80 % or more of their limit, in words") List<String> nearLimit) {
    }

    @Doc("A server in the topology")
    public record TopologyServer(
            @Doc("Server id") String id,
            @Nullable @Doc("Server name") String name,
            @Doc("Its fixed IPs on this subnet") List<String> fixedIps,
            @Doc("Floating IPs forwarding to those addresses") List<String> floatingIps) {
    }

    @Doc("A subnet in the topology")
    public record TopologySubnet(
            @Doc("Subnet id") String id,
            @Nullable @Doc("Subnet name") String name,
            @Doc("CIDR") String cidr,
            @Nullable @Doc("Gateway IP") String gatewayIp,
            @Doc("Routers on it, e.g. \"router1 at 10.0.0.1\" or \"router1 (gateway) at 203.0.113.5\"") List<String> routers,
            @Doc("Servers with addresses on it") List<TopologyServer> servers,
            @Doc("Other ports with addresses on it (DHCP, unattached, ...)") int otherPorts) {
    }

    @Doc("A network in the topology")
    public record TopologyNetwork(
            @Doc("Network id") String id,
            @Doc("Network name") String name,
            @Doc("External network") boolean external,
            @Doc("Shared network") boolean shared,
            @Doc("Owned by another project (shared or external); only this project's ports are shown") boolean foreign,
            @Doc("Its subnets") List<TopologySubnet> subnets) {
    }

    @Doc("A router in the topology")
    public record TopologyRouter(
            @Doc("Router id") String id,
            @Doc("Router name") String name,
            @Doc("Status") String status,
            @Nullable @Doc("Gateway, e.g. \"public at 203.0.113.114\"; absent without one") String gateway,
            @Doc("Interfaces, e.g. \"private-subnet 10.0.0.0/24 at 10.0.0.1\"") List<String> interfaces) {
    }

    @Doc("How one project's networks, subnets, routers, ports and servers connect")
    public record NetworkTopology(
            @Doc("Project id") String projectId,
            @Doc("Networks with their subnets, routers and servers") List<TopologyNetwork> networks,
            @Doc("Routers with their gateway and interfaces") List<TopologyRouter> routers,
            @Doc("Floating IPs allocated but not attached") List<String> unattachedFloatingIps,
            @Doc("Ports of the project looked at") int ports,
            @Doc("Servers found on those ports") int servers,
            @Doc("True when a limit was reached and the picture is incomplete") boolean truncated,
            @Doc("Things to know about the picture") List<String> notes) {
    }
}
