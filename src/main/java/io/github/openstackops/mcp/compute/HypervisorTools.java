package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.cloud.lookup.HypervisorTotals;
import io.github.openstackops.mcp.cloud.lookup.HypervisorTotals.HypervisorStats;
import io.github.openstackops.mcp.compute.HostRecords.ComputeServiceList;
import io.github.openstackops.mcp.compute.HostRecords.HypervisorDetail;
import io.github.openstackops.mcp.compute.HostRecords.ZoneList;
import jakarta.inject.Singleton;

import java.util.List;

/** Compute host tools: hypervisors and their statistics, Nova services, availability zones. */
@Singleton
public class HypervisorTools implements ToolProvider {

    public record ListArgs(
            @Limit("Hypervisors per page") Integer limit,
            @Marker("Id of the last hypervisor of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only hypervisors whose host name contains this text (not paged: at most 'limit' are"
                    + " returned)", maxLength = 255) String hostname) {
    }

    public record GetArgs(
            @IdOrName("Hypervisor id (UUID) or exact host name") String hypervisor) {
    }

    public record NoArgs() {
    }

    public record ServiceListArgs(
            @Param(value = "Only services on this host", maxLength = 255) String host,
            @Param(value = "Only this binary, e.g. nova-compute", maxLength = 255) String binary) {
    }

    public record ZoneArgs(
            @Param(value = "Include each zone's hosts and their services (admin only)", defaultValue = "false") Boolean hosts) {
    }

    private final HypervisorService hypervisors;
    private final HypervisorTotals totals;
    private final ComputeHostsService hosts;

    public HypervisorTools(HypervisorService hypervisors, HypervisorTotals totals, ComputeHostsService hosts) {
        this.hypervisors = hypervisors;
        this.totals = totals;
        this.hosts = hosts;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("hypervisor_list", Toolset.COMPUTE, ListArgs.class, HostRecords.HYPERVISORS)
                        .adminOnly()
                        .title("Hypervisors: List")
                        .description("List the compute nodes with their state and capacity (vCPUs, RAM, disk: total,"
                                + " used, percent) and running servers, one page at a time. Admin only.")
                        .handler((ctx, a) -> hypervisors.list(a.limit(), a.marker(), a.hostname()))
                        .build(),
                ToolDefinition.read("hypervisor_get", Toolset.COMPUTE, GetArgs.class, HypervisorDetail.class)
                        .adminOnly()
                        .title("Hypervisors: Get")
                        .description("One compute node by id or host name: state, capacity, CPU, and the servers"
                                + " running on it. Admin only.")
                        .handler((ctx, a) -> hypervisors.get(a.hypervisor()))
                        .build(),
                ToolDefinition.read("hypervisor_stats", Toolset.COMPUTE, NoArgs.class, HypervisorStats.class)
                        .adminOnly()
                        .title("Hypervisors: Stats")
                        .description("Capacity of all compute nodes together: vCPUs, RAM and disk (total, used,"
                                + " free, percent) and running servers. Admin only.")
                        .handler((ctx, a) -> totals.stats())
                        .build(),
                ToolDefinition.read("compute_service_list", Toolset.COMPUTE, ServiceListArgs.class, ComputeServiceList.class)
                        .adminOnly()
                        .title("Compute Services: List")
                        .description("Nova's services (nova-compute per host, scheduler, conductor) with their state"
                                + " (up/down), status (enabled/disabled) and last heartbeat, optionally for one host"
                                + " or binary. Nova does not page this list; at most 500 are returned. Admin only.")
                        .handler((ctx, a) -> hosts.services(a.host(), a.binary()))
                        .build(),
                ToolDefinition.read("availability_zone_list", Toolset.COMPUTE, ZoneArgs.class, ZoneList.class)
                        .title("Availability Zones: List")
                        .description("Nova's availability zones and whether they are available; hosts=true adds"
                                + " each zone's hosts and services (admin only).")
                        .handler((ctx, a) -> hosts.zones(Boolean.TRUE.equals(a.hosts())))
                        .build());
    }
}
