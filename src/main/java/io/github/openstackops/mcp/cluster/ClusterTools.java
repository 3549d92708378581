package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.cluster.ClusterRecords.ClusterStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.ResourceMonitorReport;
import io.github.openstackops.mcp.cluster.ClusterRecords.ServiceStatusReport;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/** Cross-service overviews: cluster status and health, service reachability, quota pressure. */
@Singleton
public class ClusterTools implements ToolProvider {

    public record StatusArgs(
            @Param(value = "Most servers, volumes, floating IPs and routers counted one by one; beyond it the counts"
                    + " say they are partial", defaultValue = "2000", min = 100, max = 20000) Integer scanLimit,
            @Param(value = "Longest wait for any one service, in seconds", defaultValue = "30", min = 5, max = 120) Integer timeoutSeconds) {
    }

    public record ServiceStatusArgs(
            @Param(value = "Probe timeout per service, in seconds", defaultValue = "5", min = 1, max = 30) Integer timeoutSeconds) {
    }

    public record MonitorArgs(
            @Param(value = "Project id or exact name; the current project when absent (other projects: admin only)",
                    maxLength = 255) String project,
            @Param(value = "Every project of the cloud (admin only)", defaultValue = "false") Boolean allProjects,
            @Param(value = "With all_projects: most projects read (in name order)", defaultValue = "50", min = 1,
                    max = 500) Integer maxProjects,
            @Param(value = "Only resources at or above this percentage of their quota", defaultValue = "0", min = 0,
                    max = 1000) Integer thresholdPercent,
            @Param(value = "Most resources listed", defaultValue = "25", min = 1, max = 500) Integer limit) {
    }

    private final ClusterService cluster;
    private final ServiceStatusService serviceStatus;
    private final ResourceMonitorService monitor;

    public ClusterTools(ClusterService cluster, ServiceStatusService serviceStatus, ResourceMonitorService monitor) {
        this.cluster = cluster;
        this.serviceStatus = serviceStatus;
        this.monitor = monitor;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("cluster_status", Toolset.CLUSTER, StatusArgs.class, ClusterStatus.class)
                        .title("Cluster: Status")
                        .description("The whole cloud in one call: hypervisors and utilisation, servers by status and"
                                + " availability zone, external networks and floating-IP use, routers, volumes by"
                                + " status, load balancers by status (degraded ones named; when the cloud has"
                                + " Octavia), and the health of Nova, Neutron and Cinder services, with a health score"
                                + " (0-100) and named issues (e.g. 'compute service nova-compute on host1 is down',"
                                + " '3 servers in ERROR'). Services are read in parallel; one that is down is marked"
                                + " failed with the reason while the rest is still reported. Use it first to see"
                                + " whether anything is wrong. The full view needs admin; other users get their"
                                + " project's view.")
                        .handler((ctx, a) -> cluster.status(a.scanLimit(), Duration.ofSeconds(a.timeoutSeconds())))
                        .build(),
                ToolDefinition.read("service_status", Toolset.CLUSTER, ServiceStatusArgs.class, ServiceStatusReport.class)
                        .title("Services: Status")
                        .description("Every service of the cloud's catalog (Keystone, Nova, Neutron, Cinder, Glance,"
                                + " Heat, Placement, ...): its endpoint, whether it answers, how fast, and its API"
                                + " version. Probes each endpoint's version document in parallel with a short"
                                + " timeout. Use it when calls fail to see which service is unreachable.")
                        .handler((ctx, a) -> serviceStatus.status(Duration.ofSeconds(a.timeoutSeconds())))
                        .build(),
                ToolDefinition.read("resource_monitor", Toolset.CLUSTER, MonitorArgs.class, ResourceMonitorReport.class)
                        .title("Resources: Monitor")
                        .description("Quota against usage (compute, network, volume) with the resources nearest their"
                                + " limits first, in percent, for the current project, a named one, or every"
                                + " project (all_projects, admin only). Use it to find who is about to run out of"
                                + " instances, cores, RAM, volumes, ports or floating IPs.")
                        .handler((ctx, a) -> monitor.monitor(a.project(), Boolean.TRUE.equals(a.allProjects()),
                                a.maxProjects(), a.thresholdPercent(), a.limit(), Duration.ofSeconds(120)))
                        .build());
    }
}
