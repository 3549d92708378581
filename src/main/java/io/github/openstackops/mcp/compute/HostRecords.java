package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The compact shapes of hypervisors, compute services and availability zones. */
public final class HostRecords {

    private HostRecords() {
    }

    @Doc("A hypervisor (compute node) and its capacity")
    public record Hypervisor(
            @Doc("Hypervisor id") String id,
            @Doc("Hypervisor host name") String hostname,
            @Doc("up or down (whether its nova-compute service reports in)") String state,
            @Doc("enabled or disabled (for scheduling)") String status,
            @Nullable @Doc("Hypervisor type, e.g. QEMU, fake") String type,
            @Nullable @Doc("Host IP") String hostIp,
            @Nullable @Doc("Physical vCPUs") Integer vcpus,
            @Nullable @Doc("vCPUs allocated to servers") Integer vcpusUsed,
            @Nullable @Doc("vCPUs used, in percent (over 100 with CPU overcommit)") Double vcpusUsedPercent,
            @Nullable @Doc("RAM in MiB") Long ramMb,
            @Nullable @Doc("RAM allocated, in MiB") Long ramUsedMb,
            @Nullable @Doc("RAM used, in percent") Double ramUsedPercent,
            @Nullable @Doc("Local disk in GiB") Long diskGb,
            @Nullable @Doc("Local disk allocated, in GiB") Long diskUsedGb,
            @Nullable @Doc("Local disk used, in percent") Double diskUsedPercent,
            @Nullable @Doc("Servers running on it") Integer runningVms,
            @Nullable @Doc("Compute service host") String serviceHost,
            @Nullable @Doc("Why its compute service is disabled") String disabledReason) {
    }

    public static final Page.Kind<Hypervisor> HYPERVISORS = Page.Kind.of(Hypervisor.class, "hypervisors", "hypervisors");

    @Doc("A server on a hypervisor")
    public record HostedServer(@Doc("Server id") String id, @Nullable @Doc("Instance name on the hypervisor (not the server's display name)") String name) {
    }

    @Doc("A hypervisor in detail")
    public record HypervisorDetail(
            @Doc("The hypervisor and its capacity") Hypervisor hypervisor,
            @Nullable @Doc("Hypervisor version") String version,
            @Nullable @Doc("CPU: architecture, vendor, model, topology") String cpu,
            @Doc("Number of servers on it") int serverCount,
            @Doc("Servers on it (the first 50)") List<HostedServer> servers) {
    }

    @Doc("A Nova service on a host (nova-compute, nova-scheduler, nova-conductor, ...)")
    public record ComputeService(
            @Doc("Service id") String id,
            @Doc("Binary, e.g. nova-compute") String binary,
            @Doc("Host") String host,
            @Nullable @Doc("Availability zone") String zone,
            @Doc("enabled or disabled") String status,
            @Doc("up or down") String state,
            @Nullable @Doc("Last heartbeat") String updatedAt,
            @Nullable @Doc("Why it is disabled") String disabledReason,
            @Nullable @Doc("Forced down by an operator") Boolean forcedDown) {
    }

    @Doc("Nova's services and their health")
    public record ComputeServiceList(
            @Doc("Services") List<ComputeService> services,
            @Doc("Number of services listed") int count,
            @Doc("Services that are up") int up,
            @Doc("Services that are down") int down,
            @Doc("Services that are disabled") int disabled) {
    }

    @Doc("A service in an availability zone")
    public record ZoneService(
            @Doc("Binary, e.g. nova-compute") String binary,
            @Doc("Enabled") boolean available,
            @Doc("Up (reporting in)") boolean active) {
    }

    @Doc("A host in an availability zone")
    public record ZoneHost(@Doc("Host name") String host, @Doc("Its Nova services") List<ZoneService> services) {
    }

    @Doc("An availability zone")
    public record Zone(
            @Doc("Zone name") String name,
            @Doc("Whether the zone is available") boolean available,
            @Nullable @Doc("Hosts of the zone and their services (with hosts=true, admin only)") List<ZoneHost> hosts) {
    }

    @Doc("Nova's availability zones")
    public record ZoneList(@Doc("Zones") List<Zone> zones, @Doc("Number of zones") int count) {
    }
}
