package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** The compact shapes of the cluster overviews. */
public final class ClusterRecords {

    private ClusterRecords() {
    }

    @Doc("A problem found, most severe first")
    public record Issue(
            @Doc("critical, warning or info") String severity,
            @Doc("compute, network, volume or loadbalancer") String service,
            @Doc("What is wrong, in a sentence") String message) {
    }

    @Doc("A part of the overview that could not be read")
    public record PartFailure(
            @Doc("compute, network, volume or loadbalancer") String service,
            @Doc("Which part, e.g. hypervisors, servers, volumes") String part,
            @Doc("Why, in a sentence") String reason) {
    }

    @Doc("A service of Nova or Cinder on a host")
    public record ServiceState(
            @Doc("Binary, e.g. nova-compute, cinder-volume") String binary,
            @Doc("Host") String host,
            @Nullable @Doc("Availability zone") String zone,
            @Doc("enabled or disabled") String status,
            @Doc("up or down") String state,
            @Nullable @Doc("Why it is disabled") String disabledReason) {
    }

    @Doc("Hypervisors and their utilisation")
    public record HypervisorSummary(
            @Doc("Hypervisors") int count,
            @Doc("Hypervisors up") int up,
            @Doc("Hypervisors down") int down,
            @Doc("Hypervisors disabled for scheduling") int disabled,
            @Doc("Physical vCPUs") long vcpus,
            @Doc("vCPUs allocated") long vcpusUsed,
            @Nullable @Doc("vCPUs allocated, percent (over 100 with overcommit)") Double vcpusUsedPercent,
            @Doc("RAM in MiB") long ramMb,
            @Doc("RAM allocated, MiB") long ramUsedMb,
            @Nullable @Doc("RAM allocated, percent") Double ramUsedPercent,
            @Doc("Local disk in GiB") long diskGb,
            @Doc("Local disk allocated, GiB") long diskUsedGb,
            @Nullable @Doc("Local disk allocated, percent") Double diskUsedPercent,
            @Doc("Servers running on hypervisors") long runningVms) {
    }

    @Doc("Servers counted by status and availability zone")
    public record ServerCounts(
            @Doc("Servers counted") int counted,
            @Doc("True when the count stopped at the scan limit: the counts cover only the first servers") boolean partial,
            @Doc("Servers per status") Map<String, Integer> byStatus,
            @Doc("Servers per availability zone") Map<String, Integer> byAvailabilityZone,
            @Doc("Servers in ERROR (counted separately when the scan was partial)") int error) {
    }

    @Doc("The compute service (Nova)")
    public record ComputeStatus(
            @Doc("ok, partial (some parts failed) or failed") String state,
            @Nullable @Doc("Why parts are missing (the first failure), when the state is not ok") String reason,
            @Nullable @Doc("Hypervisors and utilisation (admin only)") HypervisorSummary hypervisors,
            @Nullable @Doc("Servers by status and zone") ServerCounts servers,
            @Nullable @Doc("Nova services (admin only)") List<ServiceState> services) {
    }

    @Doc("An external (provider) network and the use of its addresses")
    public record ExternalNetwork(
            @Doc("Network id") String id,
            @Nullable @Doc("Network name") String name,
            @Nullable @Doc("Status") String status,
            @Nullable @Doc("Addresses in its subnets (admin only)") Long ipsTotal,
            @Nullable @Doc("Addresses in use (admin only)") Long ipsUsed,
            @Nullable @Doc("Addresses in use, percent") Double ipsUsedPercent) {
    }

    @Doc("Floating IPs")
    public record FloatingIpCounts(
            @Doc("Floating IPs counted") int counted,
            @Doc("True when the count stopped at the scan limit") boolean partial,
            @Doc("Associated with a port") int associated,
            @Doc("Allocated but not associated (idle)") int unassociated) {
    }

    @Doc("Routers")
    public record RouterCounts(
            @Doc("Routers counted") int counted,
            @Doc("True when the count stopped at the scan limit") boolean partial,
            @Doc("Routers per status") Map<String, Integer> byStatus,
            @Doc("Routers with an external gateway") int withGateway,
            @Doc("Routers administratively down") int adminDown) {
    }

    @Doc("Neutron agents")
    public record AgentCounts(
            @Doc("Agents") int count,
            @Doc("Agents alive") int alive,
            @Doc("Agents not reporting (dead)") int dead) {
    }

    @Doc("The network service (Neutron)")
    public record NetworkStatus(
            @Doc("ok, partial (some parts failed) or failed") String state,
            @Nullable @Doc("Why parts are missing (the first failure), when the state is not ok") String reason,
            @Nullable @Doc("External networks") List<ExternalNetwork> externalNetworks,
            @Nullable @Doc("Floating IPs") FloatingIpCounts floatingIps,
            @Nullable @Doc("Routers") RouterCounts routers,
            @Nullable @Doc("Agents (admin only; none where an SDN controller replaces them)") AgentCounts agents) {
    }

    @Doc("Volumes counted by status")
    public record VolumeCounts(
            @Nullable @Doc("All volumes, from Cinder's summary") Integer total,
            @Nullable @Doc("Their total size in GiB, from Cinder's summary") Long totalGb,
            @Doc("Volumes counted by status") int counted,
            @Doc("True when the count stopped at the scan limit") boolean partial,
            @Doc("Volumes per status") Map<String, Integer> byStatus) {
    }

