package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.cloud.lookup.Quotas.ProjectQuotas;
import io.github.openstackops.mcp.cloud.lookup.Quotas.Service;
import io.github.openstackops.mcp.compute.QuotaRecords.QuotaSetResult;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Quota tools: quotas with usage of a project (compute, network, volume, load balancer), and setting them (admin). */
@Singleton
public class QuotaTools implements ToolProvider {

    static final String LIMIT = " (-1: unlimited)";

    public record GetArgs(@Param(value = ComputeUsageTools.PROJECT, maxLength = 255) String project) {
    }

    public record SetArgs(
            @IdOrName("Project id or exact name") String project,
            @Param(value = "Compute: servers" + LIMIT, min = -1) Long instances,
            @Param(value = "Compute: vCPUs" + LIMIT, min = -1) Long cores,
            @Param(value = "Compute: RAM in MiB" + LIMIT, min = -1) Long ramMb,
            @Param(value = "Compute: key pairs per user" + LIMIT, min = -1) Long keyPairs,
            @Param(value = "Compute: server groups" + LIMIT, min = -1) Long serverGroups,
            @Param(value = "Compute: servers per server group" + LIMIT, min = -1) Long serverGroupMembers,
            @Param(value = "Compute: metadata items per server" + LIMIT, min = -1) Long metadataItems,
            @Param(value = "Volume: volumes" + LIMIT, min = -1) Long volumes,
            @Param(value = "Volume: total GiB of volumes and snapshots" + LIMIT, min = -1) Long gigabytes,
            @Param(value = "Volume: snapshots" + LIMIT, min = -1) Long snapshots,
            @Param(value = "Volume: backups" + LIMIT, min = -1) Long backups,
            @Param(value = "Volume: total GiB of backups" + LIMIT, min = -1) Long backupGigabytes,
            @Param(value = "Volume: largest volume in GiB" + LIMIT, min = -1) Long perVolumeGigabytes,
            @Param(value = "Network: networks" + LIMIT, min = -1) Long networks,
            @Param(value = "Network: subnets" + LIMIT, min = -1) Long subnets,
            @Param(value = "Network: ports" + LIMIT, min = -1) Long ports,
            @Param(value = "Network: routers" + LIMIT, min = -1) Long routers,
            @Param(value = "Network: floating IPs" + LIMIT, min = -1) Long floatingIps,
            @Param(value = "Network: security groups" + LIMIT, min = -1) Long securityGroups,
            @Param(value = "Network: security group rules" + LIMIT, min = -1) Long securityGroupRules,
            @Param(value = "Load balancer: load balancers" + LIMIT, min = -1) Long loadBalancers,
            @Param(value = "Load balancer: listeners" + LIMIT, min = -1) Long listeners,
            @Param(value = "Load balancer: pools" + LIMIT, min = -1) Long pools,
            @Param(value = "Load balancer: members" + LIMIT, min = -1) Long members,
            @Param(value = "Load balancer: health monitors" + LIMIT, min = -1) Long healthMonitors,
            @Param(value = "Load balancer: L7 policies" + LIMIT, min = -1) Long l7Policies,
            @Param(value = "Load balancer: L7 rules" + LIMIT, min = -1) Long l7Rules) {

        Map<Service, Map<String, Long>> values() {
            Map<Service, Map<String, Long>> v = new EnumMap<>(Service.class);
            put(v, Service.COMPUTE, "instances", instances);
            put(v, Service.COMPUTE, "cores", cores);
            put(v, Service.COMPUTE, "ram_mb", ramMb);
            put(v, Service.COMPUTE, "key_pairs", keyPairs);
            put(v, Service.COMPUTE, "server_groups", serverGroups);
            put(v, Service.COMPUTE, "server_group_members", serverGroupMembers);
            put(v, Service.COMPUTE, "metadata_items", metadataItems);
            put(v, Service.VOLUME, "volumes", volumes);
            put(v, Service.VOLUME, "gigabytes", gigabytes);
            put(v, Service.VOLUME, "snapshots", snapshots);
            put(v, Service.VOLUME, "backups", backups);
            put(v, Service.VOLUME, "backup_gigabytes", backupGigabytes);
            put(v, Service.VOLUME, "per_volume_gigabytes", perVolumeGigabytes);
            put(v, Service.NETWORK, "networks", networks);
            put(v, Service.NETWORK, "subnets", subnets);
            put(v, Service.NETWORK, "ports", ports);
            put(v, Service.NETWORK, "routers", routers);
            put(v, Service.NETWORK, "floating_ips", floatingIps);
            put(v, Service.NETWORK, "security_groups", securityGroups);
            put(v, Service.NETWORK, "security_group_rules", securityGroupRules);
            put(v, Service.LOAD_BALANCER, "load_balancers", loadBalancers);
            put(v, Service.LOAD_BALANCER, "listeners", listeners);
            put(v, Service.LOAD_BALANCER, "pools", pools);
            put(v, Service.LOAD_BALANCER, "members", members);
            put(v, Service.LOAD_BALANCER, "health_monitors", healthMonitors);
            put(v, Service.LOAD_BALANCER, "l7_policies", l7Policies);
            put(v, Service.LOAD_BALANCER, "l7_rules", l7Rules);
            return v;
        }

        private static void put(Map<Service, Map<String, Long>> v, Service s, String name, Long value) {
            if (value != null) {
                v.computeIfAbsent(s, x -> new LinkedHashMap<>()).put(name, value);
            }
        }
    }

    private final QuotaService quotas;

    public QuotaTools(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("quota_get", Toolset.COMPUTE, GetArgs.class, ProjectQuotas.class)
                        .title("Quotas: Get")
                        .description("A project's quotas with their current usage and percentage used, for compute"
                                + " (instances, cores, RAM, ...), network (networks, ports, floating IPs, ...) and"
                                + " volume (volumes, GiB, snapshots, ...) and, where the cloud has Octavia, load"
                                + " balancer (load balancers, listeners, pools, members, ...). A service that cannot be read is named in"
                                + " 'failures' while the others are still shown. Other projects than the current"
                                + " one: admin only.")
                        .handler((ctx, a) -> quotas.get(a.project()))
                        .build(),
                ToolDefinition.write("quota_set", Toolset.COMPUTE, SetArgs.class, QuotaSetResult.class)
                        .adminOnly()
                        .title("Quotas: Set")
                        .description("Set compute, volume, network and load-balancer quotas of a project; only the quotas given"
                                + " change, and the result shows each one before and after. OpenStack refuses a"
                                + " quota below what is already in use. Admin only.")
                        .handler((ctx, a) -> quotas.set(a.project(), a.values()))
                        .build());
    }
}
