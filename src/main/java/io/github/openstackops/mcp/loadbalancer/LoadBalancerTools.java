package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LoadBalancerDetail;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.Stats;
import jakarta.inject.Singleton;

import java.util.List;

/** Load balancer tools: list, get (status tree), stats, create, update, delete (cascade), failover. */
@Singleton
public class LoadBalancerTools implements ToolProvider {

    static final String LB = "Load balancer id, or its exact name when that name is unique";
    static final String WAIT = "Wait until the load balancer has applied the change (ACTIVE again, with progress);"
            + " false: return at once (default true)";

    public enum ProvisioningStatus { ACTIVE, PENDING_CREATE, PENDING_UPDATE, PENDING_DELETE, DELETED, ERROR }

    public enum OperatingStatus { ONLINE, DRAINING, OFFLINE, DEGRADED, ERROR, NO_MONITOR }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the load balancer with exactly this name", maxLength = 255) String name,
            @Param("Only those in this provisioning status (ERROR: a change failed)") ProvisioningStatus provisioningStatus,
            @Param("Only those in this operating status (DEGRADED: some members down)") OperatingStatus operatingStatus,
            @Param(value = "Only those of this project id (admins see every project's)", maxLength = 64) String projectId) {
    }

    public record GetArgs(
            @IdOrName(LB) String loadBalancer,
            @Param(value = "Include the status tree (listeners, pools, members, monitors with operating status);"
                    + " default true", defaultValue = "true") Boolean statusTree) {
    }

    public record LbArgs(@IdOrName(LB) String loadBalancer) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new load balancer", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Subnet for the VIP (id or exact name); give this or network", maxLength = 255) String subnet,
            @Param(value = "Network for the VIP (id or exact name), instead of a subnet", maxLength = 255) String network,
            @Param(value = "VIP address; absent: the next free one", maxLength = 64) String vipAddress,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Load-balancer flavor (id or exact name; see lb_flavor_list)", maxLength = 255) String flavor,
            @Param(value = "Availability zone (see lb_availability_zone_list)", maxLength = 255) String availabilityZone,
            @Param(value = "Provider driver, e.g. amphora or ovn (see lb_provider_list); absent: the cloud's default",
                    maxLength = 64) String provider,
            @Param("Administratively up; default true") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record UpdateArgs(
            @IdOrName(LB) String loadBalancer,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param("false takes the whole load balancer administratively down") Boolean adminStateUp,
            @Param(value = "Replaces the tags", maxItems = 50) List<String> tags,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record DeleteArgs(
            @IdOrName(LB) String loadBalancer,
            @Param(value = "Delete every listener, pool, member, health monitor and L7 policy under it too (the"
                    + " preview lists them); without it a load balancer that has any is refused",
                    defaultValue = "false") Boolean cascade,
            @JsonProperty("wait") @Wait("Wait until it is gone (default true)") Boolean waitUntilDone) {
    }

    public record FailoverArgs(
            @IdOrName(LB) String loadBalancer,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    private final LoadBalancerService lbs;

    public LoadBalancerTools(LoadBalancerService lbs) {
        this.lbs = lbs;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("loadbalancer_list", Toolset.LOADBALANCER, ListArgs.class, LoadBalancerRecords.LOAD_BALANCERS)
                        .title("Load Balancers: List")
                        .description("List load balancers, one page at a time, with VIP, provisioning and operating"
                                + " status. Filter by name, status or project; Octavia filters. Pass 'next_marker' as"
                                + " 'marker' for the next page.")
                        .handler((ctx, a) -> lbs.list(a.limit(), a.marker(), a.name(),
                                a.provisioningStatus() == null ? null : a.provisioningStatus().name(),
                                a.operatingStatus() == null ? null : a.operatingStatus().name(), a.projectId()))
                        .build(),
                ToolDefinition.read("loadbalancer_get", Toolset.LOADBALANCER, GetArgs.class, LoadBalancerDetail.class)
                        .title("Load Balancers: Get")
                        .description("One load balancer in detail with its status tree: listeners, their pools,"
                                + " members (address, operating status) and health monitors, and, in words, whatever"
                                + " in it is not ONLINE. Answers 'why is my load balancer degraded?'.")
                        .handler((ctx, a) -> lbs.get(a.loadBalancer(), !Boolean.FALSE.equals(a.statusTree())))
                        .build(),
                ToolDefinition.read("loadbalancer_stats", Toolset.LOADBALANCER, LbArgs.class, Stats.class)
                        .title("Load Balancers: Stats")
                        .description("Traffic statistics of a load balancer: active and total connections, bytes"
                                + " in and out, request errors.")
                        .handler((ctx, a) -> lbs.stats(a.loadBalancer()))
                        .build(),
                ToolDefinition.write("loadbalancer_create", Toolset.LOADBALANCER, CreateArgs.class, LoadBalancerDetail.class)
                        .title("Load Balancers: Create")
                        .description("Create a load balancer with its VIP on a subnet (or network), optionally at a"
                                + " given address, with a flavor, availability zone or provider. Then add a listener"
                                + " (lb_listener_create), a pool (lb_pool_create) and members (lb_member_add).")
                        .handler((ctx, a) -> lbs.create(a.name(), a.subnet(), a.network(), a.vipAddress(),
                                a.description(), a.flavor(), a.availabilityZone(), a.provider(), a.adminStateUp(),
                                !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.write("loadbalancer_update", Toolset.LOADBALANCER, UpdateArgs.class, LoadBalancerDetail.class)
                        .title("Load Balancers: Update")
                        .description("Change a load balancer's name, description, tags or admin state; only the"
                                + " given fields change.")
                        .handler((ctx, a) -> lbs.update(a.loadBalancer(), a.name(), a.description(), a.adminStateUp(),
                                a.tags(), !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.destructive("loadbalancer_delete", Toolset.LOADBALANCER, DeleteArgs.class, LbDeleted.class)
                        .title("Load Balancers: Delete")
                        .description("Delete a load balancer and release its VIP. With cascade=true, also every"
                                + " listener, pool, member, health monitor and L7 policy under it (the preview names"
                                + " each); without it, a load balancer that still has any is refused.")
                        .preview((ctx, a) -> lbs.deletePreview(a.loadBalancer(), Boolean.TRUE.equals(a.cascade())))
                        .handler((ctx, a) -> lbs.delete(a.loadBalancer(), Boolean.TRUE.equals(a.cascade()),
                                !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.write("loadbalancer_failover", Toolset.LOADBALANCER, FailoverArgs.class, LoadBalancerDetail.class)
                        .title("Load Balancers: Failover")
                        .adminOnly()
                        .description("Fail a load balancer over to new amphorae (admin only): its amphorae are"
                                + " rebuilt one after the other; connections may drop briefly. For a load balancer"
                                + " stuck in ERROR or with a broken amphora.")
                        .handler((ctx, a) -> lbs.failover(a.loadBalancer(), !Boolean.FALSE.equals(a.waitUntilDone()),
                                ctx))
                        .build());
    }
}
