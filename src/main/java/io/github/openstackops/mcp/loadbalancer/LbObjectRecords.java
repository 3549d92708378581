package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Listeners, pools, members and health monitors, compactly. */
public final class LbObjectRecords {

    private LbObjectRecords() {
    }

    @Doc("A listener: a protocol and port on the load balancer's VIP")
    public record Listener(
            @Doc("Listener id") String id,
            @Doc("Name") String name,
            @Doc("HTTP, HTTPS, TCP, UDP, SCTP, TERMINATED_HTTPS or PROMETHEUS") String protocol,
            @Doc("Port on the VIP") int protocolPort,
            @Nullable @Doc("Load balancer id") String loadBalancerId,
            @Nullable @Doc("Pool that gets the traffic no L7 policy takes") String defaultPoolId,
            @Doc("Source CIDRs allowed to connect; empty: every address") List<String> allowedCidrs,
            @Nullable @Doc("Most concurrent connections; -1: unlimited") Integer connectionLimit,
            @Doc("Ids of its L7 policies") List<String> l7PolicyIds,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("Provisioning status") String provisioningStatus,
            @Doc("Operating status") String operatingStatus,
            @Nullable @Doc("Description") String description) {
    }

    public static final Page.Kind<Listener> LISTENERS = Page.Kind.of(Listener.class, "listeners", "listeners");

    @Doc("A pool of backend members")
    public record Pool(
            @Doc("Pool id") String id,
            @Doc("Name") String name,
            @Doc("Protocol to the members") String protocol,
            @Doc("ROUND_ROBIN, LEAST_CONNECTIONS, SOURCE_IP or SOURCE_IP_PORT") String lbAlgorithm,
            @Nullable @Doc("Session persistence: SOURCE_IP, HTTP_COOKIE or APP_COOKIE") String sessionPersistence,
            @Doc("Load balancer ids") List<String> loadBalancerIds,
            @Doc("Listener ids using it as default pool") List<String> listenerIds,
            @Nullable @Doc("Health monitor id") String healthMonitorId,
            @Doc("Number of members") int members,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("Provisioning status") String provisioningStatus,
            @Doc("Operating status") String operatingStatus,
            @Nullable @Doc("Description") String description) {
    }

    public static final Page.Kind<Pool> POOLS = Page.Kind.of(Pool.class, "pools", "pools");

    @Doc("A pool member: one backend address and port")
    public record Member(
            @Doc("Member id") String id,
            @Doc("Name") String name,
            @Doc("Address") String address,
            @Doc("Port") int protocolPort,
            @Nullable @Doc("Subnet of the address") String subnetId,
            @Nullable @Doc("Relative share of new connections, 0-256 (0: none)") Integer weight,
            @Doc("Backup member: gets traffic only when all others are down") boolean backup,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("Provisioning status") String provisioningStatus,
            @Doc("ONLINE, DRAINING, OFFLINE, DEGRADED, ERROR or NO_MONITOR") String operatingStatus) {
    }

    @Doc("One page of members")
    public record MemberPage(
            @Doc("Pool id") String poolId,
            @Doc("Members on this page") List<Member> members,
            @Doc("Number on this page") int count,
            @Nullable @Doc("Pass as 'marker' to get the next page; absent on the last page") String nextMarker) {
    }

    @Doc("The members of a pool after a batch replace")
    public record MembersReplaced(
            @Doc("Pool id") String poolId,
            @Doc("The members now") List<Member> members,
            @Doc("Members added, as address:port") List<String> added,
            @Doc("Members removed, as address:port") List<String> removed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A health monitor: how the members of a pool are checked")
    public record HealthMonitor(
            @Doc("Health monitor id") String id,
            @Doc("Name") String name,
            @Doc("HTTP, HTTPS, PING, TCP, TLS-HELLO, UDP-CONNECT or SCTP") String type,
            @Doc("Seconds between checks") int delay,
            @Doc("Seconds a check may take") int timeout,
            @Doc("Successful checks before a member is ONLINE") int maxRetries,
            @Nullable @Doc("Failed checks before a member is ERROR") Integer maxRetriesDown,
            @Nullable @Doc("HTTP method of HTTP(S) checks") String httpMethod,
            @Nullable @Doc("URL path of HTTP(S) checks") String urlPath,
            @Nullable @Doc("HTTP status codes that count as healthy") String expectedCodes,
            @Doc("Pool ids") List<String> poolIds,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("Provisioning status") String provisioningStatus,
            @Nullable @Doc("Operating status") String operatingStatus) {
    }

    public static final Page.Kind<HealthMonitor> HEALTH_MONITORS = Page.Kind.of(HealthMonitor.class, "health_monitors", "health monitors");
}
