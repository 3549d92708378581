package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Routers, compactly. */
public final class RouterRecords {

    private RouterRecords() {
    }

    @Doc("A router, summarised")
    public record RouterSummary(
            @Doc("Router id") String id,
            @Doc("Router name") String name,
            @Doc("ACTIVE, DOWN, BUILD or ERROR") String status,
            @Doc("Administratively up") boolean adminStateUp,
            @Nullable @Doc("External network of its gateway (name, else id); absent without a gateway") String externalNetwork,
            @Doc("Its gateway's external IPs") List<String> externalIps,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<RouterSummary> ROUTERS = Page.Kind.of(RouterSummary.class, "routers", "routers");

    @Doc("A router's external gateway")
    public record Gateway(
            @Doc("External network") Ref network,
            @Doc("External IPs of the gateway") List<String> externalIps,
            @Nullable @Doc("Source NAT for internal networks") Boolean enableSnat) {
    }

    @Doc("A router interface on an internal subnet")
    public record RouterInterface(
            @Doc("Interface port id") String portId,
            @Doc("Router's IP address on the subnet") String ipAddress,
            @Doc("Subnet id") String subnetId,
            @Nullable @Doc("Subnet name") String subnet,
            @Nullable @Doc("Subnet CIDR") String cidr,
            @Doc("Network of the subnet") Ref network) {
    }

    @Doc("A router in detail")
    public record RouterDetail(
            @Doc("Router id") String id,
            @Doc("Router name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("ACTIVE, DOWN, BUILD or ERROR") String status,
            @Doc("Administratively up") boolean adminStateUp,
            @Nullable @Doc("External gateway; absent when the router has none") Gateway gateway,
            @Doc("Interfaces on internal subnets") List<RouterInterface> interfaces,
            @Doc("Extra static routes, as 'destination via nexthop'") List<String> routes,
            @Nullable @Doc("Distributed (DVR) router (admin only)") Boolean distributed,
            @Nullable @Doc("Highly available router (admin only)") Boolean ha,
            @Doc("Availability zones") List<String> availabilityZones,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("The result of adding or removing a router interface")
    public record RouterInterfaceChange(
            @Doc("The router") Ref router,
            @Doc("The subnet") Ref subnet,
            @Doc("Interface port id") String portId,
            @Nullable @Doc("Router's IP address on the subnet") String ipAddress,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a router")
    public record RouterDeleted(
            @Doc("Router id") String id,
            @Doc("Router name") String name,
            @Doc("External IPs of its gateway, released") List<String> releasedGatewayIps,
            @Doc("What happened, in a sentence") String message) {
    }
}
