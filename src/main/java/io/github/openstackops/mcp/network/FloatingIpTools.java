package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Verbatim;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIp;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIpChange;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIpPoolPage;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIpReleased;
import jakarta.inject.Singleton;

import java.util.List;

/** Floating IP tools. */
@Singleton
public class FloatingIpTools implements ToolProvider {

    static final String FIP = "The floating IP: its address (e.g. 203.0.113.10) or id";

    @Verbatim
    public enum FipStatus { ACTIVE, DOWN, ERROR }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only those of this pool (external network id or exact name)", maxLength = 255) String network,
            @Param(value = "Only those attached to this server (id or exact name)", maxLength = 255) String server,
            @Param(value = "Only the one associated with this port (id or exact name)", maxLength = 255) String port,
            @Param(value = "Only the one forwarding to this fixed IP", pattern = SubnetService.IP, maxLength = 45) String fixedIp,
            @Param(value = "Only the one with this public address", pattern = SubnetService.IP, maxLength = 45) String address,
            @Param("Only those with this status") FipStatus status,
            @Param(value = NetworkTools.PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record FipArgs(@Param(value = FIP, required = true, minLength = 1, maxLength = 64) String floatingIp) {
    }

    public record PoolArgs(
            @Limit Integer limit,
            @Marker String marker) {
    }

    public record CreateArgs(
            @Param(value = "Pool to allocate from: external network id or exact name (default: the only one, when"
                    + " there is exactly one)", maxLength = 255) String network,
            @Param(value = "Subnet of the pool to allocate from (id or exact name)", maxLength = 255) String subnet,
            @Param(value = "A specific address to allocate (usually admin only)", pattern = SubnetService.IP, maxLength = 45) String floatingIpAddress,
            @Param(value = "Description", maxLength = 255) String description) {
    }

    public record AssociateArgs(
            @Param(value = FIP, required = true, minLength = 1, maxLength = 64) String floatingIp,
            @Param(value = "Server to attach it to (id or exact name); its port is picked: the one with 'fixed_ip',"
                    + " its only port, or the only one routed to the floating IP's network", maxLength = 255) String server,
            @Param(value = "Instead of a server: the port (id or exact name) to attach it to", maxLength = 255) String port,
            @Param(value = "Which fixed IP of the port or server to forward to, when it has several",
                    pattern = SubnetService.IP, maxLength = 45) String fixedIp) {
    }

    public record UpdateArgs(
            @Param(value = FIP, required = true, minLength = 1, maxLength = 64) String floatingIp,
            @Param(value = "New description; \"\" clears it", maxLength = 255) String description,
            @Param(value = NetworkTools.QOS_POLICY, maxLength = 255) String qosPolicy) {
    }

    private final FloatingIpService fips;

    public FloatingIpTools(FloatingIpService fips) {
        this.fips = fips;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("floating_ip_list", Toolset.NETWORK, ListArgs.class, FloatingIpRecords.FLOATING_IPS)
                        .title("Floating IPs: List")
                        .description("List floating IPs, one page at a time, each with its pool, fixed IP and the"
                                + " server (by name) it is attached to. Filter by pool, server, port, fixed IP,"
                                + " address, status or project; Neutron filters. Unattached ones have no port."
                                + " Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> fips.list(a.limit(), a.marker(), new FloatingIpService.Filters(a.network(),
                                a.server(), a.port(), a.fixedIp(), a.address(),
                                a.status() == null ? null : a.status().name(), a.projectId())))
                        .build(),
                ToolDefinition.read("floating_ip_get", Toolset.NETWORK, FipArgs.class, FloatingIp.class)
                        .title("Floating IPs: Get")
                        .description("One floating IP by address or id: its pool, status, fixed IP, port, router and"
                                + " the server it is attached to.")
                        .handler((ctx, a) -> fips.get(a.floatingIp()))
                        .build(),
                ToolDefinition.read("floating_ip_pool_list", Toolset.NETWORK, PoolArgs.class, FloatingIpPoolPage.class)
                        .title("Floating IP Pools: List")
                        .description("List the floating IP pools (external networks) with their subnets and, for"
                                + " admins, how many addresses are free (Neutron's IP availability API is admin"
                                + " only by default; for other users the counts are absent and a note says why).")
                        .handler((ctx, a) -> fips.pools(a.limit(), a.marker()))
                        .build(),
                ToolDefinition.write("floating_ip_create", Toolset.NETWORK, CreateArgs.class, FloatingIp.class)
                        .title("Floating IPs: Create")
                        .description("Allocate a floating IP to the project from a pool (external network). Attach it"
                                + " with floating_ip_associate. Counts against the floating IP quota.")
                        .handler((ctx, a) -> fips.create(a.network(), a.subnet(), a.floatingIpAddress(),
                                a.description(), ctx))
                        .build(),
                ToolDefinition.write("floating_ip_update", Toolset.NETWORK, UpdateArgs.class, FloatingIp.class)
                        .title("Floating IPs: Update")
                        .description("Set a floating IP's description and/or QoS policy (e.g. a bandwidth limit on"
                                + " its traffic; \"\" detaches it).")
                        .handler((ctx, a) -> fips.update(a.floatingIp(), a.description(), a.qosPolicy(), ctx))
                        .build(),
                ToolDefinition.write("floating_ip_associate", Toolset.NETWORK, AssociateArgs.class, FloatingIpChange.class)
                        .title("Floating IPs: Associate")
                        .description("Attach a floating IP (by address or id) to a server (by name or id; its port is"
                                + " picked) or to a port. Refused when it is already attached elsewhere: disassociate"
                                + " first. The server's subnet must be routed to the pool's network.")
                        .handler((ctx, a) -> fips.associate(a.floatingIp(), a.server(), a.port(), a.fixedIp(), ctx))
                        .build(),
                ToolDefinition.write("floating_ip_disassociate", Toolset.NETWORK, FipArgs.class, FloatingIpChange.class)
                        .title("Floating IPs: Disassociate")
                        .description("Detach a floating IP from its server or port; it stays allocated to the project"
                                + " (release it with floating_ip_delete).")
                        .handler((ctx, a) -> fips.disassociate(a.floatingIp(), ctx))
                        .build(),
                ToolDefinition.destructive("floating_ip_delete", Toolset.NETWORK, FipArgs.class, FloatingIpReleased.class)
                        .title("Floating IPs: Delete")
                        .description("Release a floating IP back to its pool. The preview names the server that"
                                + " loses it and the port forwardings deleted with it (first).")
                        .preview((ctx, a) -> fips.deletePreview(a.floatingIp()))
                        .handler((ctx, a) -> fips.delete(a.floatingIp(), ctx))
                        .build());
    }
}
