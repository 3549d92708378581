package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.AgentPage;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.IpAvailabilityPage;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.NetworkQuota;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.NetworkTopology;
import jakarta.inject.Singleton;

import java.util.List;

/** Cross-resource network views: IP availability, agents, quotas, topology. */
@Singleton
public class NetworkOverviewTools implements ToolProvider {

    static final String PROJECT = "Project id or exact name (default: the project of the configured credentials;"
            + " another project needs admin)";

    public record AvailabilityArgs(
            @Limit Integer limit,
            @Marker("Network id of the last item of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only this network (id or exact name)", maxLength = 255) String network,
            @Param(value = "Only IPv4 (4) or IPv6 (6) subnets", min = 4, max = 6) Integer ipVersion,
            @Param(value = "Only networks of this project id", maxLength = 64) String projectId) {
    }

    public record AgentArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only agents of this type, e.g. 'L3 agent', 'DHCP agent', 'Open vSwitch agent'", maxLength = 64) String agentType,
            @Param(value = "Only agents on this host", maxLength = 255) String host,
            @Param("true: only live agents; false: only dead ones") Boolean alive) {
    }

    public record ProjectArgs(@Param(value = PROJECT, maxLength = 64) String project) {
    }

    private final NetworkOverviewService overview;

    public NetworkOverviewTools(NetworkOverviewService overview) {
        this.overview = overview;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("network_ip_availability", Toolset.NETWORK, AvailabilityArgs.class, IpAvailabilityPage.class)
                        .adminOnly()
                        .title("Networks: IP Availability")
                        .description("How many addresses each network and each of its subnets has, uses and has"
                                + " free, one page at a time; find networks running out of IPs. Admin only in"
                                + " Neutron's default policy (other users get an empty list and a note).")
                        .handler((ctx, a) -> overview.ipAvailability(a.limit(), a.marker(), a.network(), a.ipVersion(),
                                a.projectId()))
                        .build(),
                ToolDefinition.read("network_agent_list", Toolset.NETWORK, AgentArgs.class, AgentPage.class)
                        .adminOnly()
                        .title("Network Agents: List")
                        .description("List Neutron agents (L3, DHCP, Open vSwitch, metadata, ...) with host, type and"
                                + " whether each is alive, one page at a time; spot dead agents. Admin only (other"
                                + " users get an empty list and a note). Clouds without agents (e.g. OVN, SDN"
                                + " controllers) list none.")
                        .handler((ctx, a) -> overview.agents(a.limit(), a.marker(), a.agentType(), a.host(), a.alive()))
                        .build(),
                ToolDefinition.read("network_quota_get", Toolset.NETWORK, ProjectArgs.class, NetworkQuota.class)
                        .title("Network Quotas: Get")
                        .description("A project's network quotas (networks, subnets, ports, routers, floating IPs,"
                                + " security groups and rules, ...) with what is used, reserved and still available,"
                                + " and which are at 80 % or more.")
                        .handler((ctx, a) -> overview.quota(a.project()))
                        .build(),
                ToolDefinition.read("network_topology", Toolset.NETWORK, ProjectArgs.class, NetworkTopology.class)
                        .title("Networks: Topology")
                        .description("How one project's network is wired, in one bounded summary: networks →"
                                + " subnets → routers on them and servers (with fixed and floating IPs) → routers'"
                                + " gateways and interfaces, plus unattached floating IPs. Limited to 50 networks,"
                                + " 50 routers, 500 ports, 200 floating IPs and 50 servers per subnet.")
                        .handler((ctx, a) -> overview.topology(a.project()))
                        .build());
    }
}
