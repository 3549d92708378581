package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Load balancers, their status tree and statistics, compactly. */
public final class LoadBalancerRecords {

    private LoadBalancerRecords() {
    }

    @Doc("A load balancer, summarised")
    public record LoadBalancerSummary(
            @Doc("Load balancer id") String id,
            @Doc("Name") String name,
            @Nullable @Doc("VIP address") String vipAddress,
            @Nullable @Doc("VIP subnet id") String vipSubnetId,
            @Doc("ACTIVE, PENDING_CREATE/UPDATE/DELETE or ERROR: whether the last change went through")
            String provisioningStatus,
            @Doc("ONLINE, DEGRADED, ERROR, OFFLINE or NO_MONITOR: whether it serves") String operatingStatus,
            @Nullable @Doc("Provider driver, e.g. amphora or ovn") String provider,
            @Doc("Number of listeners") int listeners,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<LoadBalancerSummary> LOAD_BALANCERS = Page.Kind.of(LoadBalancerSummary.class, "load_balancers", "load balancers");

    @Doc("A load balancer in detail")
    public record LoadBalancerDetail(
            @Doc("Load balancer id") String id,
            @Doc("Name") String name,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("VIP address") String vipAddress,
            @Nullable @Doc("VIP subnet id") String vipSubnetId,
            @Nullable @Doc("VIP network id") String vipNetworkId,
            @Nullable @Doc("VIP port id") String vipPortId,
            @Doc("ACTIVE, PENDING_* or ERROR") String provisioningStatus,
            @Doc("ONLINE, DEGRADED, ERROR, OFFLINE or NO_MONITOR") String operatingStatus,
            @Doc("Administratively up") boolean adminStateUp,
            @Nullable @Doc("Provider driver") String provider,
            @Nullable @Doc("Load-balancer flavor id") String flavorId,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated,
            @Doc("Status tree: listeners, their pools, members and monitors with operating status; empty when not"
                    + " asked for") List<ListenerNode> listeners,
            @Doc("Names and ids of what is not ONLINE in the tree, in words (worth a look)") List<String> degraded) {
    }

    @Doc("A listener in the status tree")
    public record ListenerNode(
            @Doc("Listener id") String id,
            @Doc("Name") String name,
            @Doc("Provisioning status") String provisioningStatus,
            @Doc("Operating status") String operatingStatus,
            @Doc("Its pools (default pool and L7 redirect pools)") List<PoolNode> pools) {
    }

    @Doc("A pool in the status tree")
    public record PoolNode(
            @Doc("Pool id") String id,
            @Doc("Name") String name,
            @Doc("Provisioning status") String provisioningStatus,
            @Doc("Operating status") String operatingStatus,
            @Nullable @Doc("Its health monitor") MonitorNode healthMonitor,
            @Doc("Its members") List<MemberNode> members) {
    }

    @Doc("A health monitor in the status tree")
    public record MonitorNode(
            @Doc("Health monitor id") String id,
            @Doc("Name") String name,
            @Nullable @Doc("Type, e.g. HTTP, TCP, PING") String type,
            @Doc("Provisioning status") String provisioningStatus,
            @Nullable @Doc("Operating status") String operatingStatus) {
    }

    @Doc("A member in the status tree")
    public record MemberNode(
            @Doc("Member id") String id,
            @Doc("Name") String name,
            @Nullable @Doc("Address") String address,
            @Nullable @Doc("Port") Integer protocolPort,
            @Doc("Provisioning status") String provisioningStatus,
            @Doc("ONLINE, DRAINING, OFFLINE, DEGRADED, ERROR or NO_MONITOR") String operatingStatus) {
    }

    @Doc("Traffic statistics")
    public record Stats(
            @Doc("Id of the load balancer or listener") String id,
            @Doc("Name") String name,
            @Doc("Connections open now") long activeConnections,
            @Doc("Connections handled in total") long totalConnections,
            @Doc("Bytes received") long bytesIn,
            @Doc("Bytes sent") long bytesOut,
            @Doc("Requests that could not be fulfilled") long requestErrors) {
    }

    @Doc("The result of deleting a load-balancing object")
    public record LbDeleted(
            @Doc("What was deleted, e.g. load_balancer, listener, pool, member") String type,
            @Doc("Its id") String id,
            @Doc("Its name") String name,
            @Doc("Objects that went with it (cascade), in words") List<String> alsoDeleted,
            @Doc("What happened, in a sentence") String message) {
    }
}