    @Doc("The block storage service (Cinder)")
    public record StorageStatus(
            @Doc("ok, partial (some parts failed) or failed") String state,
            @Nullable @Doc("Why parts are missing (the first failure), when the state is not ok") String reason,
            @Nullable @Doc("Volumes by status") VolumeCounts volumes,
            @Nullable @Doc("Cinder services (admin only)") List<ServiceState> services) {
    }

    @Doc("Load balancers by status")
    public record LoadBalancerCounts(
            @Doc("Load balancers counted") int counted,
            @Doc("Count per provisioning status (ERROR: a change failed)") Map<String, Integer> byProvisioningStatus,
            @Doc("Count per operating status") Map<String, Integer> byOperatingStatus,
            @Doc("Degraded ones (DEGRADED, ERROR or provisioning ERROR), by name; at most 20") List<String> degraded,
            @Doc("True when the scan stopped at the limit: the counts are then partial") boolean partial) {
    }

    @Doc("Load balancing (Octavia)")
    public record LoadBalancingStatus(
            @Doc("ok, failed, or absent (the cloud has no load-balancer service)") String state,
            @Nullable @Doc("Why it is missing, when the state is not ok") String reason,
            @Nullable @Doc("Load balancers by status") LoadBalancerCounts loadBalancers) {
    }

    @Doc("The state of the whole cloud in one answer")
    public record ClusterStatus(
            @Doc("When it was taken") String checkedAt,
            @Doc("cloud (admin: every project) or project (only this project's resources; admin-only parts skipped)") String scope,
            @Doc("Health score, 0-100 (100: nothing wrong)") int healthScore,
            @Doc("healthy (90+), degraded (60+) or critical") String health,
            @Doc("Problems found, most severe first") List<Issue> issues,
            @Doc("Nova") ComputeStatus compute,
            @Doc("Neutron") NetworkStatus network,
            @Doc("Cinder") StorageStatus storage,
            @Doc("Octavia") LoadBalancingStatus loadBalancing,
            @Doc("Parts that could not be read, and why") List<PartFailure> failures,
            @Doc("Parts not read because they need admin") List<String> skipped,
            @Doc("How long it took, in milliseconds") long durationMs) {
    }

    @Doc("A catalog service probed")
    public record ServiceProbe(
            @Doc("Service type, e.g. compute, network, volumev3") String type,
            @Nullable @Doc("Service name, e.g. nova") String name,
            @Doc("Endpoint this server calls") String endpoint,
            @Doc("URL probed (the endpoint's version document)") String probedUrl,
            @Doc("ok (answered), error (answered 5xx) or unreachable") String status,
            @Nullable @Doc("HTTP status of the answer") Integer httpStatus,
            @Nullable @Doc("Time to the answer, in milliseconds") Long latencyMs,
            @Nullable @Doc("Current API version, e.g. v2.1") String apiVersion,
            @Nullable @Doc("Highest microversion, where the service has them") String maxMicroversion,
            @Nullable @Doc("Why it is not ok") String error) {
    }

    @Doc("Reachability and latency of every catalog service")
    public record ServiceStatusReport(
            @Doc("When it was checked") String checkedAt,
            @Doc("Interface of the endpoints (public, internal, admin)") String endpointInterface,
            @Doc("The services") List<ServiceProbe> services,
            @Doc("Services probed") int count,
            @Doc("Services that answered") int ok,
            @Doc("Services that did not answer or answered 5xx") int failing) {
    }

    @Doc("A quota and how close it is to its limit")
    public record QuotaPressure(
            @Doc("Project id") String projectId,
            @Nullable @Doc("Project name") String projectName,
            @Doc("compute, network or volume") String service,
            @Doc("Resource, e.g. instances, cores, ram_mb, gigabytes, ports") String resource,
            @Doc("In use (including reserved)") long inUse,
            @Doc("The quota") long limit,
            @Doc("In use, percent of the quota") double percentUsed,
            @Doc("ok (<75%), warning (75%+), critical (90%+) or exceeded (over 100%)") String level) {
    }

    @Doc("A project whose quotas could not be read")
    public record ProjectFailure(
            @Doc("Project id") String projectId,
            @Nullable @Doc("Project name") String projectName,
            @Doc("compute, network or volume; 'all' when none could be read") String service,
            @Doc("Why, in a sentence") String reason) {
    }

    @Doc("Quota use per project, the resources nearest their limits first")
    public record ResourceMonitorReport(
            @Doc("Projects whose quotas were read") int projectsScanned,
            @Doc("Projects there are (all_projects) or 1") int projectsTotal,
            @Doc("True when not every project was scanned (max_projects)") boolean partial,
            @Doc("Only resources at or above this percentage are listed") double thresholdPercent,
            @Doc("Resources with a finite quota, nearest their limits first") List<QuotaPressure> resources,
            @Doc("Number of resources listed") int count,
            @Doc("Resources at 90% or more of their quota") int critical,
            @Doc("Resources at 75-90% of their quota") int warning,
            @Doc("Quotas that could not be read") List<ProjectFailure> failures) {
    }
}
